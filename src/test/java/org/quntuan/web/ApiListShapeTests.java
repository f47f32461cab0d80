package org.quntuan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.lang.reflect.Method;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.quntuan.platform.Zones;
import org.quntuan.support.IntegrationTest;
import org.quntuan.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpEntity;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every list the API reads out is an object, as the README promises: a page
 * {@code {content, page, size, totalElements, totalPages}}, or for a board or a status table the
 * whole table with its totals ({@code {rows, totals}}). A bare JSON array can neither say how many
 * rows there are nor grow a field later without breaking its callers.
 */
class ApiListShapeTests extends IntegrationTest {

	/**
	 * GET endpoints under /api/v1 allowed to answer a bare array, with the reason. None: keep it so;
	 * an entry here needs a reason a caller would accept.
	 */
	static final Map<String, String> ARRAYS_ALLOWED = Map.of();

	/** Query parameters some lists need before they answer 200. */
	private Map<String, String> queries() {
		long federation = orgId("市直机关工委");
		int year = LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS)).getYear();
		return Map.of("/api/v1/finance/budgets", "orgId=" + federation + "&year=" + year, "/api/v1/finance/statement",
				"orgId=" + federation + "&year=" + year, "/api/v1/finance/journal", "orgId=" + federation);
	}

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void noGetEndpointOfTheApiDeclaresAnArrayAsItsAnswer() {
		Map<String, String> arrays = new TreeMap<>();
		int checked = 0;
		for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
			for (String pattern : apiGets(e.getKey())) {
				checked++;
				Class<?> answer = answerType(e.getValue().getMethod());
				boolean array = Collection.class.isAssignableFrom(answer) || Iterable.class.isAssignableFrom(answer)
						|| (answer.isArray() && answer != byte[].class);
				if (array && !ARRAYS_ALLOWED.containsKey(pattern)) {
					arrays.put(pattern, e.getValue().getMethod().toGenericString());
				}
			}
		}
		assertThat(checked).as("GET endpoints under /api/v1 found").isGreaterThan(40);
		assertThat(arrays).as("GET endpoints answering a bare array").isEmpty();
	}

	@Test
	void everyListWithoutAPathVariableAnswersAnObjectToEachRole() throws Exception {
		List<String> patterns = new ArrayList<>();
		mappings.getHandlerMethods().keySet().forEach(info -> apiGets(info).stream()
			.filter(p -> !p.contains("{") && !p.endsWith("/export") && !p.endsWith("-template")).forEach(patterns::add));
		Map<String, String> params = queries();
		TreeSet<String> answeredAnObject = new TreeSet<>();
		List<String> arrays = new ArrayList<>();
		for (String user : List.of("admin", "group1", "orgadmin1", "finance1", "auditor1", "member1")) {
			for (String pattern : patterns) {
				String query = params.containsKey(pattern) ? "?" + params.get(pattern) : "";
				MockHttpServletResponse response = mvc.perform(get(pattern + query).header("Authorization", bearer(user)))
					.andReturn().getResponse();
				if (response.getStatus() != 200 || response.getContentType() == null
						|| !response.getContentType().contains("json")) {
					continue;
				}
				String body = response.getContentAsString().strip();
				if (body.startsWith("[")) {
					arrays.add(user + " GET " + pattern);
				}
				else {
					assertThat(body).as(user + " GET " + pattern).startsWith("{");
					answeredAnObject.add(pattern);
				}
			}
		}
		assertThat(arrays).as("bare arrays").isEmpty();
		// the lists issue #14 found as bare arrays, now read and found to be objects
		assertThat(answeredAnObject).contains("/api/v1/activities", "/api/v1/activities/mine", "/api/v1/activities/managed",
				"/api/v1/clubs", "/api/v1/clubs/requests", "/api/v1/resolutions", "/api/v1/finance/books",
				"/api/v1/finance/categories", "/api/v1/finance/budgets", "/api/v1/finance/pay", "/api/v1/finance/dues-sheets",
				"/api/v1/finance/audits", "/api/v1/annual-reports/board", "/api/v1/reelections/board",
				"/api/v1/activity-series", "/api/v1/orgs/tree", "/api/v1/me/consents");
	}

	@Test
	void aPagedListCutsItsRowsInPagesThatAddUpToItsTotal() throws Exception {
		String admin = bearer("admin");
		var whole = body(mvc.perform(get("/api/v1/finance/books?size=200").header("Authorization", admin)).andReturn());
		long total = whole.get("totalElements").asLong();
		assertThat(total).as("the federation admin reads every book, all on one page").isBetween(4L, 200L);
		List<Long> paged = new ArrayList<>();
		int pages = (int) ((total + 1) / 2);
		for (int page = 0; page < pages; page++) {
			var one = body(mvc.perform(get("/api/v1/finance/books?size=2&page=" + page).header("Authorization", admin))
				.andReturn());
			assertThat(one.get("totalPages").asInt()).isEqualTo(pages);
			one.get("content").forEach(b -> paged.add(b.get("orgId").asLong()));
		}
		List<Long> all = new ArrayList<>();
		whole.get("content").forEach(b -> all.add(b.get("orgId").asLong()));
		assertThat(paged).as("stable order, no row twice or missing").isEqualTo(all);
		assertThat(all.get(0)).as("the federation's own book first").isEqualTo(orgId("市直机关工委"));
		assertThat(mvc.perform(get("/api/v1/finance/books?size=201").header("Authorization", admin)).andReturn()
			.getResponse().getStatus()).isEqualTo(400);
	}

	private static List<String> apiGets(RequestMappingInfo info) {
		if (!info.getMethodsCondition().getMethods().contains(RequestMethod.GET)) {
			return List.of();
		}
		return info.getPatternValues().stream().filter(p -> p.startsWith("/api/v1/")).toList();
	}

	/** The type the client reads: a ResponseEntity's body, otherwise the return type. */
	private static Class<?> answerType(Method method) {
		ResolvableType type = ResolvableType.forMethodReturnType(method);
		if (HttpEntity.class.isAssignableFrom(type.toClass())) {
			type = type.getGeneric(0);
		}
		return type.toClass();
	}
}
