package org.quntuan.matchmaking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.quntuan.matchmaking.MatchmakingFixtures.Single;
import org.springframework.test.web.servlet.MvcResult;

/**
 * 智慧红娘 through the API, as two colleagues of different organs use it: consent to the rules, apply,
 * are reviewed by their own organ's union only, find and are recommended to each other, show interest and
 * match; neither learns the other's real name, organ or mobile from any matchmaking answer or
 * notification before the match, and both do after it.
 */
class MatchmakingApiTests extends MatchmakingTestSupport {

	@Test
	void twoColleaguesApplyAreReviewedByTheirOwnUnionFindEachOtherAndSeeContactsOnlyAfterTheMatch() throws Exception {
		String town = town();
		Single he = MatchmakingFixtures.single(jdbc, "市财政局", "MALE", 28);
		Single she = MatchmakingFixtures.single(jdbc, "市教育局", "FEMALE", 26);
		List<String> hisAnswers = new ArrayList<>();

		// the rules first: without a consent nobody applies
		MvcResult rules = getAs(he.username(), "/rules");
		assertThat(body(rules).get("consentRequired").asBoolean()).isTrue();
		assertThat(body(rules).get("text").asString()).contains("7 天内");
		MvcResult early = putAs(he.username(), "/profile", MatchmakingFixtures.profile(he, town, "\"徒步\"", null));
		assertThat(status(early)).isEqualTo(422);
		assertThat(body(early).get("detail").asString()).isEqualTo("请先阅读并同意当前版本的红娘服务规则");
		assertThat(status(postAs(he.username(), "/consents", "{\"version\":2}"))).isEqualTo(409);

		long his = apply(he, town, "\"徒步\",\"摄影\"", "{\"ageFrom\":22,\"ageTo\":30,\"tags\":[\"读书\"]}");
		long hers = apply(she, town, "\"徒步\",\"读书\"", "{\"ageFrom\":25,\"ageTo\":35,\"heightFrom\":165}");
		assertThat(body(getAs(he.username(), "/rules")).get("consentRequired").asBoolean()).isFalse();

		// without an approved profile he sees nobody
		assertThat(body(getAs(he.username(), "/profiles?hometown=" + town)).get("totalElements").asInt()).isZero();
		assertThat(body(getAs(he.username(), "/recommendations")).get("totalElements").asInt()).isZero();

		// each organ's union reviews its own applicants only
		List<Long> financeQueue = ids(getAs("orgadmin1", "/reviews?size=200"));
		assertThat(financeQueue).contains(his).doesNotContain(hers);
		List<Long> educationQueue = ids(getAs("orgadmin2", "/reviews?size=200"));
		assertThat(educationQueue).contains(hers).doesNotContain(his);
		assertThat(status(getAs("orgadmin1", "/reviews/" + hers))).isEqualTo(404);
		assertThat(status(postAs("orgadmin1", "/profiles/" + hers + "/review", "{\"approve\":true}"))).isEqualTo(404);
		assertThat(status(getAs("member1", "/reviews"))).isEqualTo(403);
		MvcResult opened = getAs("orgadmin1", "/reviews/" + his);
		assertThat(status(opened)).isEqualTo(200);
		assertThat(body(opened).get("name").asString()).isEqualTo(he.name());
		assertThat(jdbc.sql("""
				select count(*) from audit_event where type = 'PERSONAL_DATA_VIEW' and object_type = 'MATCHMAKING_PROFILE'
				  and object_id = :id and actor = 'orgadmin1'""").param("id", String.valueOf(his)).query(Integer.class)
			.single()).isEqualTo(1);
		approve("orgadmin1", his);
		approve("orgadmin2", hers);
		assertThat(status(postAs("orgadmin1", "/profiles/" + his + "/review", "{\"approve\":true}"))).isEqualTo(409);

		// he sees who reviewed his profile and when
		MvcResult mine = getAs(he.username(), "/profile");
		hisAnswers.add(text(mine));
		JsonNode reviews = body(mine).get("reviews");
		assertThat(reviews).hasSize(1);
		assertThat(reviews.get(0).get("approved").asBoolean()).isTrue();
		assertThat(reviews.get(0).get("decidedAt").isNull()).isFalse();
		assertThat(body(mine).get("listed").asBoolean()).isTrue();

		// they find each other, and are recommended to each other with the reason in words
		MvcResult found = getAs(he.username(), "/profiles?hometown=" + town + "&hobby=" + "徒步");
		hisAnswers.add(text(found));
		assertThat(ids(found)).containsExactly(hers);
		assertThat(body(getAs(he.username(), "/profiles?hometown=" + town + "&ageFrom=27")).get("totalElements").asInt())
			.isZero();
		MvcResult recommended = getAs(he.username(), "/recommendations");
		hisAnswers.add(text(recommended));
		JsonNode card = card(recommended, hers);
		assertThat(card).as(text(recommended)).isNotNull();
		assertThat(card.get("reason").asString()).contains("你们都喜欢徒步").contains("年龄在彼此范围内");
		assertThat(card(getAs(she.username(), "/recommendations"), his)).isNotNull();
		hisAnswers.add(text(getAs(he.username(), "/profiles/" + hers)));

		// interest: she is told, without any name; nobody sees contacts yet
		MvcResult interest = postAs(he.username(), "/interests", "{\"to\":" + hers + "}");
		assertThat(status(interest)).as(text(interest)).isEqualTo(201);
		hisAnswers.add(text(interest));
		long interestId = body(interest).get("id").asLong();
		assertThat(body(getAs(he.username(), "/matches")).get("totalElements").asInt()).isZero();
		MvcResult received = getAs(she.username(), "/interests");
		JsonNode first = body(received).get("content").get(0);
		assertThat(first.get("direction").asString()).isEqualTo("RECEIVED");
		assertThat(first.get("canAnswer").asBoolean()).isTrue();
		assertThat(first.get("other").get("id").asLong()).isEqualTo(his);
		hisAnswers.add(text(getAs(he.username(), "/interests")));
		for (String answer : hisAnswers) {
			assertThat(answer).doesNotContain(she.name()).doesNotContain(she.mobile()).doesNotContain("市教育局");
		}
		assertThat(text(received)).doesNotContain(he.name()).doesNotContain(he.mobile()).doesNotContain("市财政局");
		assertThat(notificationTexts(she)).isNotEmpty().allSatisfy(t -> assertThat(t).doesNotContain(he.name())
			.doesNotContain(he.mobile()).doesNotContain("市财政局"));

		// she accepts: a match, and now each sees the other's name, organ and mobile
		MvcResult accepted = postAs(she.username(), "/interests/" + interestId + "/accept", null);
		assertThat(status(accepted)).as(text(accepted)).isEqualTo(200);
		JsonNode hisMatch = body(getAs(he.username(), "/matches")).get("content").get(0);
		assertThat(hisMatch.get("name").asString()).isEqualTo(she.name());
		assertThat(hisMatch.get("organName").asString()).isEqualTo("市教育局");
		assertThat(hisMatch.get("mobile").asString()).isEqualTo(she.mobile());
		JsonNode herMatch = body(getAs(she.username(), "/matches")).get("content").get(0);
		assertThat(herMatch.get("name").asString()).isEqualTo(he.name());
		assertThat(notificationTexts(he)).anyMatch(t -> t.contains("配对成功"));
		assertThat(status(postAs(she.username(), "/interests/" + interestId + "/accept", null))).isEqualTo(409);
	}

