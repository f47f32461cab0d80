package org.quntuan.member;

import java.time.LocalDate;

/**
 * What a page form or the API sends for a person. Enums come as code or Chinese label; gender and
 * birth date may be left out and are then read from the ID number.
 */
public record PersonForm(String name, String idNumber, String mobile, String gender, LocalDate birthDate, Long organId,
		String position, String politicalStatus, String unionStatus, LocalDate unionJoinedOn,
		String employmentStatus, Integer version) {

	public static PersonForm empty() {
		return new PersonForm(null, null, null, null, null, null, null, "MASSES", "MEMBER", null, "IN_SERVICE", null);
	}

	static PersonForm of(PersonRow p) {
		return new PersonForm(p.name(), p.idNumber(), p.mobile(), p.gender().name(), p.birthDate(), p.organId(),
				p.position(), p.politicalStatus().name(), p.unionStatus().name(), p.unionJoinedOn(),
				p.employmentStatus().name(), p.version());
	}
}
