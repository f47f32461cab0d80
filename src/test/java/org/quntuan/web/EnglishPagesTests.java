package org.quntuan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quntuan.support.Bundles;
import org.quntuan.support.IntegrationTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;

/**
 * A user who chose English reads English: the pages render in English without a missing message
 * ("??key_en??") and no label of the page stays Chinese (no text of the page is, word for word, the
 * Chinese of a message). Names and other data users entered stay as they were entered.
 */
class EnglishPagesTests extends IntegrationTest {

	private static final Pattern CHINESE = Pattern.compile("[\\u4e00-\\u9fff]");

	/** A year of the series no other test plans. */
	private static final int SERIES_YEAR = 2041;

	private static Set<String> chineseLabels;

	private MockHttpSession admin;

	@BeforeEach
	void signIn() throws Exception {
		admin = login("admin");
		if (chineseLabels == null) {
			Properties zh = Bundles.merged("");
			Set<String> labels = new TreeSet<>();
			for (String key : zh.stringPropertyNames()) {
				String value = zh.getProperty(key).strip();
				// the language switch names Chinese in Chinese on purpose
				if (value.length() >= 2 && CHINESE.matcher(value).find() && !key.equals("nav.lang")) {
					labels.add(value);
				}
			}
			chineseLabels = labels;
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "/clubs", "/clubs/mine", "/clubs/requests", "/activity-series", "/info-reports/ranking",
			"/group-rankings", "/approvals", "/approvals/requests", "/finance/categories", "/finance/budgets", "/finance",
			"/finance/audits", "/activities", "/activities/manage", "/me",
			"info1 /info-reports/new", "/votes/new", "/mailbox", "/mailbox/new", "/mailbox/summary" })
	void aPageInEnglishShowsNoChineseLabelAndNoMissingMessage(String page) throws Exception {
		// "user path", the federation's admin when no user is named
		String[] parts = page.split(" ");
		MockHttpSession session = parts.length == 2 ? login(parts[0]) : admin;
		String path = parts[parts.length - 1];
		assertEnglish(path, page(session, path));
	}

	@ParameterizedTest
	@ValueSource(strings = { "club", "series", "activity" })
	void aClubASeriesQuarterAndAnActivityInEnglish(String what) throws Exception {
		String path;
		if (what.equals("activity")) {
			path = "/activities/" + jdbc.sql("select max(id) from activity").query(Long.class).single();
		}
		else if (what.equals("club")) {
			String location = mvc.perform(post("/clubs").session(admin).with(csrf()).param("lang", "en").param("name", "Chess club " + System.nanoTime())
				.param("sponsorOrgId", String.valueOf(orgId("市直机关工委"))).param("personId", String.valueOf(personOf("member1"))))
				.andReturn().getResponse().getRedirectedUrl();
			assertThat(location).startsWith("/clubs/");
			path = location;
		}
		else {
			mvc.perform(post("/activity-series").session(admin).with(csrf()).param("lang", "en").param("year", String.valueOf(SERIES_YEAR))
				.param("theme", "Spring", "Summer", "Autumn", "Winter").param("description", "a", "b", "c", "d"));
			assertEnglish("/activity-series?year=" + SERIES_YEAR, page("/activity-series?year=" + SERIES_YEAR));
			long quarter = jdbc.sql("select id from activity_series where year = :y and quarter = 1").param("y", SERIES_YEAR)
				.query(Long.class).single();
			path = "/activity-series/" + quarter;
		}
		assertEnglish(path, page(path));
	}

	/** The API answers in the reader's language too: titles, details and each field's problem. */
	@Test
	void anApiErrorInEnglishIsEnglishThroughout() throws Exception {
		Cookie english = new Cookie("QUNTUAN_LANG", "en");
		JsonNode paging = body(mvc.perform(get("/api/v1/members").param("page", "-1").cookie(english)
			.header("Authorization", bearer("admin"))).andExpect(status().isBadRequest()).andReturn());
		assertThat(paging.get("title").asString()).isEqualTo("Invalid input");
		assertThat(paging.get("detail").asString()).isEqualTo("The page number must not be negative");
		JsonNode form = body(mvc.perform(post("/api/v1/members").cookie(english).contentType(MediaType.APPLICATION_JSON)
			.content("{}").header("Authorization", bearer("orgadmin1"))).andExpect(status().isBadRequest()).andReturn());
		assertThat(form.toString()).doesNotContainPattern(CHINESE.pattern()).contains("Please enter the name");
		// and Chinese without the cookie, word for word as before
		JsonNode chinese = body(mvc.perform(get("/api/v1/members").param("page", "-1")
			.header("Authorization", bearer("admin"))).andExpect(status().isBadRequest()).andReturn());
		assertThat(chinese.get("detail").asString()).isEqualTo("页码不能为负数");
	}

	/** A flash message after a refused form is English for an English reader. */
	@Test
	void aRefusedFormSaysWhyInEnglish() throws Exception {
		MvcResult result = mvc.perform(post("/members/" + personOf("member1") + "/transfer").session(admin).with(csrf()).param("lang", "en")
			.cookie(new Cookie("QUNTUAN_LANG", "en"))).andReturn();
		assertThat(result.getFlashMap().get("error")).isEqualTo("Please choose the organ to transfer to");
	}

	private String page(String path) throws Exception {
		return page(admin, path);
	}

	private String page(MockHttpSession session, String path) throws Exception {
		MvcResult result = mvc.perform(get(path).param("lang", "en").session(session)).andReturn();
		assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
		return result.getResponse().getContentAsString();
	}

	private static void assertEnglish(String path, String html) {
		assertThat(html).as(path + " has a missing message").doesNotContain("??");
		List<String> chinese = new ArrayList<>();
		collect(Jsoup.parse(html), chinese);
		assertThat(chinese).as(path + " shows labels in Chinese").isEmpty();
	}

	private static void collect(Node node, List<String> chinese) {
		if (node instanceof TextNode text) {
			String words = text.text().strip();
			if (chineseLabels.contains(words)) {
				chinese.add(words);
			}
			return;
		}
		for (Node child : node.childNodes()) {
			collect(child, chinese);
		}
	}
}
