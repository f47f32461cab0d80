package org.quntuan.care.women;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.quntuan.support.IntegrationTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

/** Calls of the screening API as one account or another. */
abstract class ScreeningTestSupport extends IntegrationTest {

	MvcResult postAs(String user, String path, String body) throws Exception {
		return mvc.perform(post(path).header("Authorization", bearer(user)).contentType(MediaType.APPLICATION_JSON)
			.content(body == null ? "{}" : body)).andReturn();
	}

	MvcResult getAs(String user, String path) throws Exception {
		return mvc.perform(get(path).header("Authorization", bearer(user))).andReturn();
	}

	/** A screening of the federation, open for sign-up, with the quotas given (JSON) or the default split. */
	long screening(String title, String quotas, int capacity) throws Exception {
		MvcResult created = postAs("admin", "/api/v1/women/screenings", WomenFixtures.openScreening(title, quotas, capacity));
		assertThat(created.getResponse().getStatus()).as(created.getResponse().getContentAsString()).isEqualTo(201);
		return body(created).get("id").asLong();
	}

	/** A screening with places for one organ only. */
	long screeningFor(String organ, int places) throws Exception {
		return screening("筛查" + System.nanoTime(), "[{\"organId\":" + orgId(organ) + ",\"places\":" + places + "}]",
				places);
	}

	MvcResult signUp(String user, long screening) throws Exception {
		return postAs(user, "/api/v1/women/screenings/" + screening + "/signups", null);
	}

	long signedUp(String user, long screening, String status) throws Exception {
		MvcResult r = signUp(user, screening);
		assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201);
		assertThat(body(r).get("status").get("code").asString()).isEqualTo(status);
		return body(r).get("id").asLong();
	}
}
