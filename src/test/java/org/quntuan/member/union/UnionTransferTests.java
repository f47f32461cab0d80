package org.quntuan.member.union;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.quntuan.member.union.UnionFixtures.Person;
import org.springframework.test.web.servlet.MvcResult;

/**
 * 会员关系转接: a member transferred to another organ leaves a transfer open; the old union releases, the new one
 * accepts (the releasing union cannot), and the member's number and history stay with the person.
 */
class UnionTransferTests extends UnionTestSupport {

	private long transfer(Person p, String toOrgan) throws Exception {
		expect(postJson("admin", "/api/v1/members/" + p.id() + "/transfer", "{\"toOrganId\":%d,\"reason\":\"工作调动\",\"version\":%d}"
			.formatted(orgId(toOrgan), personVersion(p.id()))), 200);
		return jdbc.sql("select id from member_union_transfer where person_id = :p and state <> 'DONE'").param("p", p.id())
			.query(Long.class).single();
	}

	private String state(long id) {
		return jdbc.sql("select state from member_union_transfer where id = :id").param("id", id).query(String.class).single();
	}

	@Test
	void theOldUnionReleasesAndTheNewOneAcceptsWhileTheNumberAndHistoryStay() throws Exception {
		Person p = member();
		String number = membership("orgadmin1", p.id()).get("memberNumber").asString();
		long id = transfer(p, "市教育局");
		assertThat(state(id)).isEqualTo("WAITING_RELEASE");
		assertThat(ids("orgadmin1", "waiting-release")).contains(id);
		assertThat(ids("orgadmin2", "waiting-release")).contains(id);
		assertThat(ids("orgadmin2", "done")).doesNotContain(id);

		MvcResult early = expect(postJson("orgadmin2", "/api/v1/union/transfers/" + id + "/accept", "{}"), 422);
		assertThat(body(early).get("detail").asString()).isEqualTo("原单位工会尚未转出会员关系，暂不能接收。");
		expect(postJson("orgadmin2", "/api/v1/union/transfers/" + id + "/release", "{}"), 422);
		expect(postJson("orgadmin1", "/api/v1/union/transfers/" + id + "/release", "{}"), 204);
		assertThat(state(id)).isEqualTo("WAITING_ACCEPT");
		MvcResult byReleasing = expect(postJson("orgadmin1", "/api/v1/union/transfers/" + id + "/accept", "{}"), 422);
		assertThat(body(byReleasing).get("detail").asString()).isEqualTo("转出方工会不能代为接收，须由新单位工会接收会员关系。");
		assertThat(state(id)).isEqualTo("WAITING_ACCEPT");
		expect(postJson("orgadmin2", "/api/v1/union/transfers/" + id + "/accept", "{}"), 204);
		assertThat(state(id)).isEqualTo("DONE");
		expect(postJson("orgadmin2", "/api/v1/union/transfers/" + id + "/accept", "{}"), 409);

		JsonNode done = body(expect(getJson("orgadmin2", "/api/v1/union/transfers?state=done&size=200"), 200));
		JsonNode row = null;
		for (JsonNode t : done.get("content")) {
			if (t.get("id").asLong() == id) {
				row = t;
			}
		}
		assertThat(row).isNotNull();
		assertThat(row.get("releasedBy").asString()).isNotBlank();
		assertThat(row.get("acceptedAt").asString()).isNotBlank();
		assertThat(row.get("fromUnionName").asString()).isEqualTo("市财政局工会");
		assertThat(row.get("toUnionName").asString()).isEqualTo("市教育局工会");
		JsonNode m = membership("orgadmin2", p.id());
		assertThat(m.get("memberNumber").asString()).isEqualTo(number);
		assertThat(m.get("history")).hasSize(2);
		assertThat(m.get("history").get(0).get("reason").asString()).isEqualTo("会员关系转接：市财政局工会 → 市教育局工会");
		assertThat(jdbc.sql("select union_id from member_union_membership where person_id = :p").param("p", p.id())
			.query(Long.class).single()).isEqualTo(orgId("市教育局工会"));
	}

	@Test
	void onlyMembersHaveATransferAndTheListIsScopedAndChecked() throws Exception {
		Person nonMember = UnionFixtures.person(jdbc, "市财政局", "NOT_MEMBER");
		expect(postJson("admin", "/api/v1/members/" + nonMember.id() + "/transfer", "{\"toOrganId\":%d,\"reason\":\"调动\",\"version\":%d}"
			.formatted(orgId("市教育局"), personVersion(nonMember.id()))), 200);
		assertThat(UnionFixtures.count(jdbc, "member_union_transfer", nonMember.id())).isZero();
		expect(getJson("orgadmin1", "/api/v1/union/transfers?state=somewhere"), 400);
		expect(getJson("member1", "/api/v1/union/transfers"), 403);
		Person p = member();
		long id = transfer(p, "市教育局");
		expect(postJson("member1", "/api/v1/union/transfers/" + id + "/release", "{}"), 403);
		assertThat(ids("group8", null)).doesNotContain(id);
		expect(postJson("group8", "/api/v1/union/transfers/" + id + "/release", "{}"), 404);
		assertThat(state(id)).isEqualTo("WAITING_RELEASE");
	}

	private List<Long> ids(String user, String state) throws Exception {
		JsonNode page = body(expect(getJson(user, "/api/v1/union/transfers?size=200" + (state == null ? "" : "&state=" + state)), 200));
		List<Long> ids = new ArrayList<>();
		page.get("content").forEach(t -> ids.add(t.get("id").asLong()));
		return ids;
	}
}
