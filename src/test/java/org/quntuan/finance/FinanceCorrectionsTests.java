package org.quntuan.finance;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.quntuan.approval.ApprovalManagement;
import org.quntuan.approval.Decision;
import org.quntuan.finance.dues.DuesFixtures;
import org.quntuan.finance.expenses.ExpenseViews;
import org.quntuan.finance.expenses.Expenses;
import org.quntuan.platform.Zones;
import org.quntuan.support.IntegrationTest;
import org.quntuan.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

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
		int[] period = DuesFixtures.freeMonth(jdbc, union, 2019, 2019);
		try (YearCloses.Lifted open = YearCloses.openFrom(jdbc, period[0] - 1, union)) {
			long txn = postedDuesSheet(union, period);
			long before = jdbc.sql("select count(*) from fin_txn").query(Long.class).single();
			MvcResult r = finance1(post("/api/v1/finance/entries/" + txn + "/reversal"), "{\"reason\":\"试图冲销会费\"}");
			assertThat(r.getResponse().getStatus()).isEqualTo(422);
			assertThat(r.getResponse().getContentAsString()).contains("会费收缴表");
			assertThat(jdbc.sql("select count(*) from fin_txn").query(Long.class).single()).isEqualTo(before);
		}
	}

	/** A dues sheet generated, confirmed and posted by the finance officer: its journal entry. */
	private long postedDuesSheet(long union, int[] period) throws Exception {
		MvcResult generated = finance1(post("/api/v1/finance/dues-sheets"),
				"{\"orgId\":%d,\"year\":%d,\"month\":%d}".formatted(union, period[0], period[1]));
		assertThat(generated.getResponse().getStatus()).as(generated.getResponse().getContentAsString()).isEqualTo(201);
		long sheet = body(generated).get("id").asLong();
		assertThat(finance1(post("/api/v1/finance/dues-sheets/" + sheet + "/confirm"), "").getResponse().getStatus())
			.isEqualTo(200);
		MvcResult posted = finance1(post("/api/v1/finance/dues-sheets/" + sheet + "/post"), "");
		assertThat(posted.getResponse().getStatus()).as(posted.getResponse().getContentAsString()).isEqualTo(200);
		return body(posted).get("txnId").asLong();
	}

	private MvcResult finance1(MockHttpServletRequestBuilder request,
			String content) throws Exception {
		request.header("Authorization", bearer("finance1"));
		if (!content.isEmpty()) {
			request.contentType(MediaType.APPLICATION_JSON).content(content);
		}
		return mvc.perform(request).andReturn();
	}
}