	@Test
	void changingWhatOthersSeeSendsItBackToReviewPreferencesDoNotAndSwitchesHideOrMute() throws Exception {
		String town = town();
		Single he = MatchmakingFixtures.single(jdbc, "市财政局", "MALE", 30);
		Single she = MatchmakingFixtures.single(jdbc, "市财政局", "FEMALE", 29);
		long his = approvedSingle(he, town, "\"跑步\"", null);
		long hers = approvedSingle(she, town, "\"跑步\"", null);
		assertThat(ids(getAs(he.username(), "/recommendations"))).contains(hers);

		// recommendations off (PIPL art. 24): none, while search still works
		MvcResult off = putAs(he.username(), "/profile/settings", "{\"recommendations\":false}");
		assertThat(body(off).get("recommendations").asBoolean()).isFalse();
		assertThat(body(getAs(he.username(), "/recommendations")).get("totalElements").asInt()).isZero();
		assertThat(ids(getAs(he.username(), "/profiles?hometown=" + town))).containsExactly(hers);

		// preferences only: still approved
		int version = body(getAs(he.username(), "/profile")).get("version").asInt();
		String prefsOnly = MatchmakingFixtures.profile(he, town, "\"跑步\"", "{\"ageFrom\":20,\"ageTo\":40}")
			.replace("\"unmarriedDeclared\":true", "\"unmarriedDeclared\":true,\"version\":" + version);
		MvcResult kept = putAs(he.username(), "/profile", prefsOnly);
		assertThat(body(kept).get("status").get("code").asString()).as(text(kept)).isEqualTo("APPROVED");
		// without the version read: 400, a stale one 409
		assertThat(status(putAs(he.username(), "/profile", MatchmakingFixtures.profile(he, town, "\"跑步\"", null))))
			.isEqualTo(400);
		assertThat(status(putAs(he.username(), "/profile", prefsOnly))).isEqualTo(409);
		// a new introduction: back to review, hidden from her at once
		String changed = MatchmakingFixtures.profile(he, town, "\"跑步\"", null)
			.replace("喜欢安静地看书", "周末常去图书馆")
			.replace("\"unmarriedDeclared\":true", "\"unmarriedDeclared\":true,\"version\":" + (version + 1));
		MvcResult again = putAs(he.username(), "/profile", changed);
		assertThat(body(again).get("status").get("code").asString()).as(text(again)).isEqualTo("PENDING");
		assertThat(ids(getAs(she.username(), "/profiles?hometown=" + town))).isEmpty();
		approve("orgadmin1", his);
		assertThat(ids(getAs(she.username(), "/profiles?hometown=" + town))).containsExactly(his);

		// pause hides, withdrawal of the consent hides at once
		putAs(he.username(), "/profile/settings", "{\"paused\":true}");
		assertThat(ids(getAs(she.username(), "/profiles?hometown=" + town))).isEmpty();
		putAs(he.username(), "/profile/settings", "{\"paused\":false}");
		assertThat(ids(getAs(she.username(), "/profiles?hometown=" + town))).containsExactly(his);
		assertThat(status(deleteAs(he.username(), "/consents"))).isEqualTo(204);
		assertThat(ids(getAs(she.username(), "/profiles?hometown=" + town))).isEmpty();
		assertThat(body(getAs(he.username(), "/rules")).get("consentRequired").asBoolean()).isTrue();
		consent(he);
		assertThat(ids(getAs(she.username(), "/profiles?hometown=" + town))).containsExactly(his);

		// rules of a newer version than his consent (as if the rules were raised): hidden, and asked again
		jdbc.sql("update matchmaking_consent set version = 0 where person_id = :p").param("p", he.id()).update();
		jdbc.sql("update matchmaking_profile set consent_version = 0 where id = :id").param("id", his).update();
		assertThat(ids(getAs(she.username(), "/profiles?hometown=" + town))).isEmpty();
		assertThat(body(getAs(he.username(), "/rules")).get("consentRequired").asBoolean()).isTrue();
		assertThat(body(getAs(he.username(), "/profiles?hometown=" + town)).get("totalElements").asInt()).isZero();
		consent(he);
		assertThat(ids(getAs(she.username(), "/profiles?hometown=" + town))).containsExactly(his);
	}

