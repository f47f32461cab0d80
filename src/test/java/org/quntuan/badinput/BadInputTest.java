package org.quntuan.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.quntuan.platform.IdNumber;
import org.quntuan.support.IntegrationTest;
import org.springframework.test.web.servlet.MvcResult;

/**
 * What every bad-input test needs: the business rows counted before and after, fresh people, and the
 * check that an API error is a ProblemDetail in Chinese. Same context as every integration test.
 */
abstract class BadInputTest extends IntegrationTest {

	/** The tables a request could write to. The audit log is left out: refusals are logged on purpose. */
	static final List<String> TABLES = List.of("org", "org_affiliation_change", "person", "person_organ_history",
			"stored_file", "account", "role_binding");

	/** Region 960101 for this battery, so no other test builds the same person. */
	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	Map<String, Long> rows() {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String table : TABLES) {
			counts.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
		}
		return counts;
	}

	/** A person nobody registered yet, as the API takes it. */
	static Map<String, Object> newPerson(long organId) {
		int n = SEQUENCE.incrementAndGet();
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("name", "坏输" + (char) ('甲' + n % 10) + n);
		String id17 = "960101" + (1970 + n % 30) + "0612" + String.format("%02d", n % 100) + (n % 2);
		p.put("idNumber", id17 + IdNumber.checkCharacter(id17));
		p.put("mobile", "167" + String.format("%08d", 20000000 + n * 11));
		p.put("organId", organId);
		p.put("politicalStatus", "群众");
		p.put("unionStatus", "MEMBER");
		p.put("employmentStatus", "IN_SERVICE");
		p.put("position", "科员");
		return p;
	}

	/** A 4xx ProblemDetail whose detail (or title) is Chinese. */
	void assertChineseProblem(MvcResult result, int status) throws Exception {
		String content = result.getResponse().getContentAsString();
		assertThat(result.getResponse().getStatus()).as(content).isEqualTo(status);
		assertThat(result.getResponse().getContentType()).as(content).contains("application/problem+json");
		String detail = body(result).path("detail").asString("");
		String title = body(result).path("title").asString("");
		assertThat(title).as(content).matches("(?s).*\\p{IsHan}.*");
		assertThat(detail).as(content).matches("(?s).*\\p{IsHan}.*");
	}

	long orgVersion(long id) {
		return jdbc.sql("select version from org where id = :id").param("id", id).query(Long.class).single();
	}

	String orgName(long id) {
		return jdbc.sql("select name from org where id = :id").param("id", id).query(String.class).single();
	}
}
