package org.quntuan.care.women;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

/** The committee's page of a screening: its women's sign-ups with masked mobiles, nobody else's, no result. */
class ScreeningPageTests extends ScreeningTestSupport {

	@Test
	void theWomensCommitteeSeesItsOrgansSignUpsMaskedAndAUnionAdminSeesNothing() throws Exception {
		long screening = screening("页面筛查" + System.nanoTime(), "[{\"organId\":" + orgId("市财政局") + ",\"places\":2},"
				+ "{\"organId\":" + orgId("市教育局") + ",\"places\":2}]", 4);
		String her = person(jdbc, "市财政局");
		String other = person(jdbc, "市教育局");
		long signup = signedUp(her, screening, "CONFIRMED");
		signedUp(other, screening, "CONFIRMED");
		postAs("women1", "/api/v1/women/signups/" + signup + "/result", "{\"result\":\"REFERRED\",\"note\":\"转诊记录\"}");

		MockHttpSession session = login("women1");
		MvcResult page = mvc.perform(get("/women/screenings/" + screening).session(session)).andReturn();
		assertThat(page.getResponse().getStatus()).isEqualTo(200);
		String html = page.getResponse().getContentAsString();
		assertThat(html).contains("/women/signups/" + signup).contains(her.substring(0, 3) + "****" + her.substring(7))
			.doesNotContain(her).doesNotContain(other.substring(7)).doesNotContain("转诊记录").doesNotContain("建议转诊");

		assertThat(mvc.perform(get("/women/screenings/" + screening).session(login("orgadmin1"))).andReturn().getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(mvc.perform(get("/women/signups/" + signup).session(login("orgadmin1"))).andReturn().getResponse()
			.getStatus()).isEqualTo(404);
	}

	private static String person(JdbcClient jdbc, String organ) {
		return WomenFixtures.person(jdbc, organ, "FEMALE", 33);
	}
}