	@Test
	void anInterestFromSomeoneWhoWithdrewSinceCannotBeAcceptedAndOpensNoContact() throws Exception {
		String town = town();
		Single he = MatchmakingFixtures.single(jdbc, "市财政局", "MALE", 30);
		Single she = MatchmakingFixtures.single(jdbc, "市教育局", "FEMALE", 28);
		approvedSingle(he, town, "\"骑行\"", null);
		long hers = approvedSingle(she, town, "\"骑行\"", null);
		MvcResult interest = postAs(he.username(), "/interests", "{\"to\":" + hers + "}");
		assertThat(status(interest)).as(text(interest)).isEqualTo(201);
		long id = body(interest).get("id").asLong();
		assertThat(status(deleteAs(he.username(), "/consents"))).isEqualTo(204);

		assertThat(status(postAs(she.username(), "/interests/" + id + "/accept", null))).isEqualTo(404);
		String matches = text(getAs(she.username(), "/matches"));
		assertThat(matches).doesNotContain(he.name()).doesNotContain(he.mobile());
		assertThat(jdbc.sql("select status from matchmaking_interest where id = :id").param("id", id).query(String.class)
			.single()).isEqualTo("PENDING");
	}

	@Test
	void blockingHidesBothWaysAndReportsReachTheWorkCommittee() throws Exception {
		String town = town();
		Single he = MatchmakingFixtures.single(jdbc, "市财政局", "MALE", 31);
		Single she = MatchmakingFixtures.single(jdbc, "市教育局", "FEMALE", 27);
		long his = approvedSingle(he, town, "\"游泳\"", null);
		long hers = approvedSingle(she, town, "\"游泳\"", null);
		MvcResult report = postAs(she.username(), "/reports", "{\"profileId\":" + his + ",\"reason\":\"言语不当\"}");
		assertThat(status(report)).as(text(report)).isEqualTo(201);
		assertThat(ids(getAs("admin", "/reports?size=200"))).contains(body(report).get("id").asLong());
		assertThat(status(getAs("orgadmin1", "/reports"))).isEqualTo(403);
		assertThat(status(postAs(she.username(), "/blocks", "{\"profileId\":" + his + "}"))).isEqualTo(204);
		assertThat(ids(getAs(she.username(), "/profiles?hometown=" + town))).isEmpty();
		assertThat(ids(getAs(he.username(), "/profiles?hometown=" + town))).isEmpty();
		assertThat(ids(getAs(he.username(), "/recommendations"))).doesNotContain(hers);
		assertThat(status(getAs(he.username(), "/profiles/" + hers))).isEqualTo(404);
	}

	private List<Long> ids(MvcResult r) throws Exception {
		assertThat(status(r)).as(text(r)).isEqualTo(200);
		List<Long> ids = new ArrayList<>();
		body(r).get("content").forEach(n -> ids.add(n.get("id").asLong()));
		return ids;
	}

	private JsonNode card(MvcResult r, long id) throws Exception {
		for (JsonNode n : body(r).get("content")) {
			if (n.get("id").asLong() == id) {
				return n;
			}
		}
		return null;
	}

	private List<String> notificationTexts(Single s) {
		return jdbc.sql("""
				select coalesce(n.title, '') || ' ' || coalesce(n.body, '') from notification n join account a
				  on a.id = n.recipient_account_id where a.person_id = :p""")
			.param("p", s.id()).query(String.class).list();
	}
}
