package org.quntuan.notice.forms;

import org.quntuan.support.TestClock;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;

import org.quntuan.support.IntegrationTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Forms sent through the real API, with unique titles, for the form tests. */
public abstract class FormTestSupport extends IntegrationTest {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	protected MockHttpServletRequestBuilder as(String user, MockHttpServletRequestBuilder request) throws Exception {
		return request.header("Authorization", bearer(user)).contentType(MediaType.APPLICATION_JSON);
	}

	protected static String uniqueTitle(String what) {
		return what + "-" + System.nanoTime() % 100000 + "-" + SEQUENCE.incrementAndGet();
	}

	/** 职工人数 (integer 0..10000, required), 活动经费 (decimal ≥ 0), 是否建家 (choice), 备注 (text ≤ 20), 日期. */
	static List<Map<String, Object>> standardFields() {
		return List.of(
				Map.of("label", "职工人数", "type", "INTEGER", "required", true, "min", 0, "max", 10000),
				Map.of("label", "活动经费", "type", "DECIMAL", "required", false, "min", 0),
				Map.of("label", "是否建成职工之家", "type", "CHOICE", "required", true, "options", List.of("是", "否")),
				Map.of("label", "备注", "type", "TEXT", "required", false, "maxLength", 20),
				Map.of("label", "填报日期", "type", "DATE", "required", false));
	}

	MvcResult send(String user, String title, Object targets, List<Map<String, Object>> fields) throws Exception {
		Map<String, Object> body = Map.of("title", title, "instructions", "请如实填报", "deadline",
				OffsetDateTime.now(TestClock.CLOCK).plusDays(5).toString(), "fields", fields, "targets", targets);
		return mvc.perform(as(user, post("/api/v1/forms")).content(json.writeValueAsString(body))).andReturn();
	}

	/** A form of the standard fields from the federation to two unions of different groups. */
	protected JsonNode sendToTwoUnions() throws Exception {
		MvcResult r = send("admin", uniqueTitle("工会基本情况统计"),
				Map.of("orgIds", List.of(orgId("市财政局工会"), orgId("市教育局工会"))), standardFields());
		if (r.getResponse().getStatus() != 201) {
			throw new IllegalStateException(r.getResponse().getContentAsString());
		}
		return body(r);
	}

	protected static long field(JsonNode form, String label) {
		for (JsonNode f : form.get("fields")) {
			if (f.get("label").asString().equals(label)) {
				return f.get("id").asLong();
			}
		}
		throw new IllegalArgumentException(label);
	}
}
