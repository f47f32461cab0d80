package org.quntuan.member;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** Validated values of a person, ready to be written. */
record PersonValues(String name, String pinyin, String initials, Gender gender, LocalDate birthDate, String idNumber,
		String mobile, long organId, String position, PoliticalStatus politicalStatus, UnionStatus unionStatus,
		LocalDate unionJoinedOn, EmploymentStatus employmentStatus) {

	Map<String, Object> params() {
		Map<String, Object> m = new HashMap<>();
		m.put("name", name);
		m.put("pinyin", pinyin);
		m.put("initials", initials);
		m.put("gender", gender.name());
		m.put("birth", birthDate);
		m.put("idNumber", idNumber);
		m.put("mobile", mobile);
		m.put("mobileReversed", new StringBuilder(mobile).reverse().toString());
		m.put("organ", organId);
		m.put("position", position);
		m.put("political", politicalStatus.name());
		m.put("union", unionStatus.name());
		m.put("unionJoined", unionJoinedOn);
		m.put("employment", employmentStatus.name());
		return m;
	}
}
