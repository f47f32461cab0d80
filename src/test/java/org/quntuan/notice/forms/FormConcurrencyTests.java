package org.quntuan.notice.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Pressing submit twice at the same moment submits once: the response row's version lets one through. */
@Tag("postgres-only")
class FormConcurrencyTests extends FormTestSupport {

	private static final int RACERS = 6;

	@Test
	void submittingTheSameFormConcurrentlyMakesExactlyOneSubmission() throws Exception {
		JsonNode form = sendToTwoUnions();
		long id = form.get("id").asLong();
		long org = orgId("市财政局工会");
		String body = json.writeValueAsString(Map.of("submit", true, "version", 0, "values",
				Map.of(String.valueOf(field(form, "职工人数")), 10, String.valueOf(field(form, "是否建成职工之家")), "是")));
		String sameVersionOtherValues = json.writeValueAsString(Map.of("submit", true, "version", 0, "values",
				Map.of(String.valueOf(field(form, "职工人数")), 11, String.valueOf(field(form, "是否建成职工之家")), "否")));
		ExecutorService pool = Executors.newFixedThreadPool(RACERS);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> results = new ArrayList<>();
		for (int i = 0; i < RACERS; i++) {
			MockHttpServletRequestBuilder request = as("orgadmin1", put("/api/v1/forms/" + id + "/responses/" + org))
				.content(i % 2 == 0 ? body : sameVersionOtherValues);
			results.add(pool.submit(() -> {
				start.await();
				return mvc.perform(request).andReturn().getResponse().getStatus();
			}));
		}
		start.countDown();
		List<Integer> statuses = new ArrayList<>();
		for (Future<Integer> f : results) {
			statuses.add(f.get());
		}
		pool.shutdown();
		assertThat(statuses.stream().filter(s -> s == 200).count()).as(statuses.toString()).isEqualTo(1);
		assertThat(statuses).allMatch(s -> s == 200 || s == 409 || s == 422);
		assertThat(jdbc.sql("select count(*) from stat_form_response where form_id = :f and org_id = :o")
			.param("f", id).param("o", org).query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select version from stat_form_response where form_id = :f and org_id = :o")
			.param("f", id).param("o", org).query(Integer.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("""
				select count(*) from stat_form_value v join stat_form_response r on r.id = v.response_id
				where r.form_id = :f and r.org_id = :o""").param("f", id).param("o", org).query(Long.class).single())
			.isEqualTo(2);
	}
}
