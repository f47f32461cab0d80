package org.quntuan.finance;

import org.quntuan.support.TestClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.quntuan.approval.ApprovalManagement;
import org.quntuan.approval.Decision;
import org.quntuan.platform.Zones;
import org.quntuan.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

/** Corrections that must go through the right door: a returned expense, a posted dues sheet. */
class FinanceCorrectionsTests extends IntegrationTest {

	@Autowired
	Expenses expenses;

	@Autowired
	ApprovalManagement approvals;

	@Test
	void aReturnedExpenseIsResubmittedFromItsOwnPageNotFromTheApprovalPages() throws Exception {
		long union = orgId("市财政局工会");
		var view = as("finance1", () -> expenses.file(new ExpenseViews.Input(union, "业务支出", "300.00", "退回测试",
				LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS)), null), List.of()));
		as("orgadmin1", () -> approvals.decide(view.approvalId(), Decision.RETURN, "请补充发票"));
		MvcResult api = mvc.perform(post("/api/v1/approvals/" + view.approvalId() + "/resubmit")
			.header("Authorization", bearer("finance1")).contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"已补充\"}"))
			.andReturn();
		assertThat(api.getResponse().getStatus()).isEqualTo(422);
		assertThat(api.getResponse().getContentAsString()).contains("经费支出的申请页面");
		assertThat(jdbc.sql("select status from approval where id = :a").param("a", view.approvalId())
			.query(String.class).single()).isEqualTo("RETURNED");
		var resubmitted = as("finance1", () -> expenses.resubmit(view.id(), "已补充发票"));
		assertThat(resubmitted.status()).isEqualTo("PENDING");
	}

	@Test
	void anEntryPostedFromADuesSheetIsNotReversedAlone() throws Exception {
		long union = orgId("市财政局工会");
		long txn = jdbc.sql("select max(id) from fin_txn where org_id = :o and source_type = 'DUES'").param("o", union)
			.query(Long.class).single();
		long before = jdbc.sql("select count(*) from fin_txn").query(Long.class).single();
		MvcResult r = mvc.perform(post("/api/v1/finance/entries/" + txn + "/reversal").header("Authorization", bearer("finance1"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"试图冲销会费\"}")).andReturn();
		assertThat(r.getResponse().getStatus()).isEqualTo(422);
		assertThat(r.getResponse().getContentAsString()).contains("会费收缴表");
		assertThat(jdbc.sql("select count(*) from fin_txn").query(Long.class).single()).isEqualTo(before);
	}
}
