package org.quntuan.volunteer;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

class ProjectApiTests extends VolunteerTestSupport {

	@Test
	void theFederationAddsProjectsAndCampaignsAndEveryoneReadsThem() throws Exception {
		String name = "护河行动" + System.nanoTime() % 100000;
		MvcResult r = postJson("admin", "/api/v1/volunteer-projects", """
				{"kind":"PROJECT","name":"%s","partner":"城北街道运河社区","leader":"赵明","description":"运河巡查"}"""
			.formatted(name));
		expectStatus(r, 201);
		long id = body(r).get("id").asLong();
		JsonNode list = body(getJson("member1", "/api/v1/volunteer-projects?size=200"));
		JsonNode mine = null;
		for (JsonNode n : list.get("content")) {
			if (n.get("id").asLong() == id) {
				mine = n;
			}
		}
		assertThat(mine).isNotNull();
		assertThat(mine.get("kind").get("label").asString()).isEqualTo("常设项目");
		assertThat(mine.get("partner").asString()).isEqualTo("城北街道运河社区");
		assertThat(list.get("content").findValues("name").stream().map(JsonNode::asString).toList())
			.contains("学雷锋纪念日", "国际志愿者日", "社区敬老", "五水共治");
		assertThat(audits("VOLUNTEER_PROJECT", id)).isEqualTo(1);
		// the same name again is a conflict
		assertThat(postJson("admin", "/api/v1/volunteer-projects", """
				{"kind":"PROJECT","name":"%s","partner":"某社区","leader":"某人"}""".formatted(name)).getResponse()
			.getStatus()).isEqualTo(409);
	}

	@Test
	void badProjectsAreRefusedAndOnlyTheFederationAdds() throws Exception {
		long before = count();
		MvcResult noPartner = postJson("admin", "/api/v1/volunteer-projects", "{\"kind\":\"PROJECT\",\"name\":\"无社区项目\"}");
		assertThat(noPartner.getResponse().getStatus()).isEqualTo(400);
		assertThat(body(noPartner).toString()).contains("partner");
		MvcResult badDay = postJson("admin", "/api/v1/volunteer-projects",
				"{\"kind\":\"CAMPAIGN\",\"name\":\"二月三十日\",\"month\":2,\"day\":30}");
		assertThat(badDay.getResponse().getStatus()).isEqualTo(400);
		assertThat(body(badDay).toString()).contains("month");
		assertThat(postJson("orgadmin1", "/api/v1/volunteer-projects",
				"{\"kind\":\"CAMPAIGN\",\"name\":\"单位活动日\",\"month\":5,\"day\":4}").getResponse().getStatus())
			.isEqualTo(403);
		assertThat(count()).isEqualTo(before);
	}

	private long count() {
		return jdbc.sql("select count(*) from volunteer_project").query(Long.class).single();
	}
}
