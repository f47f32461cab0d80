package org.quntuan.finance.dues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quntuan.finance.YearCloses;
import org.quntuan.support.IntegrationTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Twenty presses of 入账 on one confirmed sheet at the same moment: one journal entry, and every
 * caller is told it was posted, with that entry's number. On PostgreSQL, where the row lock is real.
 */
@Tag("postgres-only")
class FinanceDuesConcurrencyTests extends IntegrationTest {

	private YearCloses.Lifted open;

	@AfterEach
	void restoreTheCloses() {
		if (open != null) {
			open.close();
			open = null;
		}
	}

	@Test
	void twentySimultaneousPostsOfOneSheetPostItOnce() throws Exception {
		long union = orgId("市财政局工会");
		int[] period = DuesFixtures.freeMonth(jdbc, union, 2013, 2018);
		// the demo's close of last year freezes that year too: lifted for the test, put back after it
		open = YearCloses.openFrom(jdbc, period[0], union);
		String token = bearer("finance1");
		MvcResult created = mvc.perform(post("/api/v1/finance/dues-sheets").header("Authorization", token)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"orgId\":%d,\"year\":%d,\"month\":%d}".formatted(union, period[0], period[1]))).andReturn();
		assertThat(created.getResponse().getStatus()).isEqualTo(201);
		long id = body(created).get("id").asLong();
		assertThat(mvc.perform(post("/api/v1/finance/dues-sheets/" + id + "/confirm").header("Authorization", token))
			.andReturn().getResponse().getStatus()).isEqualTo(200);

		ExecutorService pool = Executors.newFixedThreadPool(20);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<String>> answers = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			answers.add(pool.submit(() -> {
				start.await();
				MvcResult result = mvc.perform(post("/api/v1/finance/dues-sheets/" + id + "/post")
					.header("Authorization", token)).andReturn();
				return result.getResponse().getStatus() + ":" + (result.getResponse().getStatus() == 200
						? body(result).get("txnId").asString() : result.getResponse().getContentAsString());
			}));
		}
		start.countDown();
		List<String> outcomes = new ArrayList<>();
		for (Future<String> answer : answers) {
			outcomes.add(answer.get());
		}
		pool.shutdown();
		long txn = jdbc.sql("select txn_id from fin_dues_sheet where id = :id").param("id", id).query(Long.class).single();
		assertThat(outcomes).hasSize(20).allMatch(o -> o.equals("200:" + txn), "every caller gets 200 and entry " + txn);
		assertThat(jdbc.sql("select count(*) from fin_txn where source_type = 'DUES' and source_id = :s").param("s", id)
			.query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from fin_line where txn_id = :t").param("t", txn).query(Long.class).single())
			.isEqualTo(2);
	}
}
