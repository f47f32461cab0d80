package org.quntuan.matchmaking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.SqlCondition;
import org.quntuan.platform.SqlPages;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Listed profiles another member may see: of the other gender, neither side blocking the other. Search
 * pages in SQL; recommendations take a prefilter by both sides' ranges (set-based, bounded) and score it
 * in Java.
 */
@Repository
class SearchRepository {

	/** At most so many candidates are scored for one member's recommendations. */
	static final int PREFILTER_LIMIT = 3000;

	private static final String VISIBLE = " " + """
			 where mp.listed = true and mp.consent_version = :rulesVersion and mp.gender <> :myGender and mp.id <> :self
			  and not exists (select 1 from matchmaking_block b where b.blocker_profile_id = :self
			    and b.blocked_profile_id = mp.id)
			  and not exists (select 1 from matchmaking_block b where b.blocker_profile_id = mp.id
			    and b.blocked_profile_id = :self)""";

	/** Only what the score reads: thousands of candidates travel light, the top N are read whole after. */
	private static final String SCORED = """
			mp.id, mp.gender, mp.birth_year, mp.height, mp.education, mp.hometown, mp.hobbies, mp.pref_age_from,
			mp.pref_age_to, mp.pref_height_from, mp.pref_height_to, mp.pref_education, mp.pref_tags""";

	private final JdbcClient jdbc;

	private final MatchmakingSettings settings;

	SearchRepository(JdbcClient jdbc, MatchmakingSettings settings) {
		this.jdbc = jdbc;
		this.settings = settings;
	}

	PageResult<ProfileRow> search(ProfileRow me, SqlCondition filter, PageRequest page) {
		Map<String, Object> params = new LinkedHashMap<>(filter.params());
		params.put("myGender", me.gender());
		params.put("self", me.id());
		params.put("rulesVersion", settings.rulesVersion());
		return SqlPages.page(jdbc, ProfileRow.COLUMNS, ProfileRow.FROM + VISIBLE + " and " + filter.sql(), "mp.id desc",
				params, page, ProfileRow::map);
	}

	/** One listed profile the member may see. */
	Optional<ProfileRow> visible(ProfileRow me, long id) {
		return jdbc.sql("select " + ProfileRow.COLUMNS + ProfileRow.FROM + VISIBLE + " and mp.id = :id")
			.param("myGender", me.gender()).param("self", me.id()).param("rulesVersion", settings.rulesVersion())
			.param("id", id).query(ProfileRow::map).optional();
	}

	/**
	 * The candidates within both sides' age and height ranges, not already sent an interest by the member.
	 */
	List<ProfileRow> candidates(ProfileRow me, int year) {
		int myAge = year - me.birthYear();
		StringBuilder sql = new StringBuilder("select " + SCORED + " from matchmaking_profile mp" + VISIBLE);
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("myGender", me.gender());
		params.put("self", me.id());
		params.put("rulesVersion", settings.rulesVersion());
		params.put("myAge", myAge);
		params.put("myHeight", me.height());
		if (me.prefAgeTo() != null) {
			sql.append(" and mp.birth_year >= :minYear");
			params.put("minYear", year - me.prefAgeTo());
		}
		if (me.prefAgeFrom() != null) {
			sql.append(" and mp.birth_year <= :maxYear");
			params.put("maxYear", year - me.prefAgeFrom());
		}
		if (me.prefHeightFrom() != null) {
			sql.append(" and mp.height >= :heightFrom");
			params.put("heightFrom", me.prefHeightFrom());
		}
		if (me.prefHeightTo() != null) {
			sql.append(" and mp.height <= :heightTo");
			params.put("heightTo", me.prefHeightTo());
		}
		sql.append("""
				 and (mp.pref_age_from is null or mp.pref_age_from <= :myAge)
				 and (mp.pref_age_to is null or mp.pref_age_to >= :myAge)
				 and (mp.pref_height_from is null or mp.pref_height_from <= :myHeight)
				 and (mp.pref_height_to is null or mp.pref_height_to >= :myHeight)
				 and not exists (select 1 from matchmaking_interest i where i.from_profile_id = :self
				   and i.to_profile_id = mp.id)
				order by mp.id fetch first %d rows only""".formatted(PREFILTER_LIMIT));
		return jdbc.sql(sql.toString()).params(params).query(SearchRepository::scored).list();
	}

	/** The whole rows of these profiles, in the order given. */
	List<ProfileRow> rows(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Long, ProfileRow> byId = new LinkedHashMap<>();
		jdbc.sql("select " + ProfileRow.COLUMNS + ProfileRow.FROM + " where mp.id in (:ids)").param("ids", ids)
			.query(ProfileRow::map).list().forEach(r -> byId.put(r.id(), r));
		return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
	}

	private static ProfileRow scored(ResultSet rs, int i) throws SQLException {
		String prefEducation = rs.getString("pref_education");
		return new ProfileRow(rs.getLong("id"), 0, 0, null, rs.getString("gender"), null, rs.getInt("birth_year"),
				rs.getInt("height"), Education.valueOf(rs.getString("education")), rs.getString("hometown"),
				ProfileRow.tags(rs.getString("hobbies")), null, rs.getObject("pref_age_from", Integer.class),
				rs.getObject("pref_age_to", Integer.class), rs.getObject("pref_height_from", Integer.class),
				rs.getObject("pref_height_to", Integer.class),
				prefEducation == null ? null : Education.valueOf(prefEducation), ProfileRow.tags(rs.getString("pref_tags")),
				ProfileStatus.APPROVED, null, false, false, null, true, true, 0, null, 0);
	}
}
