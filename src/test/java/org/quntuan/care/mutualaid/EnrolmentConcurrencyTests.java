package org.quntuan.care.mutualaid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quntuan.support.IntegrationTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Admins enrolling overlapping people at once (the federation, the 片组's admin and an organ's union
 * admin, people of two organs in every request): nobody is enrolled twice, every request succeeds, and
 * the enrolments the answers report add up to the rows written and to the board. Withdrawals racing a
 * payment never leave the payment without its people.
 */
@Tag("postgres-only")
class EnrolmentConcurrencyTests extends IntegrationTest {

	@Test
	void overlappingBulkEnrolmentsAtOnceEnrolEachPersonOnceAndTheCountsAddUp() throws Exception {
		Random random = new Random(18);
		for (int round = 0; round < 3; round++) {
			int year = 2095 + round;
			jdbc.sql("delete from care_mutualaid_enrolment where plan_id in (select id from care_mutualaid_plan where plan_year = :y)")
				.param("y", year).update();
			MvcResult created = mvc.perform(post("/api/v1/care/mutual-aid/plans").header("Authorization", bearer("admin"))
				.contentType(MediaType.APPLICATION_JSON).content(MutualAidFixtures.openPlan(year, 1000))).andReturn();
			if (created.getResponse().getStatus() == 409) {
				continue;
			}
			assertThat(created.getResponse().getStatus()).isEqualTo(201);
			long plan = body(created).get("id").asLong();
			// orgadmin1 reaches 市财政局 only; the others both organs of the first group
			List<Long> own = MutualAidFixtures.unionMembers(jdbc, "市财政局", 12);
			String secondOrgan = jdbc.sql("""
					select o.name from org o join org f on f.parent_id = o.parent_id
					where f.name = '市财政局' and o.type = 'ORGAN' and o.id <> f.id order by o.id fetch first 1 rows only""")
				.query(String.class).single();
			List<Long> other = MutualAidFixtures.unionMembers(jdbc, secondOrgan, 12);
			List<Long> everyone = new ArrayList<>(own);
			everyone.addAll(other);
			List<String> callers = List.of(bearer("admin"), bearer("group1"), bearer("orgadmin1"));
			ExecutorService pool = Executors.newFixedThreadPool(12);
			CountDownLatch go = new CountDownLatch(1);
			List<Future<MvcResult>> answers = new ArrayList<>();
			try {
				for (int i = 0; i < 12; i++) {
					int caller = i % 3;
					List<Long> pool2 = new ArrayList<>(caller == 2 ? own : everyone);
					Collections.shuffle(pool2, random);
					List<Long> people = pool2.subList(0, 6 + random.nextInt(pool2.size() - 6));
					String who = callers.get(caller);
					answers.add(pool.submit(() -> {
						go.await();
						return mvc.perform(post("/api/v1/care/mutual-aid/plans/" + plan + "/enrolments")
							.header("Authorization", who).contentType(MediaType.APPLICATION_JSON)
							.content("{\"personIds\":" + people + "}")).andReturn();
					}));
				}
				go.countDown();
				int reported = 0;
				for (Future<MvcResult> f : answers) {
					MvcResult r = f.get(60, TimeUnit.SECONDS);
					assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(200);
					reported += body(r).get("enrolled").asInt();
				}
				long rows = jdbc.sql("select count(*) from care_mutualaid_enrolment where plan_id = :p").param("p", plan)
					.query(Long.class).single();
				long distinct = jdbc.sql("select count(distinct person_id) from care_mutualaid_enrolment where plan_id = :p")
					.param("p", plan).query(Long.class).single();
				assertThat(distinct).isEqualTo(rows);
				assertThat((long) reported).isEqualTo(rows);
				Set<Long> written = new HashSet<>(jdbc.sql("select person_id from care_mutualaid_enrolment where plan_id = :p")
					.param("p", plan).query(Long.class).list());
				assertThat(everyone).containsAll(written);
				JsonNode board = body(mvc.perform(get("/api/v1/care/mutual-aid/plans/" + plan + "/progress").header("Authorization", bearer("admin")))
					.andReturn());
				assertThat(board.get("total").get("enrolled").asLong()).isEqualTo(rows);
			}
			finally {
				pool.shutdownNow();
			}
		}
	}

