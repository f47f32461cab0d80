package org.quntuan.care.hardship;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import tools.jackson.databind.JsonNode;

import org.quntuan.care.hardship.HardshipFixtures.Member;
import org.quntuan.support.IntegrationTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

/** People, entries, applications and decisions the hardship tests share. */
abstract class HardshipTestSupport extends IntegrationTest {

	static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	/**
	 * A new union member of the organ with an account of their own, so that no test meets another's entry
	 * or caps; the organ's union admin is orgadmin1 for 市财政局 and orgadmin2 for 市教育局.
	 */
	Member freshMember(String organ) {
		return HardshipFixtures.member(jdbc, organ);
	}

	/** A fresh member of 市财政局 entered in the register by orgadmin1 at the level; returns the entry's id. */
	synchronized long register(Member m, String level) throws Exception {
		MvcResult r = postJson("orgadmin1", "/api/v1/care/hardship-cases", """
				{"personId":%d,"causes":["ILLNESS","SCHOOLING"],"householdSize":3,"incomePerHead":"820.50","level":"%s"}"""
			.formatted(m.id(), level));
		if (r.getResponse().getStatus() != 201) {
			throw new AssertionError("register: " + r.getResponse().getStatus() + " " + r.getResponse().getContentAsString());
		}
		return body(r).get("id").asLong();
	}

	MvcResult postJson(String user, String path, String body) throws Exception {
		return mvc.perform(post(path).header("Authorization", bearer(user)).contentType(MediaType.APPLICATION_JSON)
			.content(body)).andReturn();
	}

	MvcResult putJson(String user, String path, String body) throws Exception {
		return mvc.perform(put(path).header("Authorization", bearer(user)).contentType(MediaType.APPLICATION_JSON)
			.content(body)).andReturn();
	}

	MvcResult getJson(String user, String path) throws Exception {
		return mvc.perform(get(path).header("Authorization", bearer(user))).andReturn();
	}

	MvcResult upload(String user, String path, String name, byte[] bytes) throws Exception {
		return mvc.perform(multipart(path).file(new MockMultipartFile("file", name, "application/octet-stream", bytes))
			.header("Authorization", bearer(user)).with(csrf())).andReturn();
	}

	/** An application for oneself; the raw answer. */
	MvcResult apply(String user, String amount, String reason) throws Exception {
		return postJson(user, "/api/v1/care/subsidies", "{\"amount\":\"%s\",\"reason\":\"%s\"}".formatted(amount, reason));
	}

	/** An application expected to be accepted: {id, approvalId}. */
	JsonNode applied(String user, String amount) throws Exception {
		MvcResult r = apply(user, amount, "看病自付费用较多，申请困难补助");
		if (r.getResponse().getStatus() != 201) {
			throw new AssertionError("apply: " + r.getResponse().getStatus() + " " + r.getResponse().getContentAsString());
		}
		return body(r);
	}

	MvcResult decide(String user, long approvalId, String decision, String comment) throws Exception {
		return postJson(user, "/api/v1/approvals/" + approvalId + "/decision",
				"{\"decision\":\"" + decision + "\"" + (comment == null ? "" : ",\"comment\":\"" + comment + "\"") + "}");
	}

	/** Both steps approved: the union's admin, then the federation's. */
	void approveBoth(long approvalId) throws Exception {
		expectStatus(decide("orgadmin1", approvalId, "APPROVE", null), 200);
		expectStatus(decide("admin", approvalId, "APPROVE", null), 200);
	}

	static void expectStatus(MvcResult r, int status) throws Exception {
		if (r.getResponse().getStatus() != status) {
			throw new AssertionError("expected " + status + ", got " + r.getResponse().getStatus() + " "
					+ r.getResponse().getContentAsString());
		}
	}

	String status(long subsidyId) {
		return jdbc.sql("select status from care_hardship_subsidy where id = :id").param("id", subsidyId)
			.query(String.class).single();
	}

	long postings(long subsidyId) {
		return jdbc.sql("select count(*) from fin_txn where source_type = 'CARE_SUBSIDY' and source_id = :s")
			.param("s", subsidyId).query(Long.class).single();
	}

	BigDecimal paid(long personId) {
		return jdbc.sql("select coalesce(sum(amount), 0) from care_hardship_subsidy where person_id = :p and status = 'APPROVED'")
			.param("p", personId).query(BigDecimal.class).single();
	}

	long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}
}
