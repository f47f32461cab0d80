package org.quntuan.badinput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A form sent twice at the same moment (a double click, a resent request): one write, and the other
 * submission is told why. Runs on H2 and on PostgreSQL.
 */
class BadInputDoubleSubmitTests extends BadInputTest {

	private static final int TWICE = 2;

	/**
	 * The same form, sent from two threads at once. Each thread has its own signed-in session of the
	 * same user: a mock session is not thread-safe (a server's is), and the database sees the same.
	 */
	private List<MvcResult> atOnce(Function<MockHttpSession, MockHttpServletRequestBuilder> form) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(TWICE);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<MvcResult>> futures = new ArrayList<>();
		for (int i = 0; i < TWICE; i++) {
			MockHttpServletRequestBuilder request = form.apply(session());
			futures.add(pool.submit(() -> {
				start.await();
				return mvc.perform(request).andReturn();
			}));
		}
		start.countDown();
		List<MvcResult> results = new ArrayList<>();
		for (Future<MvcResult> f : futures) {
			results.add(f.get());
		}
		pool.shutdown();
		return results;
	}

	private MockHttpSession session() {
		try {
			return login("admin");
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void theSamePersonSubmittedTwiceIsRegisteredOnce() throws Exception {
		Map<String, Object> p = newPerson(orgId("市财政局"));
		long peopleBefore = jdbc.sql("select count(*) from person").query(Long.class).single();
		List<MvcResult> results = atOnce(session -> {
			MockHttpServletRequestBuilder form = post("/members").session(session).with(csrf());
			p.forEach((k, v) -> form.param(k, String.valueOf(v)));
			return form;
		});

		assertThat(jdbc.sql("select count(*) from person where id_number = :n").param("n", p.get("idNumber"))
			.query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from person").query(Long.class).single()).isEqualTo(peopleBefore + 1);
		assertThat(jdbc.sql("""
				select count(*) from person_organ_history h join person p on p.id = h.person_id where p.id_number = :n""")
			.param("n", p.get("idNumber")).query(Long.class).single()).isEqualTo(1);
		long redirected = results.stream().filter(r -> r.getResponse().getStatus() == 302).count();
		assertThat(redirected).isEqualTo(1);
		MvcResult refused = results.stream().filter(r -> r.getResponse().getStatus() != 302).findFirst().orElseThrow();
		assertThat(refused.getResponse().getStatus()).isEqualTo(200);
		// the duplicate is caught by the check before the insert or, when both got that far, by the unique key
		assertThat(refused.getResponse().getContentAsString())
			.containsAnyOf("身份证号或手机号与已有人员重复", "该身份证号已登记", "该手机号已被其他在册人员使用");
	}

	@Test
	void twoRenamesOfTheSameVersionLetOneThroughAndTellTheOther() throws Exception {
		MvcResult created = mvc.perform(post("/api/v1/orgs").header("Authorization", bearer("admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("parentId", orgId("市教育局工会"), "type", "CLUB", "name", "重复提交测试社团"))))
			.andReturn();
		assertThat(created.getResponse().getStatus()).as(created.getResponse().getContentAsString()).isEqualTo(201);
		long club = body(created).get("id").asLong();
		long version = orgVersion(club);
		List<MvcResult> results = atOnce(session -> post("/orgs/" + club + "/rename").session(session).with(csrf())
			.param("name", "重复提交测试社团（新）").param("version", String.valueOf(version)));

		assertThat(results).allSatisfy(r -> assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/orgs/" + club));
		assertThat(results.stream().filter(r -> r.getFlashMap().get("success") != null).count()).isEqualTo(1);
		assertThat(results.stream().map(r -> String.valueOf(r.getFlashMap().get("error"))))
			.containsOnlyOnce("组织信息已被他人修改，请刷新后重试");
		assertThat(orgVersion(club)).isEqualTo(version + 1);
		assertThat(orgName(club)).isEqualTo("重复提交测试社团（新）");
		assertThat(jdbc.sql("select count(*) from audit_event where object_type = 'ORG' and object_id = :id and type = 'UPDATE'")
			.param("id", String.valueOf(club)).query(Long.class).single()).isEqualTo(1);
	}
}
