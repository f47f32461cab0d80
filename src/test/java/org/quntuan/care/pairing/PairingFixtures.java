package org.quntuan.care.pairing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;

import tools.jackson.databind.JsonNode;

import org.quntuan.platform.Zones;
import org.quntuan.support.IntegrationTest;
import org.quntuan.support.TestClock;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

/** Partners, pairs and problems made through the API, each with a name of its own. */
abstract class PairingFixtures extends IntegrationTest {

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R', 0,
			0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0 };

	static LocalDate today() {
		return LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS));
	}

	MvcResult send(String user, String method, String path, String json) throws Exception {
		var request = switch (method) {
			case "POST" -> post(path);
			case "PATCH" -> patch(path);
			default -> get(path);
		};
		request.header("Authorization", bearer(user));
		if (json != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(json);
		}
		return mvc.perform(request).andReturn();
	}

	long created(MvcResult r) throws Exception {
		assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201);
		return body(r).get("id").asLong();
	}

	long partner(String name) throws Exception {
		return created(send("admin", "POST", "/api/v1/pair-partners", """
				{"name":"%s","kind":"COMMUNITY","district":"上城区","contactName":"王红","contactPhone":"13905719876"}"""
			.formatted(name)));
	}

	/** An active person of the organ. */
	long contact(String organ) {
		return jdbc.sql("""
				select min(p.id) from person p join org o on o.id = p.organ_id where o.name = :organ and p.active = true""")
			.param("organ", organ).query(Long.class).single();
	}

	/** A new pair of the organ with a partner of its own, for this year and the next. */
	long pair(String organ) throws Exception {
		long partner = partner("测试社区" + System.nanoTime());
		int year = today().getYear();
		return created(send("admin", "POST", "/api/v1/pairs", """
				{"organId":%d,"partnerId":%d,"startYear":%d,"endYear":%d,"contactPersonIds":[%d]}"""
			.formatted(orgId(organ), partner, year, year + 1, contact(organ))));
	}

	long problem(String user, long pair, String category, LocalDate due) throws Exception {
		return created(send(user, "POST", "/api/v1/pairs/" + pair + "/problems", """
				{"category":"%s","description":"路灯损坏%d","owner":"街道城管科","dueDate":"%s"}"""
			.formatted(category, System.nanoTime(), due)));
	}

	MvcResult move(String user, long problem, String status, String note, Integer version) throws Exception {
		String json = "{\"status\":\"" + status + "\"" + (note == null ? "" : ",\"note\":\"" + note + "\"")
				+ (version == null ? "" : ",\"version\":" + version) + "}";
		return send(user, "PATCH", "/api/v1/pair-problems/" + problem, json);
	}

	String status(long problem) {
		return jdbc.sql("select status from care_pair_problem where id = :id").param("id", problem).query(String.class)
			.single();
	}

	int steps(long problem) {
		return jdbc.sql("select count(*) from care_pair_problem_step where problem_id = :id").param("id", problem)
			.query(Integer.class).single();
	}

	JsonNode json(MvcResult r) throws Exception {
		assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(200);
		return body(r);
	}
}
