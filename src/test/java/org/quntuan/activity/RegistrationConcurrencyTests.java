package org.quntuan.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quntuan.activity.ActivityFixtures.Member;
import org.quntuan.support.IntegrationTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Popular activities fill in minutes: many members press "register" in the same second. On a real
 * PostgreSQL, seats are never oversold, nobody is registered twice and nobody is promoted twice.
 */
@Tag("postgres-only")
class RegistrationConcurrencyTests extends IntegrationTest {

	private static final int THREADS = 64;

	private static List<Member> crowd;

	private static long crowdOrgan;

	private synchronized List<Member> crowd() {
		if (crowd == null) {
			crowdOrgan = ActivityFixtures.organ(jdbc, "第五片组");
			crowd = ActivityFixtures.members(jdbc, crowdOrgan, 500, "MALE", LocalDate.of(1988, 8, 8));
		}
		return crowd;
	}

	private long activity(String title, int seats) throws Exception {
		var r = mvc.perform(post("/api/v1/activities").header("Authorization", bearer("admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(ActivityApiTests.activity(title, seats, List.of(crowdOrgan))))).andReturn();
		assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201);
		return body(r).get("id").asLong();
	}

	/** Fires all requests at once from a pool of threads; the responses in the order given. */
	private List<MockHttpServletResponse> race(List<MockHttpServletRequestBuilder> requests) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<MockHttpServletResponse>> futures = new ArrayList<>();
		for (MockHttpServletRequestBuilder request : requests) {
			futures.add(pool.submit(() -> {
				start.await();
				return mvc.perform(request).andReturn().getResponse();
			}));
		}
		start.countDown();
		List<MockHttpServletResponse> responses = new ArrayList<>();
		for (Future<MockHttpServletResponse> f : futures) {
			responses.add(f.get());
		}
		pool.shutdown();
		return responses;
	}

	private Map<String, Long> countByStatus(long activityId) {
		return jdbc.sql("select status, count(*) n from activity_registration where activity_id = :a group by status")
			.param("a", activityId)
			.query((rs, i) -> Map.entry(rs.getString("status"), rs.getLong("n"))).list().stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private int confirmedCount(long activityId) {
		return jdbc.sql("select confirmed_count from activity where id = :a").param("a", activityId)
			.query(Integer.class).single();
	}

	@RepeatedTest(5)
	void fiveHundredMembersRegisteringAtOnceForAHundredSeatsGetExactlyAHundredSeatsAndFourHundredWaitListPlaces()
			throws Exception {
		List<Member> members = crowd();
		long id = activity("百人限额的健身讲座", 100);
		List<Member> shuffled = new ArrayList<>(members);
		Collections.shuffle(shuffled);
		List<MockHttpServletResponse> responses = race(shuffled.stream()
			.map(m -> (MockHttpServletRequestBuilder) post("/api/v1/activities/" + id + "/registrations")
				.header("Authorization", m.bearer()))
			.toList());

		assertThat(responses).allSatisfy(r -> assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201));
		Map<String, Long> counts = countByStatus(id);
		assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of("CONFIRMED", 100L, "WAITLISTED", 400L));
		assertThat(confirmedCount(id)).isEqualTo(100);
		assertThat(jdbc.sql("select count(distinct person_id) from activity_registration where activity_id = :a")
			.param("a", id).query(Long.class).single()).isEqualTo(500);
		// the wait list is one unbroken queue: positions 1..400, each given once
		List<Integer> positions = new ArrayList<>();
		for (MockHttpServletResponse r : responses) {
			var b = json.readTree(r.getContentAsString());
			if (b.get("status").asString().equals("WAITLISTED")) {
				positions.add(b.get("waitlistPosition").asInt());
			}
		}
		assertThat(positions).hasSize(400).doesNotHaveDuplicates().allMatch(p -> p >= 1 && p <= 400);
		assertThat(jdbc.sql("select count(distinct waitlist_seq) from activity_registration where activity_id = :a and status = 'WAITLISTED'")
			.param("a", id).query(Long.class).single()).isEqualTo(400);
	}

