package org.quntuan.finance.expenses;

import org.quntuan.support.TestClock;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import tools.jackson.databind.JsonNode;

import org.quntuan.platform.Zones;
import org.quntuan.support.IntegrationTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

/** Calls and counts the expense and income tests share. */
public abstract class ExpenseTestSupport extends IntegrationTest {

	protected static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D };

	protected long union() {
		return orgId("市财政局工会");
	}

	protected static LocalDate today() {
		return LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS));
	}

	protected MvcResult postJson(String user, String path, String body) throws Exception {
		return mvc.perform(post(path).header("Authorization", bearer(user)).contentType(MediaType.APPLICATION_JSON)
			.content(body)).andReturn();
	}

	MvcResult putJson(String user, String path, String body) throws Exception {
		return mvc.perform(put(path).header("Authorization", bearer(user)).contentType(MediaType.APPLICATION_JSON)
			.content(body)).andReturn();
	}

	protected MvcResult getJson(String user, String path) throws Exception {
		return mvc.perform(get(path).header("Authorization", bearer(user))).andReturn();
	}

	protected MvcResult upload(String user, String path, String name, byte[] bytes) throws Exception {
		return mvc.perform(multipart(path).file(new MockMultipartFile("file", name, "application/octet-stream", bytes))
			.header("Authorization", bearer(user)).with(csrf())).andReturn();
	}

	/** Files an expense of 市财政局工会 and expects it accepted. */
	JsonNode file(String user, String amount, String purpose) throws Exception {
		return file(user, union(), "职工活动支出", amount, purpose);
	}

	JsonNode file(String user, long orgId, String category, String amount, String purpose) throws Exception {
		MvcResult r = postJson(user, "/api/v1/finance/expenses", """
				{"orgId":%d,"category":"%s","amount":"%s","purpose":"%s"}""".formatted(orgId, category, amount, purpose));
		if (r.getResponse().getStatus() != 201) {
			throw new AssertionError("filing as " + user + ": " + r.getResponse().getStatus() + " "
					+ r.getResponse().getContentAsString());
		}
		return body(r);
	}

	JsonNode expense(String user, long id) throws Exception {
		MvcResult r = getJson(user, "/api/v1/finance/expenses/" + id);
		if (r.getResponse().getStatus() != 200) {
			throw new AssertionError("reading as " + user + ": " + r.getResponse().getStatus());
		}
		return body(r);
	}

	MvcResult decide(String user, long approvalId, String decision, String comment) throws Exception {
		return postJson(user, "/api/v1/approvals/" + approvalId + "/decision",
				"{\"decision\":\"" + decision + "\"" + (comment == null ? "" : ",\"comment\":\"" + comment + "\"") + "}");
	}

	protected long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	protected long filesOf(String ownerType) {
		return jdbc.sql("select count(*) from stored_file where owner_type = :t").param("t", ownerType).query(Long.class)
			.single();
	}

	protected long postingsOf(String sourceType, long sourceId) {
		return jdbc.sql("select count(*) from fin_txn where source_type = :t and source_id = :s").param("t", sourceType)
			.param("s", sourceId).query(Long.class).single();
	}

	/** Sum of the lines of a transaction: zero for every balanced one. */
	protected BigDecimal lineSum(long txnId) {
		return jdbc.sql("select sum(amount) from fin_line where txn_id = :t").param("t", txnId).query(BigDecimal.class)
			.single();
	}

	/** The book's expense total of this year as the statement reports it. */
	protected BigDecimal statementTotal(String user, long orgId, String field) throws Exception {
		JsonNode s = body(getJson(user, "/api/v1/finance/statement?orgId=" + orgId + "&year=" + today().getYear()));
		return s.get(field).decimalValue();
	}

	/** A year closed for a book for the length of a test; reopened after, unless it was closed before. */
	protected AutoCloseable closedYear(long orgId, int year) {
		boolean existed = jdbc.sql("select count(*) from fin_year_close where org_id = :o and fiscal_year = :y")
			.param("o", orgId).param("y", year).query(Long.class).single() > 0;
		if (!existed) {
			jdbc.sql("insert into fin_year_close (org_id, fiscal_year, closed_at) values (:o, :y, current_timestamp)")
				.param("o", orgId).param("y", year).update();
		}
		return () -> {
			if (!existed) {
				jdbc.sql("delete from fin_year_close where org_id = :o and fiscal_year = :y").param("o", orgId)
					.param("y", year).update();
			}
		};
	}
}
