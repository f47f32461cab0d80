package org.quntuan.member;

import java.time.LocalDate;
import java.time.Period;

import org.quntuan.platform.CodeLabel;
import org.quntuan.platform.Masking;

/** A person in a list: ID number and mobile always masked. */
public record PersonListItem(long id, String name, CodeLabel gender, int age, long organId, String organName,
		String idNumber, String mobile, String position, CodeLabel politicalStatus, CodeLabel unionStatus,
		CodeLabel employmentStatus) {

	static PersonListItem of(PersonRow p, LocalDate today) {
		return new PersonListItem(p.id(), p.name(), p.gender().toCodeLabel(),
				Period.between(p.birthDate(), today).getYears(), p.organId(), p.organName(),
				Masking.keepHeadAndTail(p.idNumber()), Masking.keepHeadAndTail(p.mobile()), p.position(),
				p.politicalStatus().toCodeLabel(), p.unionStatus().toCodeLabel(), p.employmentStatus().toCodeLabel());
	}
}
