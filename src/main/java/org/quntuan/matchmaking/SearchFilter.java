package org.quntuan.matchmaking;

import java.util.ArrayList;
import java.util.List;

import org.quntuan.platform.Coded;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.SqlCondition;
import org.quntuan.platform.TextInput;

/** The filters of a search, each optional, as bound SQL over {@code matchmaking_profile mp}. */
record SearchFilter(Integer ageFrom, Integer ageTo, Integer heightFrom, Integer heightTo, String education,
		String hometown, String hobby) {

	SqlCondition condition(int year) {
		List<SqlCondition> terms = new ArrayList<>();
		if (ageFrom != null) {
			terms.add(SqlCondition.of("mp.birth_year <= :fMaxYear", "fMaxYear", year - bounded("ageFrom", ageFrom, 0, 120)));
		}
		if (ageTo != null) {
			terms.add(SqlCondition.of("mp.birth_year >= :fMinYear", "fMinYear", year - bounded("ageTo", ageTo, 0, 120)));
		}
		if (heightFrom != null) {
			terms.add(SqlCondition.of("mp.height >= :fHeightFrom", "fHeightFrom", bounded("heightFrom", heightFrom, 0, 300)));
		}
		if (heightTo != null) {
			terms.add(SqlCondition.of("mp.height <= :fHeightTo", "fHeightTo", bounded("heightTo", heightTo, 0, 300)));
		}
		Education least;
		try {
			least = Coded.parse(Education.class, education);
		}
		catch (InvalidValueException ex) {
			throw new InvalidValueException("education", "matchmaking.profile.error.education");
		}
		if (least != null) {
			List<String> levels = new ArrayList<>();
			for (Education e : Education.values()) {
				if (e.atLeast(least)) {
					levels.add(e.name());
				}
			}
			terms.add(SqlCondition.of("mp.education in (:fEducations)", "fEducations", levels));
		}
		String town = TextInput.name("hometown", hometown);
		if (town != null) {
			terms.add(SqlCondition.of("mp.hometown like :fHometown", "fHometown", "%" + SqlCondition.likePrefix(town)));
		}
		String tag = TextInput.name("hobby", hobby);
		if (tag != null) {
			terms.add(SqlCondition.of("mp.hobbies like :fHobby", "fHobby",
					"%," + SqlCondition.likePrefix(tag.replace(",", "")).replaceAll("%$", "") + ",%"));
		}
		return SqlCondition.allOf(terms);
	}

	private static int bounded(String field, int value, int min, int max) {
		if (value < min || value > max) {
			throw new InvalidValueException(field, "matchmaking.search.error.range");
		}
		return value;
	}
}
