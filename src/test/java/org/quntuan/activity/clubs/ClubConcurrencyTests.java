package org.quntuan.activity.clubs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quntuan.activity.ActivityFixtures;
import org.quntuan.support.IntegrationTest;
import org.springframework.http.MediaType;

@Tag("postgres-only")
class ClubConcurrencyTests extends IntegrationTest {

	@Test
	void aMemberDoubleSubmittingAJoinRequestTwentyTimesAtOnceLeavesOneRequest() throws Exception {
		var people = ActivityFixtures.members(jdbc, ActivityFixtures.organ(jdbc, "第三片组"), 2, "MALE", LocalDate.of(1991, 3, 3));
		long club = body(mvc.perform(post("/api/v1/clubs").header("Authorization", bearer("admin"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"并发测试俱乐部" + System.nanoTime()
					+ "\",\"leaderPersonId\":" + people.get(0).personId() + ",\"sponsorOrgId\":" + orgId("市直机关工委") + "}"))
			.andReturn()).get("club").get("id").asLong();
		ExecutorService pool = Executors.newFixedThreadPool(20);
		try {
			List<Callable<Integer>> calls = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				calls.add(() -> mvc.perform(post("/api/v1/clubs/" + club + "/join").header("Authorization", people.get(1).bearer()))
					.andReturn().getResponse().getStatus());
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> f : pool.invokeAll(calls)) {
				statuses.add(f.get());
			}
			assertThat(statuses).containsOnly(200, 201);
			assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
		}
		finally {
			pool.shutdown();
		}
		assertThat(jdbc.sql("select count(*) from club_member where club_id = :c and person_id = :p").param("c", club)
			.param("p", people.get(1).personId()).query(Long.class).single()).isOne();
	}
}
