package org.quntuan.activity.clubs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.quntuan.activity.ActivityFixtures;
import org.quntuan.support.IntegrationTest;
import org.springframework.mock.web.MockHttpSession;

class ClubAndRankingPageTests extends IntegrationTest {

	@Test
	void theFederationRunsTheRankingOnItsPageAndPublishesItForEveryone() throws Exception {
		MockHttpSession admin = login("admin");
		mvc.perform(post("/group-rankings").session(admin).with(csrf()).param("year", "2016")
			.param("weightActivities", "30").param("weightParticipation", "30").param("weightFeedback", "30"))
			.andExpect(flash().attribute("error", "三项权重之和须为 100"));
		mvc.perform(post("/group-rankings").session(admin).with(csrf()).param("year", "2016")
			.param("weightActivities", "50").param("weightParticipation", "30").param("weightFeedback", "20")
			.param("extraQuotas", "3，2，1")).andExpect(redirectedUrl("/group-rankings?year=2016"));
		mvc.perform(get("/group-rankings").param("year", "2016").session(admin))
			.andExpect(content().string(containsString("ranking-publish"))).andExpect(content().string(containsString("第八片组")));
		MockHttpSession member = login("member1");
		mvc.perform(get("/group-rankings").param("year", "2016").session(member))
			.andExpect(content().string(containsString("ranking-empty")));
		mvc.perform(post("/group-rankings/2016/publish").session(admin).with(csrf())).andExpect(status().is3xxRedirection());
		mvc.perform(get("/group-rankings").param("year", "2016").session(member))
			.andExpect(content().string(containsString("第八片组")));
		assertThat(jdbc.sql("select extra_quotas from group_ranking_run where year = 2016").query(String.class).single())
			.isEqualTo("3,2,1");
	}

	@Test
	void aLeaderApprovesARequestFromTheRequestsPage() throws Exception {
		var people = ActivityFixtures.members(jdbc, ActivityFixtures.organ(jdbc, "第二片组"), 2, "MALE",
				LocalDate.of(1988, 2, 2));
		MockHttpSession admin = login("admin");
		String leaderName = jdbc.sql("select name from person where id = :p").param("p", people.get(0).personId())
			.query(String.class).single();
		// the leader is found in the person picker, by name, with organ and masked mobile
		mvc.perform(get("/members/picker").param("q", leaderName).session(admin))
			.andExpect(content().string(containsString("value=\"" + people.get(0).personId() + "\"")))
			.andExpect(content().string(Matchers.matchesPattern("(?s).*\\d{3}\\*{4}\\d{4}.*")));
		String name = "篮球俱乐部" + System.nanoTime();
		String location = mvc.perform(post("/clubs").session(admin).with(csrf()).param("name", name)
			.param("sponsorOrgId", String.valueOf(orgId("市直机关工委"))).param("personId", String.valueOf(people.get(0).personId())))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		long club = Long.parseLong(location.substring("/clubs/".length()));
		mvc.perform(post("/api/v1/clubs/" + club + "/join").header("Authorization", people.get(1).bearer()))
			.andExpect(status().isCreated());
		// the admin of the sponsor sees the request among theirs, and approves it there
		mvc.perform(get("/clubs/requests").session(admin)).andExpect(content().string(containsString(name)));
		mvc.perform(post("/clubs/" + club + "/members/" + people.get(1).personId() + "/approve").param("back", "requests")
			.session(admin).with(csrf())).andExpect(redirectedUrl("/clubs/requests"));
		mvc.perform(get("/clubs/" + club).session(admin)).andExpect(content().string(containsString("club-members")));
		assertThat(jdbc.sql("select status from club_member where club_id = :c and person_id = :p").param("c", club)
			.param("p", people.get(1).personId()).query(String.class).single()).isEqualTo("APPROVED");
	}

	@Test
	void theFederationPlansTheSeriesOnItsPage() throws Exception {
		MockHttpSession admin = login("admin");
		mvc.perform(post("/activity-series").session(admin).with(csrf()).param("year", "2035")
			.param("theme", "春之声", "夏之情", "秋之韵", "冬日暖阳").param("description", "a", "b", "c", "d"))
			.andExpect(redirectedUrl("/activity-series?year=2035"));
		mvc.perform(get("/activity-series").param("year", "2035").session(login("member1")))
			.andExpect(content().string(containsString("冬日暖阳")));
	}
}
