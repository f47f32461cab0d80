package org.quntuan.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.quntuan.platform.Zones;
import org.quntuan.support.IntegrationTest;
import org.quntuan.support.TestClock;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * A client that lost the answer to a write sends it again with the same Idempotency-Key: the income is
 * recorded once and the first answer comes back; a key is not reused for another request.
 */
class IdempotencyKeysTests extends IntegrationTest {

	private String income(String memo) {
		return """
				{"orgId":%d,"category":"OTHER_IN","amount":"12.34","date":"%s","counterparty":"银行","memo":"%s"}"""
			.formatted(orgId("市财政局工会"), LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS)), memo);
	}

	private MockHttpServletResponse send(String bearer, String key, String body) throws Exception {
		var request = post("/api/v1/finance/incomes").header("Authorization", bearer)
			.contentType(MediaType.APPLICATION_JSON).content(body);
		if (key != null) {
			request.header(IdempotencyKeys.HEADER, key);
		}
		return mvc.perform(request).andReturn().getResponse();
	}

	private long incomes(String memo) {
		return jdbc.sql("select count(*) from fin_income where memo = :m").param("m", memo).query(Long.class).single();
	}

	@Test
	void theSameKeySentAgainGetsTheFirstAnswerAndRecordsNothingMore() throws Exception {
		String bearer = bearer("finance1");
		String memo = "重发的利息收入" + System.nanoTime();
		String key = "retry-" + System.nanoTime();
		MockHttpServletResponse first = send(bearer, key, income(memo));
		assertThat(first.getStatus()).as(first.getContentAsString()).isEqualTo(201);
		MockHttpServletResponse again = send(bearer, key, income(memo));
		assertThat(again.getStatus()).isEqualTo(201);
		assertThat(again.getHeader("Idempotency-Replayed")).isEqualTo("true");
		assertThat(again.getContentAsString()).isEqualTo(first.getContentAsString());
		assertThat(incomes(memo)).isEqualTo(1);

		// the same key for another request is refused; without a key, a second income is a second income
		MockHttpServletResponse other = send(bearer, key, income(memo + "另一笔"));
		assertThat(other.getStatus()).isEqualTo(422);
		assertThat(other.getContentAsString()).contains("已用于另一请求");
		assertThat(send(bearer, null, income(memo)).getStatus()).isEqualTo(201);
		assertThat(incomes(memo)).isEqualTo(2);
		// keys are per account: another finance officer's key of the same name is theirs
		assertThat(send(bearer, "bad key!", income(memo)).getStatus()).isEqualTo(400);
	}

	@Test
	void tenCopiesAtOnceRecordOneIncome() throws Exception {
		String bearer = bearer("finance1");
		String memo = "并发重发的收入" + System.nanoTime();
		String key = "burst-" + System.nanoTime();
		ExecutorService pool = Executors.newFixedThreadPool(10);
		try {
			List<Callable<MockHttpServletResponse>> copies = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				copies.add(() -> send(bearer, key, income(memo)));
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<MockHttpServletResponse> f : pool.invokeAll(copies)) {
				statuses.add(f.get().getStatus());
			}
			// the copies that find the first still running are told so (409), those after it get its answer again (201)
			assertThat(statuses).isSubsetOf(201, 409).contains(201);
		}
		finally {
			pool.shutdown();
		}
		assertThat(incomes(memo)).isEqualTo(1);
	}

	@Test
	void aRefusedRequestIsAnsweredAgainTheSameWay() throws Exception {
		String bearer = bearer("finance1");
		String key = "refused-" + System.nanoTime();
		String bad = "{\"orgId\":" + orgId("市财政局工会") + ",\"category\":\"OTHER_IN\",\"amount\":\"-1\",\"counterparty\":\"x\"}";
		MockHttpServletResponse first = send(bearer, key, bad);
		assertThat(first.getStatus()).isBetween(400, 499);
		MockHttpServletResponse again = send(bearer, key, bad);
		assertThat(again.getStatus()).isEqualTo(first.getStatus());
		assertThat(again.getHeader("Idempotency-Replayed")).isEqualTo("true");
	}
}
