package org.quntuan.matchmaking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/** A profile as stored, with the path of its organ (the scope of its reviewers). */
record ProfileRow(long id, long personId, long organId, String organPath, String gender, String nickname, int birthYear,
		int height, Education education, String hometown, List<String> hobbies, String intro, Integer prefAgeFrom,
		Integer prefAgeTo, Integer prefHeightFrom, Integer prefHeightTo, Education prefEducation, List<String> prefTags,
		ProfileStatus status, String returnReason, boolean paused, boolean withdrawn, OffsetDateTime deletedAt,
		boolean listed, boolean recommendations, int consentVersion, OffsetDateTime updatedAt, int version) {

	static final String COLUMNS = """
			mp.id, mp.person_id, mp.organ_id, organ.path as organ_path, mp.gender, mp.nickname, mp.birth_year, mp.height,
			mp.education, mp.hometown, mp.hobbies, mp.intro, mp.pref_age_from, mp.pref_age_to, mp.pref_height_from,
			mp.pref_height_to, mp.pref_education, mp.pref_tags, mp.status, mp.return_reason, mp.paused, mp.withdrawn,
			mp.deleted_at, mp.listed, mp.recommendations, mp.consent_version, mp.updated_at, mp.version""";

	static final String FROM = " from matchmaking_profile mp join org organ on organ.id = mp.organ_id";

	boolean approved() {
		return status == ProfileStatus.APPROVED && deletedAt == null;
	}

	/** Whether search and recommendations show it, as the column {@code listed} must say. */
	static boolean listed(ProfileStatus status, boolean paused, boolean withdrawn, OffsetDateTime deletedAt) {
		return status == ProfileStatus.APPROVED && !paused && !withdrawn && deletedAt == null;
	}

	static ProfileRow map(ResultSet rs, int i) throws SQLException {
		String prefEducation = rs.getString("pref_education");
		return new ProfileRow(rs.getLong("id"), rs.getLong("person_id"), rs.getLong("organ_id"), rs.getString("organ_path"),
				rs.getString("gender"), rs.getString("nickname"), rs.getInt("birth_year"), rs.getInt("height"),
				Education.valueOf(rs.getString("education")), rs.getString("hometown"), tags(rs.getString("hobbies")),
				rs.getString("intro"), (Integer) rs.getObject("pref_age_from", Integer.class),
				rs.getObject("pref_age_to", Integer.class), rs.getObject("pref_height_from", Integer.class),
				rs.getObject("pref_height_to", Integer.class),
				prefEducation == null ? null : Education.valueOf(prefEducation), tags(rs.getString("pref_tags")),
				ProfileStatus.valueOf(rs.getString("status")), rs.getString("return_reason"), rs.getBoolean("paused"),
				rs.getBoolean("withdrawn"), rs.getObject("deleted_at", OffsetDateTime.class), rs.getBoolean("listed"),
				rs.getBoolean("recommendations"), rs.getInt("consent_version"), rs.getObject("updated_at", OffsetDateTime.class), rs.getInt("version"));
	}

	/** ",a,b," → [a, b] */
	static List<String> tags(String stored) {
		if (stored == null || stored.isBlank()) {
			return List.of();
		}
		return Arrays.stream(stored.split(",")).filter(s -> !s.isBlank()).toList();
	}

	/** [a, b] → ",a,b,", so that one tag is found by {@code like '%,tag,%'} */
	static String stored(List<String> tags) {
		return tags.isEmpty() ? "" : "," + String.join(",", tags) + ",";
	}
}