	@Test
	void oneMemberSubmittingFiftyTimesAtOnceGetsOneRegistration() throws Exception {
		Member m = crowd().get(0);
		long id = activity("连点五十次的瑜伽课", 10);
		List<MockHttpServletRequestBuilder> requests = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			requests.add(post("/api/v1/activities/" + id + "/registrations").header("Authorization", m.bearer()));
		}
		List<MockHttpServletResponse> responses = race(requests);
		assertThat(responses.stream().map(MockHttpServletResponse::getStatus).filter(s -> s == 201).count()).isEqualTo(1);
		assertThat(responses).allSatisfy(r -> assertThat(r.getStatus()).isIn(200, 201));
		assertThat(responses).allSatisfy(r -> assertThat(r.getContentAsString()).contains("\"CONFIRMED\""));
		assertThat(jdbc.sql("select count(*) from activity_registration where activity_id = :a").param("a", id)
			.query(Long.class).single()).isEqualTo(1);
		assertThat(confirmedCount(id)).isEqualTo(1);
	}

	@Test
	void oneMemberWhoCancelledSigningUpAgainTwentyTimesAtOnceTakesOneSeat() throws Exception {
		Member m = crowd().get(0);
		long id = activity("取消后再报名的书法课", 10);
		assertThat(mvc.perform(post("/api/v1/activities/" + id + "/registrations").header("Authorization", m.bearer()))
			.andReturn().getResponse().getStatus()).isEqualTo(201);
		assertThat(mvc.perform(delete("/api/v1/activities/" + id + "/registrations/mine").header("Authorization", m.bearer()))
			.andReturn().getResponse().getStatus()).isEqualTo(204);
		assertThat(confirmedCount(id)).isZero();

		List<MockHttpServletRequestBuilder> requests = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			requests.add(post("/api/v1/activities/" + id + "/registrations").header("Authorization", m.bearer()));
		}
		List<MockHttpServletResponse> responses = race(requests);
		assertThat(responses).allSatisfy(r -> assertThat(r.getStatus()).as(r.getContentAsString()).isIn(200, 201));
		assertThat(responses.stream().filter(r -> r.getStatus() == 201).count()).as("renewed once").isEqualTo(1);
		assertThat(countByStatus(id)).containsExactlyEntriesOf(Map.of("CONFIRMED", 1L));
		assertThat(confirmedCount(id)).as("one seat taken, not one per request").isEqualTo(1);
	}

	@RepeatedTest(3)
	void cancellationsRacingWithPromotionsNeverOversellAndPromoteNobodyTwice() throws Exception {
		List<Member> members = new ArrayList<>(crowd());
		Collections.shuffle(members);
		int seats = 20;
		long id = activity("退改频繁的周末骑行", seats);
		List<Member> first = members.subList(0, 60);
		for (Member m : first) {
			mvc.perform(post("/api/v1/activities/" + id + "/registrations").header("Authorization", m.bearer()));
		}
		List<Long> confirmedPeople = jdbc.sql("select person_id from activity_registration where activity_id = :a and status = 'CONFIRMED'")
			.param("a", id).query(Long.class).list();
		List<Long> waitingPeople = jdbc.sql("select person_id from activity_registration where activity_id = :a and status = 'WAITLISTED' order by waitlist_seq")
			.param("a", id).query(Long.class).list();
		assertThat(confirmedPeople).hasSize(seats);

		List<MockHttpServletRequestBuilder> requests = new ArrayList<>();
		for (Member m : first) {
			boolean cancels = confirmedPeople.contains(m.personId())
					|| waitingPeople.indexOf(m.personId()) >= 30; // the last 10 waiting give up too
			if (cancels) {
				requests.add(delete("/api/v1/activities/" + id + "/registrations/mine").header("Authorization", m.bearer()));
			}
		}
		for (Member m : members.subList(60, 100)) {
			requests.add(post("/api/v1/activities/" + id + "/registrations").header("Authorization", m.bearer()));
		}
		Collections.shuffle(requests);
		List<MockHttpServletResponse> responses = race(requests);

		assertThat(responses).allSatisfy(r -> assertThat(r.getStatus()).as(r.getContentAsString()).isIn(201, 204));
		Map<String, Long> counts = countByStatus(id);
		assertThat(counts.get("CONFIRMED")).isEqualTo(seats);
		assertThat(confirmedCount(id)).isEqualTo(seats);
		// promoted: confirmed now, waiting before; each told exactly once
		List<Long> promoted = jdbc.sql("select person_id from activity_registration where activity_id = :a and status = 'CONFIRMED'")
			.param("a", id).query(Long.class).list().stream().filter(waitingPeople::contains).toList();
		for (Long person : promoted) {
			assertThat(jdbc.sql("""
					select count(*) from notification n join account a on a.id = n.recipient_account_id
					where a.person_id = :p and n.template = 'activity-promoted' and n.channel = 'INBOX'
					  and n.event_key like :key""")
				.param("p", person).param("key", "activity-" + id + "-promoted-%").query(Long.class).single())
				.isEqualTo(1);
		}
		// first come, first served: whoever still waits joined after everyone promoted
		Integer lastPromotedSeq = jdbc.sql("""
				select max(waitlist_seq) from activity_registration where activity_id = :a and status = 'CONFIRMED'""")
			.param("a", id).query(Integer.class).single();
		Integer firstWaitingSeq = jdbc.sql("""
				select min(waitlist_seq) from activity_registration where activity_id = :a and status = 'WAITLISTED'""")
			.param("a", id).query(Integer.class).single();
		if (lastPromotedSeq != null && firstWaitingSeq != null) {
			assertThat(firstWaitingSeq).isGreaterThan(lastPromotedSeq);
		}
	}
}
