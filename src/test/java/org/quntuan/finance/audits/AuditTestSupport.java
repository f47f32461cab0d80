package org.quntuan.finance.audits;

import org.quntuan.finance.Categories;
import org.quntuan.finance.Journal;
import org.quntuan.support.TestClock;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.LocalDate;
import java.util.List;

import tools.jackson.databind.JsonNode;

import org.quntuan.platform.Zones;
import org.quntuan.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

/** Calls of the audit API as a demo user, and the entries to sample. */
abstract class AuditTestSupport extends IntegrationTest {

	@Autowired
	Journal journal;

	@Autowired
	Categories categories;

	MvcResult postJson(String user, String url, String body) throws Exception {
		return mvc.perform(post(url).header("Authorization", bearer(user)).contentType(MediaType.APPLICATION_JSON)
			.content(body)).andReturn();
	}

	MvcResult putJson(String user, String url, String body) throws Exception {
		return mvc.perform(put(url).header("Authorization", bearer(user)).contentType(MediaType.APPLICATION_JSON)
			.content(body)).andReturn();
	}

	MvcResult getAs(String user, String url) throws Exception {
		return mvc.perform(get(url).header("Authorization", bearer(user))).andReturn();
	}

	MvcResult upload(String user, long findingId, String name, byte[] content) throws Exception {
		return mvc.perform(multipart("/api/v1/finance/findings/" + findingId + "/evidence")
			.file(new MockMultipartFile("file", name, "application/octet-stream", content))
			.header("Authorization", bearer(user))).andReturn();
	}

	/** Plans these books for the year as auditor1 and returns the audit of the first. */
	long plan(int year, long... orgIds) throws Exception {
		StringBuilder ids = new StringBuilder();
		for (long id : orgIds) {
			ids.append(ids.isEmpty() ? "" : ",").append(id);
		}
		MvcResult result = postJson("auditor1", "/api/v1/finance/audits", "{\"year\":" + year + ",\"orgIds\":[" + ids + "]}");
		if (result.getResponse().getStatus() != 201) {
			throw new IllegalStateException(result.getResponse().getContentAsString());
		}
		return body(result).get("created").get(0).get("auditId").asLong();
	}

	long start(long audit) throws Exception {
		MvcResult result = postJson("auditor1", "/api/v1/finance/audits/" + audit + "/start", "");
		if (result.getResponse().getStatus() != 200) {
			throw new IllegalStateException(result.getResponse().getContentAsString());
		}
		return audit;
	}

	String findingBody(String severity, LocalDate deadline, List<Long> txnIds) {
		return "{\"severity\":\"" + severity + "\",\"description\":\"部分活动支出无审批单\",\"rectification\":\"补齐审批手续\","
				+ "\"deadline\":\"" + deadline + "\",\"txnIds\":" + txnIds + "}";
	}

	static LocalDate today() {
		return LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS));
	}

	static String detail(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString();
	}

	JsonNode auditJson(String user, long audit) throws Exception {
		return body(getAs(user, "/api/v1/finance/audits/" + audit));
	}

	String auditStatus(long audit) {
		return jdbc.sql("select status from fin_audit where id = :id").param("id", audit).query(String.class).single();
	}

	long count(String sql, long id) {
		return jdbc.sql(sql).param("id", id).query(Long.class).single();
	}
}
