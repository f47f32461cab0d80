package org.quntuan.matchmaking;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.quntuan.platform.Coded;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.TextInput;

/** A profile's values, checked: every problem is named at its field, all at once. */
record ProfileValues(String nickname, int birthYear, int height, Education education, String hometown,
		List<String> hobbies, String intro, Integer ageFrom, Integer ageTo, Integer heightFrom, Integer heightTo,
		Education prefEducation, List<String> prefTags) {

	static final int MIN_HEIGHT = 130;

	static final int MAX_HEIGHT = 230;

	static ProfileValues check(ProfileInput in, int personBirthYear) {
		List<InvalidValueException.Problem> problems = new ArrayList<>();
		if (!Boolean.TRUE.equals(in.unmarriedDeclared())) {
			problems.add(new InvalidValueException.Problem("unmarriedDeclared", "matchmaking.profile.error.unmarried"));
		}
		String nickname = name("nickname", in.nickname(), 20, "matchmaking.profile.error.nickname", problems);
		if (in.birthYear() == null || in.birthYear() != personBirthYear) {
			problems.add(new InvalidValueException.Problem("birthYear", "matchmaking.profile.error.birth-year"));
		}
		if (in.height() == null || in.height() < MIN_HEIGHT || in.height() > MAX_HEIGHT) {
			problems.add(new InvalidValueException.Problem("height", "matchmaking.profile.error.height"));
		}
		Education education = education("education", in.education(), problems);
		if (education == null && problems.stream().noneMatch(p -> p.field().equals("education"))) {
			problems.add(new InvalidValueException.Problem("education", "matchmaking.profile.error.education"));
		}
		String hometown = name("hometown", in.hometown(), 20, "matchmaking.profile.error.hometown", problems);
		List<String> hobbies = tags("hobbies", in.hobbies(), problems);
		String intro = null;
		try {
			intro = in.intro() == null ? null : TextInput.text("intro", in.intro());
		}
		catch (InvalidValueException ex) {
			problems.add(new InvalidValueException.Problem("intro", ex.text()));
		}
		if ((intro == null || intro.isBlank() || intro.length() > 500)
				&& problems.stream().noneMatch(p -> p.field().equals("intro"))) {
			problems.add(new InvalidValueException.Problem("intro", "matchmaking.profile.error.intro"));
		}
		ProfileInput.Preferences p = in.preferences() == null ? new ProfileInput.Preferences(null, null, null, null, null,
				null) : in.preferences();
		range("preferences.ageFrom", p.ageFrom(), p.ageTo(), 18, 70, "matchmaking.profile.error.age-range", problems);
		range("preferences.heightFrom", p.heightFrom(), p.heightTo(), MIN_HEIGHT, MAX_HEIGHT,
				"matchmaking.profile.error.height-range", problems);
		Education prefEducation = education("preferences.education", p.education(), problems);
		List<String> prefTags = tags("preferences.tags", p.tags(), problems);
		if (!problems.isEmpty()) {
			throw new InvalidValueException(problems);
		}
		return new ProfileValues(nickname, in.birthYear(), in.height(), education, hometown, hobbies, intro.strip(),
				p.ageFrom(), p.ageTo(), p.heightFrom(), p.heightTo(), prefEducation, prefTags);
	}

	/** Whether what others see differs from the row: then a new review is due. */
	boolean changesShownFields(ProfileRow row) {
		return !nickname.equals(row.nickname()) || birthYear != row.birthYear() || height != row.height()
				|| education != row.education() || !hometown.equals(row.hometown()) || !hobbies.equals(row.hobbies())
				|| !intro.equals(row.intro());
	}

	Map<String, Object> params() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("nickname", nickname);
		m.put("birthYear", birthYear);
		m.put("height", height);
		m.put("education", education.name());
		m.put("hometown", hometown);
		m.put("hobbies", ProfileRow.stored(hobbies));
		m.put("intro", intro);
		m.put("ageFrom", ageFrom);
		m.put("ageTo", ageTo);
		m.put("heightFrom", heightFrom);
		m.put("heightTo", heightTo);
		m.put("prefEducation", prefEducation == null ? null : prefEducation.name());
		m.put("tags", ProfileRow.stored(prefTags));
		return m;
	}

	private static String name(String field, String value, int max, String key, List<InvalidValueException.Problem> problems) {
		try {
			String s = TextInput.name(field, value);
			if (s == null || s.length() > max) {
				problems.add(new InvalidValueException.Problem(field, key));
				return null;
			}
			return s;
		}
		catch (InvalidValueException ex) {
			problems.add(new InvalidValueException.Problem(field, ex.text()));
			return null;
		}
	}

	private static Education education(String field, String value, List<InvalidValueException.Problem> problems) {
		try {
			return Coded.parse(Education.class, value);
		}
		catch (InvalidValueException ex) {
			problems.add(new InvalidValueException.Problem(field, "matchmaking.profile.error.education"));
			return null;
		}
	}

	private static List<String> tags(String field, List<String> values, List<InvalidValueException.Problem> problems) {
		Set<String> tags = new LinkedHashSet<>();
		if (values == null) {
			return List.of();
		}
		for (String v : values) {
			String tag = name(field, v, 10, "matchmaking.profile.error.tag", problems);
			if (tag != null && tag.contains(",")) {
				problems.add(new InvalidValueException.Problem(field, "matchmaking.profile.error.tag"));
			}
			else if (tag != null) {
				tags.add(tag);
			}
		}
		if (tags.size() > 10) {
			problems.add(new InvalidValueException.Problem(field, "matchmaking.profile.error.tags-count"));
		}
		return List.copyOf(tags);
	}

	private static void range(String field, Integer from, Integer to, int min, int max, String key,
			List<InvalidValueException.Problem> problems) {
		if (from != null && (from < min || from > max) || to != null && (to < min || to > max)
				|| from != null && to != null && from > to) {
			problems.add(new InvalidValueException.Problem(field, key));
		}
	}
}
