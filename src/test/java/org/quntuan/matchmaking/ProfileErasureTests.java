package org.quntuan.matchmaking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.quntuan.matchmaking.MatchmakingFixtures.Single;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Deleting a profile hides it at once; the erasure job then removes it with its reviews, interests,
 * matches, blocks and reports, so that no table holds its text, and the audit log keeps only the fact.
 */
class ProfileErasureTests extends MatchmakingTestSupport {

	@Autowired
	ProfileErasure erasure;

	@Test
	void afterTheJobNoTableHoldsTheDeletedProfilesText() throws Exception {
		String town = town();
		String marker = "擦除" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		Single he = MatchmakingFixtures.single(jdbc, "市财政局", "MALE", 32);
		Single she = MatchmakingFixtures.single(jdbc, "市教育局", "FEMALE", 30);
		consent(he);
		MvcResult saved = putAs(he.username(), "/profile", MatchmakingFixtures.profile(he, town, "\"" + marker + "\"", null)
			.replaceFirst("\"nickname\":\"[^\"]*\"", "\"nickname\":\"" + marker + "\"")
			.replace("喜欢安静地看书", marker + "的自我介绍"));
		assertThat(status(saved)).as(text(saved)).isEqualTo(200);
		long his = body(saved).get("id").asLong();
		approve("admin", his);
		long hers = approvedSingle(she, town, "\"" + marker + "\"", "{\"tags\":[\"" + marker + "\"]}");
		assertThat(status(postAs(he.username(), "/interests", "{\"to\":" + hers + "}"))).isEqualTo(201);
		assertThat(status(postAs(she.username(), "/interests", "{\"to\":" + his + "}"))).isEqualTo(201);
		assertThat(status(postAs(she.username(), "/reports", "{\"profileId\":" + his + ",\"reason\":\"测试\"}")))
			.isEqualTo(201);
		assertThat(tablesHolding(marker)).contains("MATCHMAKING_PROFILE.NICKNAME", "MATCHMAKING_PROFILE.INTRO");

		assertThat(status(deleteAs(he.username(), "/profile"))).isEqualTo(204);
		// hidden at once: from search, and from her matches
		assertThat(body(getAs(she.username(), "/profiles?hometown=" + town)).get("totalElements").asInt()).isZero();
		assertThat(body(getAs(she.username(), "/matches")).get("totalElements").asInt()).isZero();
		assertThat(status(getAs(he.username(), "/profile"))).isEqualTo(404);

		assertThat(erasure.eraseDeleted()).isGreaterThanOrEqualTo(1);
		// her own profile keeps its hobby (the marker): only his rows must be gone
		assertThat(tablesHolding(marker)).containsOnly("MATCHMAKING_PROFILE.HOBBIES", "MATCHMAKING_PROFILE.PREF_TAGS");
		assertThat(jdbc.sql("select count(*) from matchmaking_profile where person_id = :p").param("p", he.id())
			.query(Integer.class).single()).isZero();
		for (String table : List.of("matchmaking_interest", "matchmaking_match", "matchmaking_report", "matchmaking_review")) {
			assertThat(jdbc.sql("select count(*) from " + table + " where " + (table.equals("matchmaking_review")
					? "profile_id = :p" : table.equals("matchmaking_match") ? "low_profile_id = :p or high_profile_id = :p"
							: table.equals("matchmaking_report") ? "reported_profile_id = :p" : "from_profile_id = :p"))
				.param("p", his).query(Integer.class).single()).as(table).isZero();
		}
		assertThat(jdbc.sql("""
				select detail from audit_event where object_type = 'MATCHMAKING_PROFILE' and object_id = :id
				order by id""").param("id", String.valueOf(his)).query(String.class).list())
			.anyMatch(d -> d.startsWith("清除已删除的红娘资料"));
		// she may apply anew later; he may too, at once
		consent(he);
		assertThat(status(putAs(he.username(), "/profile", MatchmakingFixtures.profile(he, town, "\"读书\"", null))))
			.isEqualTo(200);
	}

	/** Every text column of every table (and view) holding the text, as TABLE.COLUMN in upper case. */
	private List<String> tablesHolding(String text) {
		List<Map<String, Object>> columns = jdbc.sql("""
				select table_name, column_name from information_schema.columns
				where lower(table_schema) = 'public' and (lower(data_type) like '%char%' or lower(data_type) = 'text'
				  or lower(data_type) like '%clob%' or lower(data_type) like '%large object%')""")
			.query().listOfRows();
		List<String> found = new ArrayList<>();
		for (Map<String, Object> c : columns) {
			String table = String.valueOf(c.values().toArray()[0]);
			String column = String.valueOf(c.values().toArray()[1]);
			if (table.toLowerCase().startsWith("flyway")) {
				continue;
			}
			int n = jdbc.sql("select count(*) from \"" + table + "\" where \"" + column + "\" like :t")
				.param("t", "%" + text + "%").query(Integer.class).single();
			if (n > 0) {
				found.add(table.toUpperCase() + "." + column.toUpperCase());
			}
		}
		return found;
	}
}
