package org.quntuan.member;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.quntuan.platform.CodeLabel;
import org.quntuan.platform.Masking;

/**
 * A person with every field. ID number and mobile are whole only when {@code masked} is false,
 * which the rules allow for the federation admin, the person's org admins and the person.
 */
public record PersonDetail(long id, String name, CodeLabel gender, LocalDate birthDate, String idNumber,
		String mobile, long organId, String organName, String position, CodeLabel politicalStatus,
		CodeLabel unionStatus, LocalDate unionJoinedOn, CodeLabel employmentStatus, boolean active,
		OffsetDateTime updatedAt, int version, boolean masked, boolean editable, List<OrganPeriod> organHistory) {

	public record OrganPeriod(String organName, LocalDate validFrom, LocalDate validTo, String reason,
			String endReason) {
	}

	static PersonDetail of(PersonRow p, boolean whole, boolean editable, List<OrganPeriod> history) {
		return new PersonDetail(p.id(), p.name(), p.gender().toCodeLabel(), p.birthDate(),
				whole ? p.idNumber() : Masking.keepHeadAndTail(p.idNumber()),
				whole ? p.mobile() : Masking.keepHeadAndTail(p.mobile()), p.organId(), p.organName(), p.position(),
				p.politicalStatus().toCodeLabel(), p.unionStatus().toCodeLabel(), p.unionJoinedOn(),
				p.employmentStatus().toCodeLabel(), p.active(), p.updatedAt(), p.version(), !whole, editable, history);
	}
}
