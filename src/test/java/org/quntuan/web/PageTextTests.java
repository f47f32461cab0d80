package org.quntuan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quntuan.platform.Zones;
import org.quntuan.support.IntegrationTest;
import org.quntuan.support.TestClock;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The text of every page a user reaches from the navigation, read as the user reads it: years, ids
 * and codes are printed without a thousands separator ("2026 年度", never "2,026 年度").
 */
class PageTextTests extends IntegrationTest {

	private static final Pattern NAV_LINK = Pattern.compile("<a class=\"(?:dropdown-item|nav-link)\" id=\"nav-[a-z-]+\" href=\"([^\"?#]+)\"");

	private static final Pattern YEAR_WITH_SEPARATOR = Pattern.compile("\\b\\d,\\d{3}\\s*(?:年|年度)");

	/** A page one click further than the federation's menu that shows a year in its heading. */
	private static final String RANKING = "/info-reports/ranking";

	@ParameterizedTest
	@ValueSource(strings = { "admin", "orgadmin1" })
	void noPageReachableFromTheNavigationPrintsAYearWithAThousandsSeparator(String user) throws Exception {
		MockHttpSession session = login(user);
		String home = page(session, "/");
		Set<String> paths = new LinkedHashSet<>();
		Matcher link = NAV_LINK.matcher(home);
		while (link.find()) {
			paths.add(link.group(1));
		}
		assertThat(paths).as("the menu of " + user).contains("/info-reports", "/activities", "/notices");
		if (user.equals("admin")) {
			paths.add(RANKING);
		}

		List<String> found = new ArrayList<>();
		for (String path : paths) {
			String text = text(page(session, path));
			Matcher year = YEAR_WITH_SEPARATOR.matcher(text);
			while (year.find()) {
				found.add(path + ": " + year.group());
			}
		}
		assertThat(found).isEmpty();
	}

	@org.junit.jupiter.api.Test
	void theAnnualReportsAndInfoReportsPagesPrintTheYearAsItIsWritten() throws Exception {
		int year = LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS)).getYear();
		MockHttpSession session = login("admin");
		assertThat(text(page(session, "/annual-reports"))).contains(year + " 年度");
		assertThat(text(page(session, "/info-reports"))).contains(year + " 年");
		assertThat(text(page(session, "/info-reports/ranking"))).contains(year + " 年度信息报送排名");
	}

	private String page(MockHttpSession session, String path) throws Exception {
		MvcResult result = mvc.perform(get(path).session(session)).andReturn();
		assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
		return result.getResponse().getContentAsString();
	}

	private static String text(String html) {
		return html.replaceAll("(?s)<script.*?</script>", " ").replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
	}
}
