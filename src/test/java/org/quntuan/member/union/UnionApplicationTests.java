package org.quntuan.member.union;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.quntuan.member.union.UnionFixtures.Person;
import org.springframework.test.web.servlet.MvcResult;

/**
 * 入会申请 through the API: a person applies under their real name, the organ's union admits them (会员 from
 * that day, with a number of the union and the year, a history row, a notice to the applicant) or refuses
 * with a reason; the queue is the reviewer's unions only; bad input is named and changes nothing.
 */
class UnionApplicationTests extends UnionTestSupport {

	@Test
	void aPersonAppliesAndTheirUnionAdmitsThemWithANumberAndAHistoryRow() throws Exception {
		Person p = UnionFixtures.person(jdbc, "市财政局", "NOT_MEMBER");
		MvcResult created = expect(apply(p, p.idNumber().toLowerCase(), true), 201);
		long id = body(created).get("id").asLong();
		assertThat(created.getResponse().getHeader("Location")).isEqualTo("/api/v1/union/applications/" + id);
		assertThat(body(created).get("state").get("code").asString()).isEqualTo("PENDING");
		assertThat(body(created).get("unionName").asString()).isEqualTo("市财政局工会");

		JsonNode mine = body(expect(getJson(p.username(), "/api/v1/union/applications/mine"), 200));
		assertThat(mine.get("totalElements").asLong()).isEqualTo(1);
		assertThat(ids(body(expect(getJson("orgadmin1", "/api/v1/union/applications?size=200"), 200)))).contains(id);
		assertThat(ids(body(expect(getJson("orgadmin2", "/api/v1/union/applications?size=200"), 200)))).doesNotContain(id);

		JsonNode decided = body(expect(decide("orgadmin1", id, true, null), 200));
		assertThat(decided.get("state").get("code").asString()).isEqualTo("APPROVED");
		String number = decided.get("memberNumber").asString();
		long union = orgId("市财政局工会");
		assertThat(number).matches(String.format("%04d", union) + UnionFixtures.today().getYear() + "\\d{5}");
		assertThat(UnionFixtures.unionStatus(jdbc, p.id())).isEqualTo("MEMBER");
		assertThat(jdbc.sql("select union_joined_on from person where id = :p").param("p", p.id())
			.query(LocalDate.class).single()).isEqualTo(UnionFixtures.today());
		JsonNode membership = membership(p.username(), p.id());
		assertThat(membership.get("memberNumber").asString()).isEqualTo(number);
		assertThat(membership.get("history")).hasSize(1);
		assertThat(membership.get("history").get(0).get("fromStatus").get("code").asString()).isEqualTo("NOT_MEMBER");
		assertThat(membership.get("history").get(0).get("toStatus").get("code").asString()).isEqualTo("MEMBER");
		assertThat(jdbc.sql("select count(*) from notification where template = 'union-application-approved'"
				+ " and event_key = :k").param("k", "union-application-decided-" + id).query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from audit_event where object_type = 'UNION_APPLICATION' and object_id = :id")
			.param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(2);
		// numbers are unique and run on within the union's year
		Person next = UnionFixtures.person(jdbc, "市财政局", "NOT_MEMBER");
		String second = body(expect(decide("orgadmin1", applied(next), true, null), 200)).get("memberNumber").asString();
		assertThat(Long.parseLong(second.substring(second.length() - 5)))
			.isEqualTo(Long.parseLong(number.substring(number.length() - 5)) + 1);
	}

	@Test
	void aRefusalNeedsAReasonLeavesThePersonAsTheyWereAndTheyMayApplyAgain() throws Exception {
		Person p = UnionFixtures.person(jdbc, "市财政局", "NOT_MEMBER");
		long id = applied(p);
		MvcResult noReason = expect(decide("orgadmin1", id, false, null), 400);
		assertThat(body(noReason).toString()).contains("reason");
		expect(decide("orgadmin1", id, false, "请先补充材料"), 200);
		assertThat(UnionFixtures.unionStatus(jdbc, p.id())).isEqualTo("NOT_MEMBER");
		assertThat(UnionFixtures.count(jdbc, "member_union_history", p.id())).isZero();
		assertThat(UnionFixtures.count(jdbc, "member_union_membership", p.id())).isZero();
		long again = applied(p);
		assertThat(again).isNotEqualTo(id);
	}

	@Test
	void applyingAsAMemberOrTwiceOrWithAnotherIdNumberOrWithoutConsentIsRefusedAndNothingIsWritten() throws Exception {
		Person member = UnionFixtures.person(jdbc, "市财政局", "MEMBER");
		MvcResult already = expect(apply(member, member.idNumber(), true), 409);
		assertThat(body(already).get("detail").asString()).isEqualTo("您的会籍为“会员”，无需申请入会。");
		assertThat(UnionFixtures.count(jdbc, "member_union_application", member.id())).isZero();

		Person p = UnionFixtures.person(jdbc, "市财政局", "NOT_MEMBER");
		MvcResult wrongId = expect(apply(p, "11010119900307001X", true), 400);
		assertThat(body(wrongId).toString()).contains("idNumber").contains("身份证号与本人人员档案不一致");
		MvcResult noConsent = expect(apply(p, p.idNumber(), false), 400);
		assertThat(body(noConsent).toString()).contains("consent");
		assertThat(UnionFixtures.count(jdbc, "member_union_application", p.id())).isZero();

		applied(p);
		MvcResult twice = expect(apply(p, p.idNumber(), true), 409);
		assertThat(body(twice).get("detail").asString()).isEqualTo("您已有一份入会申请在审核中。");
		assertThat(UnionFixtures.count(jdbc, "member_union_application", p.id())).isEqualTo(1);
		// an account without a person (the work committee's admin) has nothing to apply for
		expect(postJson("admin", "/api/v1/union/applications", "{\"idNumber\":\"1\",\"consent\":true}"), 403);
	}

	@Test
	void anApplicationIsDecidedOnceByItsOwnUnionOnly() throws Exception {
		Person p = UnionFixtures.person(jdbc, "市财政局", "NOT_MEMBER");
		long id = applied(p);
		expect(decide("orgadmin2", id, true, null), 404);
		expect(decide("member1", id, true, null), 403);
		expect(decide(p.username(), id, true, null), 403);
		expect(postJson("orgadmin1", "/api/v1/union/applications/" + id + "/decision", "{}"), 400);
		assertThat(state(id)).isEqualTo("PENDING");
		expect(decide("orgadmin1", id, true, null), 200);
		String number = jdbc.sql("select member_number from member_union_membership where person_id = :p").param("p", p.id())
			.query(String.class).single();
		MvcResult twice = expect(decide("admin", id, false, "重复审核"), 409);
		assertThat(body(twice).get("detail").asString()).isEqualTo("该申请已审核（已通过），不能再次审核。");
		assertThat(state(id)).isEqualTo("APPROVED");
		assertThat(UnionFixtures.unionStatus(jdbc, p.id())).isEqualTo("MEMBER");
		assertThat(UnionFixtures.count(jdbc, "member_union_history", p.id())).isEqualTo(1);
		assertThat(jdbc.sql("select member_number from member_union_membership where person_id = :p").param("p", p.id())
			.query(String.class).single()).isEqualTo(number);
		expect(getJson("orgadmin1", "/api/v1/union/applications?state=NOPE"), 400);
		expect(getJson("member1", "/api/v1/union/applications"), 403);
	}

	private String state(long id) {
		return jdbc.sql("select state from member_union_application where id = :id").param("id", id).query(String.class)
			.single();
	}

	private static List<Long> ids(JsonNode page) {
		List<Long> ids = new ArrayList<>();
		page.get("content").forEach(a -> ids.add(a.get("id").asLong()));
		return ids;
	}
}
