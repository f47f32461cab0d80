package org.quntuan.platform.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.quntuan.platform.web.RequestIds;
import org.quntuan.support.IntegrationTest;
import org.springframework.aop.Advisor;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.util.ReflectionUtils;

/**
 * The operations surface: health probes open to a load balancer with the status only, the Prometheus
 * scrape open to the scraper's token only, every other actuator path closed to everyone; the metrics
 * that matter are there; every ProblemDetail carries the request id that is in the response header
 * and the logs.
 */
class OperationsTests extends IntegrationTest {

	private static final String SCRAPER = "Bearer test-metrics-token";

	@Autowired
	ApplicationContext context;

	@Autowired
	MeterRegistry meters;

	private double count(String counter) {
		return meters.counter(counter).count();
	}

	@Test
	void wrongPasswordsCountAsSignInFailuresAndTheOneThatLocksAsALockout() throws Exception {
		String user = jdbc.sql("select a.username from account a join person p on p.id = a.person_id"
				+ " where a.username = p.mobile order by p.id desc offset 70 rows fetch next 1 rows only")
			.query(String.class).single();
		double failures = count("quntuan.signin.failures");
		double lockouts = count("quntuan.signin.lockouts");
		for (int i = 0; i < 5; i++) {
			assertThat(mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
				.content("{\"username\":\"" + user + "\",\"password\":\"Wrong@" + i + "\"}")
				.with(request -> {
					request.setRemoteAddr("198.51.100.91");
					return request;
				})).andReturn().getResponse().getStatus()).isEqualTo(401);
		}
		assertThat(count("quntuan.signin.failures") - failures).isEqualTo(5);
		assertThat(count("quntuan.signin.lockouts") - lockouts).isEqualTo(1);
		MvcResult scrape = mvc.perform(get("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, SCRAPER)).andReturn();
		assertThat(scrape.getResponse().getContentAsString()).containsPattern("(?m)^quntuan_signin_lockouts_total [1-9]");
	}

	@Test
	void livenessAndReadinessAnswerWithoutSignInAndWithoutDetails() throws Exception {
		for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
			MvcResult result = mvc.perform(get(probe)).andReturn();
			assertThat(result.getResponse().getStatus()).as(probe).isEqualTo(200);
			JsonNode body = body(result);
			assertThat(body.get("status").asString()).as(probe).isEqualTo("UP");
			assertThat(body.propertyNames()).as(probe + ": the status only").containsExactly("status");
		}
	}

	@Test
	void everyOtherActuatorPathIsRefusedToAnonymousCallersMembersAndEvenTheScraper() throws Exception {
		MockHttpSession member = login("member1");
		String memberToken = bearer("member1");
		for (String path : List.of("/actuator/prometheus", "/actuator/env", "/actuator/health", "/actuator",
				"/actuator/metrics", "/actuator/beans", "/actuator/heapdump")) {
			assertThat(mvc.perform(get(path)).andReturn().getResponse().getStatus()).as("anonymous " + path).isEqualTo(401);
			assertThat(mvc.perform(get(path).session(member)).andReturn().getResponse().getStatus())
				.as("member1's session " + path).isEqualTo(401);
			assertThat(mvc.perform(get(path).header(HttpHeaders.AUTHORIZATION, memberToken)).andReturn().getResponse()
				.getStatus()).as("member1's API token " + path).isEqualTo(401);
			assertThat(mvc.perform(get(path).header(HttpHeaders.AUTHORIZATION, "Bearer wrong")).andReturn().getResponse()
				.getStatus()).as("a wrong scraper token " + path).isEqualTo(401);
			if (!path.equals("/actuator/prometheus")) {
				assertThat(mvc.perform(get(path).header(HttpHeaders.AUTHORIZATION, SCRAPER)).andReturn().getResponse()
					.getStatus()).as("the scraper's token opens nothing else: " + path).isEqualTo(401);
			}
		}
	}

