package org.quntuan.care.hardship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.math.BigDecimal;
import java.time.LocalDate;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.quntuan.care.hardship.HardshipFixtures.Member;
import org.springframework.test.web.servlet.MvcResult;

class HardshipApiTests extends HardshipTestSupport {

	@Test
	void aMemberAppliesForThemselvesAndIsPaidOnceIntoTheUnionsJournalAfterUnionReviewAndFederationApproval() throws Exception {
		Member m = freshMember("市财政局");
		register(m, "SEVERE");
		JsonNode filed = applied(m.username(), "1200.50");
		long id = filed.get("id").asLong();
		long approval = filed.get("approvalId").asLong();
		assertThat(status(id)).isEqualTo("PENDING");

		expectStatus(decide("orgadmin1", approval, "APPROVE", null), 200);
		assertThat(status(id)).isEqualTo("PENDING");
		assertThat(postings(id)).isZero();
		expectStatus(decide("admin", approval, "APPROVE", null), 200);

		JsonNode s = body(getJson(m.username(), "/api/v1/care/subsidies/" + id));
		assertThat(s.get("status").get("code").asString()).isEqualTo("APPROVED");
		assertThat(s.get("amount").asString()).isEqualTo("1200.50");
		long txn = s.get("txnId").asLong();
		assertThat(postings(id)).isEqualTo(1);
		long union = orgId("市财政局工会");
		assertThat(jdbc.sql("select org_id from fin_txn where id = :t").param("t", txn).query(Long.class).single())
			.isEqualTo(union);
		assertThat(jdbc.sql("select amount from fin_line where txn_id = :t and account = 'RIGHTS'").param("t", txn)
			.query(BigDecimal.class).single()).isEqualByComparingTo("1200.50");
		assertThat(jdbc.sql("select sum(amount) from fin_line where txn_id = :t").param("t", txn).query(BigDecimal.class)
			.single()).isEqualByComparingTo("0");
		// the member is told, in the inbox and by SMS
		assertThat(jdbc.sql("""
				select count(*) from notification n join account a on a.id = n.recipient_account_id
				where a.username = :u and n.template = 'care-hardship-subsidy-paid'""").param("u", m.username())
			.query(Long.class).single()).isEqualTo(2);

		JsonNode mine = body(getJson(m.username(), "/api/v1/care/subsidies?personId=" + m.id()));
		assertThat(mine.get("totalElements").asLong()).isEqualTo(1);
		assertThat(mine.get("content").get(0).get("id").asLong()).isEqualTo(id);
		JsonNode all = body(getJson(m.username(), "/api/v1/care/subsidies"));
		assertThat(all.get("totalElements").asLong()).isEqualTo(1);
		// deciding again is refused by the approval module, and nothing is paid twice
		assertThat(decide("admin", approval, "APPROVE", null).getResponse().getStatus()).isEqualTo(409);
		assertThat(postings(id)).isEqualTo(1);
	}

