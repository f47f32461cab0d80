package org.quntuan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.quntuan.support.BrowserTest;

/**
 * At 375 px a table keeps its columns and scrolls sideways in its box: no cell breaks a short text
 * (a name, a date, an event type) over two lines, as the people list, the audit log, the annual
 * reports, the dues sheet and the organizer's activities used to.
 */
class PhoneTablesBrowserTests extends BrowserTest {

	/** The short texts in table cells (a name, a date, a label) whose lines sit at more than one height. */
	private static final String BROKEN_CELLS = """
			var broken = [];
			document.querySelectorAll('table td, table th').forEach(function (cell) {
			  if (cell.closest('.wrap') || cell.offsetParent === null) { return; }
			  var walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
			  for (var node = walker.nextNode(); node; node = walker.nextNode()) {
			    var text = node.textContent.trim();
			    if (!text || text.length > 12) { continue; }
			    var range = document.createRange();
			    range.selectNodeContents(node);
			    var tops = {};
			    Array.prototype.forEach.call(range.getClientRects(), function (r) { if (r.height > 0) { tops[Math.round(r.top)] = true; } });
			    if (Object.keys(tops).length > 1) { broken.push(text); }
			  }
			});
			return broken;""";

	@Test
	void noTableCellBreaksANameAtPhoneWidth() throws IOException {
		long sheet = jdbc.sql("select min(s.id) from fin_dues_sheet s join org o on o.id = s.org_id where o.name = '市财政局工会'")
			.query(Long.class).single();
		for (String[] visit : List.of(new String[] { "admin", "/members" }, new String[] { "admin", "/audit" },
				new String[] { "admin", "/annual-reports" }, new String[] { "admin", "/activities/manage" },
				new String[] { "finance1", "/finance/dues/" + sheet })) {
			String page = visit[1];
			signIn(visit[0]);
			driver.get(url(page));
			waitUpTo(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("h1")));
			assertThat(driver.findElements(By.cssSelector("table"))).as(page + " has a table").isNotEmpty();
			@SuppressWarnings("unchecked")
			List<String> broken = (List<String>) script(BROKEN_CELLS);
			assertThat(broken).as(page).isEmpty();
			assertThat((Long) script("return document.documentElement.scrollWidth - window.innerWidth;"))
				.as(page + ": the page itself never scrolls sideways").isLessThanOrEqualTo(0L);
		}
		screenshot("phone-members-table");
	}
}
