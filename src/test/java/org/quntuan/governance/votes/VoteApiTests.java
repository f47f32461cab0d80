package org.quntuan.governance.votes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quntuan.governance.votes.VoteFixtures.ballots;
import static org.quntuan.governance.votes.VoteFixtures.close;
import static org.quntuan.governance.votes.VoteFixtures.json;
import static org.quntuan.governance.votes.VoteFixtures.options;
import static org.quntuan.governance.votes.VoteFixtures.people;
import static org.quntuan.governance.votes.VoteFixtures.registered;
import static org.quntuan.governance.votes.VoteFixtures.username;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.quntuan.support.AuditTrail;
import org.quntuan.support.IntegrationTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Votes through the API: an admin makes a vote for an org in reach, its people vote once inside the window,
 * the results come after the close (with each voter's choice only for an open ballot), the admins see who
 * voted; voting twice, after the window or without being on the list is refused and changes nothing.
 */
class VoteApiTests extends IntegrationTest {

	private MvcResult send(MockHttpServletRequestBuilder request, String username, String body) throws Exception {
		request.header("Authorization", bearer(username));
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(body);
		}
		return mvc.perform(request).andReturn();
	}

	private long created(String username, String body) throws Exception {
		MvcResult r = send(post("/api/v1/votes"), username, body);
		assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201);
		return body(r).get("id").asLong();
	}

	private MvcResult cast(String username, long vote, Long... choices) throws Exception {
		return send(post("/api/v1/votes/" + vote + "/ballots"), username, "{\"choices\":" + List.of(choices) + "}");
	}

	private String detail(MvcResult r) throws Exception {
		return body(r).get("detail").asString();
	}

	private long union(String organ) {
		return jdbc.sql("select id from org where type = 'UNION' and parent_id = :o").param("o", orgId(organ))
			.query(Long.class).single();
	}

	private int votes() {
		return jdbc.sql("select count(*) from gov_vote").query(Integer.class).single();
	}

	@Test
	void theUnionsPeopleVoteOnceAndSeeTheCountsAfterTheClose() throws Exception {
		long union = union("市财政局");
		long vote = created("orgadmin1", json("职工之家改造方案" + System.nanoTime(), union, null, false, 1, "方案一", "方案二"));
		int eligible = jdbc.sql("select count(*) from gov_vote_voter where vote_id = :v").param("v", vote)
			.query(Integer.class).single();
		int unionMembers = jdbc.sql("""
				select count(*) from person where organ_id = :o and active = true and union_status = 'MEMBER'""")
			.param("o", orgId("市财政局")).query(Integer.class).single();
		assertThat(eligible).isEqualTo(unionMembers).isPositive();
		List<Long> options = options(jdbc, vote);

		JsonNode mine = body(send(get("/api/v1/votes"), "member1", null));
		assertThat(mine.get("content").findValuesAsString("title")).anyMatch(t -> t.startsWith("职工之家改造方案"));
		assertThat(cast("member1", vote, options.get(1)).getResponse().getStatus()).isEqualTo(201);
		MvcResult twice = cast("member1", vote, options.get(0));
		assertThat(twice.getResponse().getStatus()).isEqualTo(409);
		assertThat(detail(twice)).startsWith("您已在“职工之家改造方案").endsWith("中投过票，每人只能投一次");
		assertThat(registered(jdbc, vote)).isEqualTo(1);
		assertThat(ballots(jdbc, vote)).isEqualTo(1);

		MvcResult early = send(get("/api/v1/votes/" + vote + "/results"), "member1", null);
		assertThat(early.getResponse().getStatus()).isEqualTo(422);
		assertThat(detail(early)).endsWith("截止后才公布结果");
		// someone of another organ does not see the vote at all
		assertThat(cast("orgadmin2", vote, options.get(0)).getResponse().getStatus()).isEqualTo(404);
		assertThat(send(get("/api/v1/votes/" + vote), "orgadmin2", null).getResponse().getStatus()).isEqualTo(404);

		close(jdbc, vote);
		long other = people(jdbc, "市财政局", 1).get(0);
		MvcResult late = cast(username(jdbc, other), vote, options.get(0));
		assertThat(late.getResponse().getStatus()).isEqualTo(422);
		assertThat(detail(late)).endsWith("已截止");
		assertThat(registered(jdbc, vote)).isEqualTo(1);

		JsonNode results = body(send(get("/api/v1/votes/" + vote + "/results"), "member1", null));
		assertThat(results.get("ballots").asInt()).isEqualTo(1);
		assertThat(results.get("voters").asInt()).isEqualTo(eligible);
		assertThat(results.get("counts").get(0).get("count").asLong()).isZero();
		assertThat(results.get("counts").get(1).get("count").asLong()).isEqualTo(1);
		// an open ballot names each voter's choice
		assertThat(results.get("choices")).hasSize(1);
		assertThat(results.get("choices").get(0).get("options").get(0).asString()).isEqualTo("方案二");
		JsonNode voters = body(send(get("/api/v1/votes/" + vote + "/voters"), "orgadmin1", null));
		assertThat(voters.get("totalElements").asInt()).isEqualTo(1);
		assertThat(voters.get("content").get(0).get("personId").asLong()).isEqualTo(personOf("member1"));
		assertThat(send(get("/api/v1/votes/" + vote + "/voters"), "member1", null).getResponse().getStatus()).isEqualTo(403);
		assertThat(AuditTrail.of(jdbc, Votes.BALLOT, vote)).singleElement()
			.satisfies(e -> assertThat(e.actor()).isEqualTo("member1"));
	}

	@Test
	void onlyThePeopleListedMayVoteAndOnlyWithinTheirChoices() throws Exception {
		List<Long> people = people(jdbc, "市财政局", 2);
		long vote = created("admin", json("评选候选人" + System.nanoTime(), orgId("市财政局"), people, true, 2, "甲", "乙", "丙"));
		List<Long> options = options(jdbc, vote);
		String first = username(jdbc, people.get(0));
		// member1 works in the organ but is not on the list
		assertThat(cast("member1", vote, options.get(0)).getResponse().getStatus()).isEqualTo(404);
		MvcResult notListed = cast("admin", vote, options.get(0));
		assertThat(notListed.getResponse().getStatus()).isEqualTo(403);
		assertThat(detail(notListed)).isEqualTo("您不在本次投票的人员范围内");

		MvcResult tooMany = cast(first, vote, options.get(0), options.get(1), options.get(2));
		assertThat(tooMany.getResponse().getStatus()).isEqualTo(400);
		assertThat(detail(tooMany)).contains("每票最多选 2 项");
		MvcResult foreign = cast(first, vote, 99_999_999L);
		assertThat(foreign.getResponse().getStatus()).isEqualTo(400);
		assertThat(detail(foreign)).contains("所选选项不属于本次投票");
		assertThat(cast(first, vote, options.get(0), options.get(0)).getResponse().getStatus()).isEqualTo(400);
		assertThat(send(post("/api/v1/votes/" + vote + "/ballots"), first, "{}").getResponse().getStatus()).isEqualTo(400);
		assertThat(registered(jdbc, vote)).isZero();
		assertThat(cast(first, vote, options.get(0), options.get(2)).getResponse().getStatus()).isEqualTo(201);
		assertThat(jdbc.sql("select count(*) from gov_vote_choice c join gov_vote_ballot b on b.id = c.ballot_id where b.vote_id = :v")
			.param("v", vote).query(Integer.class).single()).isEqualTo(2);

		jdbc.sql("update gov_vote set opens_at = :o, closes_at = :c where id = :v").param("o", VoteFixtures.now().plusDays(1))
			.param("c", VoteFixtures.now().plusDays(2)).param("v", vote).update();
		MvcResult early = cast(username(jdbc, people.get(1)), vote, options.get(1));
		assertThat(early.getResponse().getStatus()).isEqualTo(422);
		assertThat(detail(early)).endsWith("尚未开始");
		assertThat(registered(jdbc, vote)).isEqualTo(1);
	}

	@Test
	void aBadVoteIsRefusedWithEveryProblemNamedAndNothingMade() throws Exception {
		int before = votes();
		MvcResult bad = send(post("/api/v1/votes"), "admin", """
				{"title":"","orgId":%d,"options":["只有一项"],"opensAt":"%s","closesAt":"%s"}"""
			.formatted(orgId("市财政局"), VoteFixtures.now().plusHours(2), VoteFixtures.now().plusHours(1)));
		assertThat(bad.getResponse().getStatus()).isEqualTo(400);
		String problems = bad.getResponse().getContentAsString();
		assertThat(problems).contains("请填写投票主题").contains("选项须为 2 至 50 项").contains("截止时间须晚于开始时间")
			.contains("请选择记名或无记名投票");
		MvcResult outsider = send(post("/api/v1/votes"), "orgadmin1",
				json("越权投票", orgId("市教育局"), null, true, 1, "是", "否"));
		assertThat(outsider.getResponse().getStatus()).isEqualTo(403);
		assertThat(detail(outsider)).isEqualTo("“市教育局”不在您的管理范围内");
		MvcResult strangers = send(post("/api/v1/votes"), "orgadmin1",
				json("越权名单", union("市财政局"), people(jdbc, "市教育局", 1), true, 1, "是", "否"));
		assertThat(strangers.getResponse().getStatus()).isEqualTo(400);
		assertThat(send(post("/api/v1/votes"), "member1", json("会员发起", orgId("市财政局"), null, true, 1, "是", "否"))
			.getResponse().getStatus()).isEqualTo(403);
		assertThat(votes()).isEqualTo(before);
	}
}