	@Test
	void theScraperSeesRequestRatesPoolUseJobRunsPendingNotificationsAndSignInFailures() throws Exception {
		// a failed sign-in, so that the counter has counted something
		mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"nobody-for-metrics\",\"password\":\"x\"}"));
		mvc.perform(get("/api/v1/me").header(HttpHeaders.AUTHORIZATION, bearer("member1")));
		MvcResult result = mvc.perform(get("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, SCRAPER)).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		String text = result.getResponse().getContentAsString();
		assertThat(text).contains("quntuan_signin_lockouts_total", "quntuan_notifications_pending ",
				"hikaricp_connections_active", "http_server_requests_seconds_bucket",
				"http_server_requests_seconds_count{", "uri=\"/api/v1/me\"");
		assertThat(text).containsPattern("(?m)^quntuan_signin_failures_total(\\{[^}]*\\})? [1-9]");
		assertThat(text).doesNotContainPattern("(?m)^quntuan_notifications_pending(\\{[^}]*\\})? NaN");
	}

	@Test
	void everyScheduledJobRunsThroughTheJobMetrics() {
		int jobs = 0;
		for (String name : context.getBeanDefinitionNames()) {
			Object bean = context.getBean(name);
			Class<?> type = AopUtils.getTargetClass(bean);
			boolean[] scheduled = { false };
			ReflectionUtils.doWithMethods(type, m -> scheduled[0] |= m.isAnnotationPresent(Scheduled.class));
			if (!scheduled[0] || !type.getName().startsWith("org.quntuan.")) {
				continue;
			}
			jobs++;
			assertThat(bean).as(name).isInstanceOf(Advised.class);
			assertThat(((Advised) bean).getAdvisors()).as(name)
				.extracting(Advisor::getAdvice)
				.anySatisfy(advice -> assertThat(advice.getClass().getSimpleName()).isEqualTo("JobRuns"));
		}
		assertThat(jobs).as("scheduled jobs found").isGreaterThanOrEqualTo(7);
	}

	@Test
	void aProblemDetailCarriesTheRequestIdOfTheHeader() throws Exception {
		String token = bearer("member1");
		Map<String, MvcResult> answers = Map.of(
				"404", mvc.perform(get("/api/v1/no-such-thing").header(HttpHeaders.AUTHORIZATION, token)
					.header(RequestIds.HEADER, "req-404.a1")).andReturn(),
				"400", mvc.perform(post("/api/v1/me/password").header(HttpHeaders.AUTHORIZATION, token)
					.contentType(MediaType.APPLICATION_JSON).content("{").header(RequestIds.HEADER, "req-400.a1")).andReturn(),
				"401", mvc.perform(get("/api/v1/me").header(RequestIds.HEADER, "req-401.a1")).andReturn());
		answers.forEach((status, result) -> {
			assertThat(result.getResponse().getStatus()).isEqualTo(Integer.parseInt(status));
			assertThat(result.getResponse().getHeader(RequestIds.HEADER)).isEqualTo("req-" + status + ".a1");
			try {
				assertThat(body(result).get("requestId").asString()).as(status).isEqualTo("req-" + status + ".a1");
			}
			catch (Exception ex) {
				throw new AssertionError(ex);
			}
		});
	}

	@Test
	void aMalformedRequestIdIsReplacedByAFreshOne() throws Exception {
		MvcResult result = mvc.perform(get("/api/v1/no-such-thing").header(HttpHeaders.AUTHORIZATION, bearer("member1"))
			.header(RequestIds.HEADER, "<script>\nforged log line")).andReturn();
		String id = result.getResponse().getHeader(RequestIds.HEADER);
		assertThat(id).isNotBlank().doesNotContain("<", "\n");
		assertThat(body(result).get("requestId").asString()).isEqualTo(id);
		MvcResult other = mvc.perform(get("/api/v1/no-such-thing").header(HttpHeaders.AUTHORIZATION, bearer("member1")))
			.andReturn();
		assertThat(other.getResponse().getHeader(RequestIds.HEADER)).isNotBlank().isNotEqualTo(id);
	}
}