	/**
	 * Withdrawals of leavers racing their organ's payment: whatever the order, the organ never has fewer
	 * enrolments than it paid for, the payment covers exactly the people enrolled when it was made, and
	 * every withdrawal either happened (200) or was refused because of the payment (422).
	 */
	@Test
	void withdrawalsRacingThePaymentNeverLeaveAPaymentWithoutItsPeople() throws Exception {
		for (int round = 0; round < 3; round++) {
			int year = 2076 + round;
			MvcResult created = mvc.perform(post("/api/v1/care/mutual-aid/plans").header("Authorization", bearer("admin"))
				.contentType(MediaType.APPLICATION_JSON).content(MutualAidFixtures.openPlan(year, 1000))).andReturn();
			if (created.getResponse().getStatus() == 409) {
				continue;
			}
			long plan = body(created).get("id").asLong();
			long organ = jdbc.sql("select id from org where name = '市财政局'").query(Long.class).single();
			List<Long> people = MutualAidFixtures.unionMembers(jdbc, "市财政局", 10);
			assertThat(mvc.perform(post("/api/v1/care/mutual-aid/plans/" + plan + "/enrolments")
				.header("Authorization", bearer("orgadmin1")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"personIds\":" + people + "}")).andReturn().getResponse().getStatus()).isEqualTo(200);
			ExecutorService pool = Executors.newFixedThreadPool(11);
			CountDownLatch go = new CountDownLatch(1);
			List<Future<MvcResult>> withdrawals = new ArrayList<>();
			try {
				Future<MvcResult> payment = pool.submit(() -> {
					go.await();
					return mvc.perform(post("/api/v1/care/mutual-aid/plans/" + plan + "/payments")
						.header("Authorization", bearer("finance1")).contentType(MediaType.APPLICATION_JSON)
						.content("{\"organId\":" + organ + "}")).andReturn();
				});
				for (Long person : people) {
					withdrawals.add(pool.submit(() -> {
						go.await();
						return mvc.perform(post("/api/v1/care/mutual-aid/plans/" + plan + "/enrolments/" + person + "/withdrawal")
							.header("Authorization", bearer("orgadmin1")).contentType(MediaType.APPLICATION_JSON)
							.content("{\"reason\":\"调离\"}")).andReturn();
					}));
				}
				go.countDown();
				int withdrawn = 0;
				for (Future<MvcResult> f : withdrawals) {
					MvcResult r = f.get(60, TimeUnit.SECONDS);
					assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isIn(200, 422);
					withdrawn += r.getResponse().getStatus() == 200 ? 1 : 0;
				}
				MvcResult paid = payment.get(60, TimeUnit.SECONDS);
				long enrolled = jdbc.sql("select count(*) from care_mutualaid_enrolment where plan_id = :p").param("p", plan)
					.query(Long.class).single();
				long withdrawalRows = jdbc.sql("select count(*) from care_mutualaid_withdrawal where plan_id = :p")
					.param("p", plan).query(Long.class).single();
				int paidCount = jdbc.sql("select paid_count from care_mutualaid_target where plan_id = :p and organ_id = :o")
					.param("p", plan).param("o", organ).query(Integer.class).single();
				assertThat(enrolled + withdrawn).isEqualTo(10);
				assertThat(withdrawalRows).isEqualTo(withdrawn);
				assertThat(enrolled).isGreaterThanOrEqualTo(paidCount);
				if (paid.getResponse().getStatus() == 201) {
					assertThat(body(paid).get("persons").asInt()).isEqualTo(paidCount).isEqualTo((int) enrolled);
				}
				else {
					// every one withdrew before the payment: nothing to pay
					assertThat(paid.getResponse().getStatus()).isEqualTo(422);
					assertThat(enrolled).isZero();
					assertThat(paidCount).isZero();
				}
			}
			finally {
				pool.shutdownNow();
			}
		}
	}
}
