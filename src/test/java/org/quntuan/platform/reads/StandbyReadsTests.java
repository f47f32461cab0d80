package org.quntuan.platform.reads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quntuan.support.IntegrationTest;
import org.quntuan.support.TestClock;
import org.quntuan.support.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Heavy reads on a read-only standby: here a role of the test database whose sessions are read-only
 * stands in for it (its own application context). The statement, the boards and the exports answer
 * from it (each request borrows a connection of the standby's pool), the audit rows of the exports are
 * written on the primary all the same, and a write through it fails.
 */
@Tag("postgres-only")
class StandbyReadsTests extends IntegrationTest {

	private static final String ROLE = "quntuan_standby";

	@DynamicPropertySource
	static void standby(DynamicPropertyRegistry registry) {
		registry.add("quntuan.reads.url", () -> TestDatabase.readOnlyRole(ROLE));
		registry.add("quntuan.reads.username", () -> ROLE);
		registry.add("quntuan.reads.password", () -> "");
	}

	@Autowired
	ReadsJdbc reads;

	@Autowired
	MeterRegistry meters;

	@Test
	void readsGoToTheReadOnlyRoleAndAWriteThroughThemFails() {
		assertThat(reads.standby()).isTrue();
		assertThat(reads.client().sql("select current_user").query(String.class).single()).isEqualTo(ROLE);
		assertThat(reads.client().sql("show default_transaction_read_only").query(String.class).single()).isEqualTo("on");
		assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("postgres");

		assertThatThrownBy(() -> reads.client().sql("""
				insert into member_pending_import (token, account_id, file_name, content, created_at)
				values ('standby-write', 1, 'x.xlsx', :c, :now)""")
			.param("c", new byte[] { 1 }).param("now", OffsetDateTime.now(TestClock.CLOCK)).update())
			.hasMessageContaining("read-only transaction");
		assertThat(jdbc.sql("select count(*) from member_pending_import where token = 'standby-write'").query(Long.class)
			.single()).isZero();
	}

	@Test
	void theStatementTheBoardsAndTheExportsAnswerFromTheStandby() throws Exception {
		String admin = bearer("admin");
		MockHttpSession page = login("admin");
		long book = jdbc.sql("select b.org_id from fin_book b join org o on o.id = b.org_id order by o.depth, o.id limit 1")
			.query(Long.class).single();
		int year = OffsetDateTime.now(TestClock.CLOCK).getYear();
		long form = jdbc.sql("select f.id from stat_form f join org o on o.id = f.sender_org_id order by o.depth, f.id limit 1")
			.query(Long.class).single();
		long collection = jdbc.sql(
				"select c.id from collection_task c join org o on o.id = c.sender_org_id order by o.depth, c.id limit 1")
			.query(Long.class).single();
		// the ranking is computed on the primary, then read back from the standby
		mvc.perform(post("/api/v1/group-rankings").header("Authorization", admin).contentType(MediaType.APPLICATION_JSON)
			.content("{\"year\":2091,\"weights\":{\"activities\":40,\"participation\":40,\"feedback\":20},\"extraQuotas\":[2,1]}"))
			.andExpect(status().isCreated());

		Map<String, MockHttpServletRequestBuilder> reads = new LinkedHashMap<>();
		reads.put("statement", get("/api/v1/finance/statement").param("orgId", "" + book).param("year", "" + year)
			.header("Authorization", admin));
		reads.put("statement export", get("/finance/statement/export").param("orgId", "" + book).param("year", "" + year)
			.session(page));
		reads.put("journal export", get("/finance/export").param("orgId", "" + book).session(page));
		reads.put("group ranking", get("/api/v1/group-rankings/2091").header("Authorization", admin));
		reads.put("group ranking export", get("/api/v1/group-rankings/2091/export").header("Authorization", admin));
		reads.put("re-election board", get("/api/v1/reelections/board").header("Authorization", admin));
		reads.put("re-election export", get("/reelections/export").session(page));
		reads.put("collection status", get("/api/v1/collections/" + collection + "/status").header("Authorization", admin));
		reads.put("collection status export",
				get("/api/v1/collections/" + collection + "/status/export").header("Authorization", admin));
		reads.put("form status", get("/api/v1/forms/" + form + "/responses").header("Authorization", admin));
		reads.put("form aggregate", get("/api/v1/forms/" + form + "/aggregate").header("Authorization", admin));
		reads.put("form export", get("/api/v1/forms/" + form + "/export").header("Authorization", admin));
		reads.put("member export", get("/api/v1/members/export").header("Authorization", admin));
		answerFromTheStandby(reads);
	}

	@Test
	void theFinanceExportsTheAuditBoardTheLogReportsClubsAndRegistrantsAnswerFromTheStandbyAndAreAuditedOnThePrimary()
			throws Exception {
		String admin = bearer("admin");
		MockHttpSession page = login("admin");
		long book = jdbc.sql("select b.org_id from fin_book b join org o on o.id = b.org_id order by o.depth, o.id limit 1")
			.query(Long.class).single();
		int year = OffsetDateTime.now(TestClock.CLOCK).getYear();
		long union = jdbc.sql("select id from org where name = '市财政局工会'").query(Long.class).single();
		long sheet = jdbc.sql("select min(id) from fin_dues_sheet where org_id = :o and status = 'POSTED'")
			.param("o", union).query(Long.class).single();
		long activity = jdbc.sql("""
				select min(a.id) from activity a where exists (select 1 from activity_registration r where r.activity_id = a.id)""")
			.query(Long.class).single();
		long club = jdbc.sql("""
				select min(c.id) from club c where c.status = 'ACTIVE'
				  and exists (select 1 from club_member m where m.club_id = c.id and m.status = 'APPROVED')""")
			.query(Long.class).single();
		long audited = exportsAudited();

		Map<String, MockHttpServletRequestBuilder> reads = new LinkedHashMap<>();
		reads.put("dues sheet export", get("/finance/dues/" + sheet + "/export").session(login("finance1")));
		reads.put("arrears export", get("/finance/dues/arrears/export").param("orgId", "" + book).session(page));
		reads.put("income export", get("/finance/incomes/export").param("orgId", "" + book).session(page));
		reads.put("budget export", get("/finance/budgets/export").param("orgId", "" + book).param("year", "" + year)
			.session(page));
		reads.put("expense export", get("/finance/expenses/export").param("orgId", "" + book).session(page));
		reads.put("funds audit board", get("/finance/audits").param("year", "" + year).session(page));
		reads.put("funds audit board (API)", get("/api/v1/finance/audits").param("year", "" + year)
			.header("Authorization", admin));
		reads.put("funds audit board export", get("/finance/audits/export").param("year", "" + year).session(page));
		reads.put("audit log export", get("/audit/export").param("type", "LOGIN_SUCCESS").session(page));
		reads.put("audit log export (API)", get("/api/v1/audit-log/export").param("type", "LOGIN_SUCCESS")
			.header("Authorization", admin));
		reads.put("information reports export", get("/info-reports/export").param("year", "" + year).session(page));
		reads.put("information ranking", get("/api/v1/info-reports/ranking").param("year", "" + year)
			.header("Authorization", admin));
		reads.put("information ranking export", get("/api/v1/info-reports/ranking/export").param("year", "" + year)
			.header("Authorization", admin));
		reads.put("club members export", get("/clubs/" + club + "/members/export").session(page));
		reads.put("registrants export", get("/activities/" + activity + "/registrants/export").session(page));
		reads.put("registrants export (API)", get("/api/v1/activities/" + activity + "/registrations/export")
			.header("Authorization", admin));
		answerFromTheStandby(reads);
		// arrears, income, budget, information reports and club members write their audit row on the primary
		assertThat(exportsAudited()).isEqualTo(audited + 5);
	}

	private void answerFromTheStandby(Map<String, MockHttpServletRequestBuilder> reads) throws Exception {
		for (Map.Entry<String, MockHttpServletRequestBuilder> read : reads.entrySet()) {
			long before = standbyBorrows();
			int answer = mvc.perform(read.getValue()).andReturn().getResponse().getStatus();
			assertThat(answer).as(read.getKey()).isEqualTo(200);
			assertThat(standbyBorrows()).as(read.getKey() + " borrowed a standby connection").isGreaterThan(before);
		}
	}

	private long exportsAudited() {
		return jdbc.sql("""
				select count(*) from audit_event where object_type in ('FIN_ARREARS_EXPORT', 'FIN_INCOME_EXPORT',
				  'FIN_BUDGET_EXPORT', 'INFO_REPORT_EXPORT', 'CLUB_MEMBERS_EXPORT')""").query(Long.class).single();
	}

	/** Connections handed out by the standby's pool so far (Hikari's usage timer counts each return). */
	private long standbyBorrows() {
		Timer usage = meters.find("hikaricp.connections.usage").tag("pool", "quntuan-reads").timer();
		return usage == null ? 0 : usage.count();
	}
}
