package org.quntuan.matchmaking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;
import org.quntuan.matchmaking.MatchmakingFixtures.Single;
import org.quntuan.support.TestClock;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Refused applications and interests: each with a clear error naming what is wrong, and nothing stored.
 */
class MatchmakingBadInputTests extends MatchmakingTestSupport {

	private int profiles(Single s) {
		return jdbc.sql("select count(*) from matchmaking_profile where person_id = :p").param("p", s.id())
			.query(Integer.class).single();
	}

	private int interests() {
		return MatchmakingFixtures.count(jdbc, "matchmaking_interest");
	}

	@Test
	void applicationsOutsideTheRulesAreRefusedAndNothingIsStored() throws Exception {
		String town = town();
		Single s = MatchmakingFixtures.single(jdbc, "市财政局", "FEMALE", 25);
		consent(s);
		MvcResult married = putAs(s.username(), "/profile", MatchmakingFixtures.profile(s, town, "\"读书\"", null)
			.replace("\"unmarriedDeclared\":true", "\"unmarriedDeclared\":false"));
		assertThat(status(married)).isEqualTo(400);
		assertThat(text(married)).contains("unmarriedDeclared").contains("请声明本人未婚");
		MvcResult fields = putAs(s.username(), "/profile", """
				{"nickname":"","birthYear":1900,"height":300,"education":"NOPE","hometown":"x","hobbies":[],"intro":"x",
				 "preferences":{"ageFrom":40,"ageTo":30},"unmarriedDeclared":true}""");
		assertThat(status(fields)).isEqualTo(400);
		assertThat(text(fields)).contains("nickname").contains("birthYear").contains("height").contains("education")
			.contains("preferences.ageFrom");
		assertThat(profiles(s)).isZero();

		Single young = MatchmakingFixtures.single(jdbc, "市财政局", "MALE", 19);
		consent(young);
		MvcResult underAge = putAs(young.username(), "/profile", MatchmakingFixtures.profile(young, town, "\"读书\"", null));
		assertThat(status(underAge)).isEqualTo(422);
		assertThat(body(underAge).get("detail").asString()).isEqualTo("申请红娘服务须年满 20 周岁");
		assertThat(profiles(young)).isZero();

		String organ = organWithoutUnion();
		Single outside = MatchmakingFixtures.single(jdbc, organ, "MALE", 27);
		consent(outside);
		MvcResult notMember = putAs(outside.username(), "/profile",
				MatchmakingFixtures.profile(outside, town, "\"读书\"", null));
		assertThat(status(notMember)).isEqualTo(422);
		assertThat(body(notMember).get("detail").asString()).contains("不是机关工委的会员单位");
		assertThat(profiles(outside)).isZero();
		// admin has no person: matchmaking is not for it
		assertThat(status(putAs("admin", "/profile", MatchmakingFixtures.profile(s, town, "\"读书\"", null))))
			.isEqualTo(403);
	}

	@Test
	void interestsInOneselfTwiceInABlockedPersonOrWithoutAnApprovedProfileAreRefused() throws Exception {
		String town = town();
		Single he = MatchmakingFixtures.single(jdbc, "市教育局", "MALE", 29);
		Single she = MatchmakingFixtures.single(jdbc, "市教育局", "FEMALE", 28);
		Single waiting = MatchmakingFixtures.single(jdbc, "市教育局", "FEMALE", 27);
		long his = approvedSingle(he, town, "\"围棋\"", null);
		long hers = approvedSingle(she, town, "\"围棋\"", null);
		long pending = apply(waiting, town, "\"围棋\"", null);
		int before = interests();

		MvcResult self = postAs(he.username(), "/interests", "{\"to\":" + his + "}");
		assertThat(status(self)).isEqualTo(400);
		assertThat(body(self).get("detail").asString()).isEqualTo("不能对自己心动、屏蔽或举报自己");
		assertThat(status(postAs(he.username(), "/interests", "{}"))).isEqualTo(400);
		assertThat(status(postAs(he.username(), "/interests", "{\"to\":99999999}"))).isEqualTo(404);
		// a profile still in review is not there to be liked, and its owner may not like anyone yet
		assertThat(status(postAs(he.username(), "/interests", "{\"to\":" + pending + "}"))).isEqualTo(404);
		MvcResult notApproved = postAs(waiting.username(), "/interests", "{\"to\":" + his + "}");
		assertThat(status(notApproved)).isEqualTo(422);
		assertThat(body(notApproved).get("detail").asString()).startsWith("您的资料须审核通过");
		assertThat(status(postAs("member1", "/interests", "{\"to\":" + his + "}"))).isEqualTo(422);
		assertThat(interests()).isEqualTo(before);

		assertThat(status(postAs(he.username(), "/interests", "{\"to\":" + hers + "}"))).isEqualTo(201);
		MvcResult twice = postAs(he.username(), "/interests", "{\"to\":" + hers + "}");
		assertThat(status(twice)).isEqualTo(409);
		assertThat(body(twice).get("detail").asString()).isEqualTo("您已对对方心动过");
		assertThat(interests()).isEqualTo(before + 1);

		// she blocks him: his interest is void, she cannot like him, and to him she is gone
		assertThat(status(postAs(she.username(), "/blocks", "{\"profileId\":" + his + "}"))).isEqualTo(204);
		assertThat(status(postAs(she.username(), "/blocks", "{\"profileId\":" + his + "}"))).isEqualTo(409);
		MvcResult blocked = postAs(she.username(), "/interests", "{\"to\":" + his + "}");
		assertThat(status(blocked)).isEqualTo(422);
		assertThat(body(blocked).get("detail").asString()).isEqualTo("您已屏蔽对方，不能心动");
		assertThat(jdbc.sql("select status from matchmaking_interest where from_profile_id = :a and to_profile_id = :b")
			.param("a", his).param("b", hers).query(String.class).single()).isEqualTo("DECLINED");
		assertThat(interests()).isEqualTo(before + 1);
		// a review by someone who may not, and a return without a reason
		assertThat(status(postAs(he.username(), "/profiles/" + pending + "/review", "{\"approve\":true}"))).isEqualTo(403);
		MvcResult noReason = postAs("orgadmin2", "/profiles/" + pending + "/review", "{\"approve\":false}");
		assertThat(status(noReason)).isEqualTo(400);
		assertThat(jdbc.sql("select status from matchmaking_profile where id = :id").param("id", pending)
			.query(String.class).single()).isEqualTo("PENDING");
	}

	/** An organ of the first 片组 with no 工会 or 妇委会 of its own: not a member organ. */
	private String organWithoutUnion() {
		String name = "无工会单位" + System.nanoTime() % 100000;
		long group = orgId("第一片组");
		String path = jdbc.sql("select path from org where id = :g").param("g", group).query(String.class).single();
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into org (parent_id, type, name, name_pinyin, path, depth, created_at)
				values (:g, 'ORGAN', :n, 'wugonghui', :tmp, 2, :now)""")
			.param("g", group).param("n", name).param("tmp", "/tmp" + System.nanoTime() + "/")
			.param("now", OffsetDateTime.now(TestClock.CLOCK)).update(keys, "id");
		long id = keys.getKey().longValue();
		jdbc.sql("update org set path = :p where id = :id").param("p", path + id + "/").param("id", id).update();
		return name;
	}
}