	@Test
	void anAdminAppliesForAMemberAndTheUnionReviewGoesToSomeoneWhoDidNotApply() throws Exception {
		Member m = freshMember("市财政局");
		register(m, "GENERAL");
		MvcResult r = postJson("orgadmin1", "/api/v1/care/subsidies",
				"{\"personId\":%d,\"amount\":\"800\",\"reason\":\"代为申请：本人住院\"}".formatted(m.id()));
		expectStatus(r, 201);
		long approval = body(r).get("approvalId").asLong();
		long id = body(r).get("id").asLong();
		assertThat(jdbc.sql("select amount from care_hardship_subsidy where id = :id").param("id", id).query(BigDecimal.class)
			.single()).isEqualByComparingTo("800.00");
		// orgadmin1 applied, so orgadmin1 does not review it
		assertThat(decide("orgadmin1", approval, "APPROVE", null).getResponse().getStatus()).isEqualTo(403);
		expectStatus(decide("group1", approval, "APPROVE", null), 200);
		expectStatus(decide("admin", approval, "APPROVE", null), 200);
		assertThat(status(id)).isEqualTo("APPROVED");
		assertThat(jdbc.sql("select count(*) from audit_event where object_type = 'CARE_SUBSIDY' and object_id = :id")
			.param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aReturnedApplicationIsChangedAndResubmittedByItsApplicantAndPaidWithTheNewAmount() throws Exception {
		Member m = freshMember("市财政局");
		register(m, "GENERAL");
		JsonNode filed = applied(m.username(), "2500");
		long id = filed.get("id").asLong();
		long approval = filed.get("approvalId").asLong();
		expectStatus(decide("orgadmin1", approval, "RETURN", "请补充住院费用清单"), 200);
		assertThat(status(id)).isEqualTo("RETURNED");
		String path = "/api/v1/care/subsidies/" + id + "/resubmission";
		String change = "{\"amount\":\"%s\",\"reason\":\"已补充费用清单\",\"comment\":\"金额按清单调整\"}";
		assertThat(postJson("orgadmin1", path, change.formatted("1800")).getResponse().getStatus()).isEqualTo(403);
		MvcResult over = postJson(m.username(), path, change.formatted("3500"));
		assertThat(over.getResponse().getStatus()).isEqualTo(422);
		assertThat(status(id)).isEqualTo("RETURNED");
		MvcResult resubmitted = postJson(m.username(), path, change.formatted("1800"));
		expectStatus(resubmitted, 200);
		assertThat(body(resubmitted).get("status").get("code").asString()).isEqualTo("PENDING");
		assertThat(body(resubmitted).get("amount").asString()).isEqualTo("1800.00");
		approveBoth(approval);
		assertThat(status(id)).isEqualTo("APPROVED");
		assertThat(paid(m.id())).isEqualByComparingTo("1800");
		assertThat(postJson(m.username(), path, change.formatted("100")).getResponse().getStatus()).isEqualTo(422);
	}

	@Test
	void listsCarryNoHouseholdDetailsAndTheWholeEntryIsShownOnRequestAndLogged() throws Exception {
		Member m = freshMember("市财政局");
		long id = register(m, "GENERAL");
		JsonNode list = body(getJson("orgadmin1", "/api/v1/care/hardship-cases?size=200"));
		JsonNode item = null;
		for (JsonNode n : list.get("content")) {
			if (n.get("id").asLong() == id) {
				item = n;
			}
		}
		assertThat(item).isNotNull();
		assertThat(item.has("householdSize")).isFalse();
		assertThat(item.has("incomePerHead")).isFalse();
		assertThat(item.get("level").get("label").asString()).isEqualTo("一般困难");

		JsonNode masked = body(getJson("orgadmin1", "/api/v1/care/hardship-cases/" + id));
		assertThat(masked.get("householdSize").isNull()).isTrue();
		assertThat(masked.get("incomePerHead").isNull()).isTrue();
		long views = viewsOf(id);
		JsonNode whole = body(getJson("orgadmin1", "/api/v1/care/hardship-cases/" + id + "?whole=true"));
		assertThat(whole.get("householdSize").asInt()).isEqualTo(3);
		assertThat(whole.get("incomePerHead").asString()).isEqualTo("820.50");
		assertThat(whole.get("causes").get(0).get("label").asString()).isEqualTo("因病");
		assertThat(viewsOf(id)).isEqualTo(views + 1);
		// the person's own whole view is not a view of someone else's data
		body(getJson(m.username(), "/api/v1/care/hardship-cases/" + id + "?whole=true"));
		assertThat(viewsOf(id)).isEqualTo(views + 1);
	}

	@Test
	void anEntryPastItsReviewDateIsFlaggedAndStopsQualifyingUntilItIsReviewed() throws Exception {
		Member m = freshMember("市财政局");
		long id = register(m, "GENERAL");
		jdbc.sql("update care_hardship_case set review_date = :d where id = :id")
			.param("d", LocalDate.of(2020, 1, 1)).param("id", id).update();
		JsonNode overdue = body(getJson("orgadmin1", "/api/v1/care/hardship-cases?overdue=true&size=200"));
		boolean listed = false;
		for (JsonNode n : overdue.get("content")) {
			if (n.get("id").asLong() == id) {
				listed = n.get("overdue").asBoolean();
			}
		}
		assertThat(listed).isTrue();
		MvcResult refused = apply(m.username(), "500", "逾期档案申请");
		assertThat(refused.getResponse().getStatus()).isEqualTo(422);
		assertThat(body(refused).get("detail").asString())
			.isEqualTo("困难职工档案已于 2020-01-01 到期未复核，复核后才能申请或发放补助");
		int version = body(getJson("orgadmin1", "/api/v1/care/hardship-cases/" + id)).get("version").asInt();
		MvcResult reviewed = putJson("orgadmin1", "/api/v1/care/hardship-cases/" + id, """
				{"causes":["因病"],"householdSize":4,"incomePerHead":"700","level":"深度困难","version":%d}""".formatted(version));
		expectStatus(reviewed, 200);
		assertThat(body(reviewed).get("overdue").asBoolean()).isFalse();
		assertThat(body(reviewed).get("level").get("code").asString()).isEqualTo("SEVERE");
		// a second review with the version read before is stale
		assertThat(putJson("orgadmin1", "/api/v1/care/hardship-cases/" + id, """
				{"causes":["因病"],"householdSize":4,"incomePerHead":"700","level":"深度困难","version":%d}""".formatted(version))
			.getResponse().getStatus()).isEqualTo(409);
		expectStatus(apply(m.username(), "500", "复核后申请"), 201);
	}

	@Test
	void documentsArePdfOrPicturesAndShownOnlyToThoseWhoSeeTheEntry() throws Exception {
		Member m = freshMember("市财政局");
		long id = register(m, "GENERAL");
		MvcResult stored = upload("orgadmin1", "/api/v1/care/hardship-cases/" + id + "/documents", "诊断证明.pdf", PDF);
		expectStatus(stored, 201);
		long fileId = body(stored).get("id").asLong();
		JsonNode whole = body(getJson("orgadmin1", "/api/v1/care/hardship-cases/" + id + "?whole=true"));
		assertThat(whole.get("documents").get(0).get("name").asString()).isEqualTo("诊断证明.pdf");
		assertThat(mvc.perform(get("/care/hardship/documents/" + fileId).session(login("orgadmin2"))).andReturn().getResponse().getStatus())
			.isEqualTo(404);
		assertThat(mvc.perform(get("/care/hardship/documents/" + fileId).session(login("orgadmin1"))).andReturn().getResponse().getStatus())
			.isEqualTo(200);
	}

	private long viewsOf(long caseId) {
		return jdbc.sql("""
				select count(*) from audit_event where type = 'PERSONAL_DATA_VIEW' and object_type = 'CARE_HARDSHIP_CASE'
				and object_id = :id""").param("id", String.valueOf(caseId)).query(Long.class).single();
	}
}
