package org.quntuan.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.quntuan.platform.Zones;
import org.quntuan.support.BrowserTest;
import org.quntuan.support.TestClock;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A re-election request in a real browser at phone width: orgadmin1 files it from the page of
 * 市财政局工会, group1 approves it on 我的审批. Same browser setup as {@link BrowserTest}.
 */
class ReelectionBrowserTests extends BrowserTest {

	@Test
	void anOrgAdminFilesAReElectionRequestAndTheGroupApprovesIt() throws IOException {
		long union = orgId("市财政局工会");
		try {
			signIn("orgadmin1");
			driver.get(url("/orgs/" + union));
			WebElement file = waitUpTo(10).until(ExpectedConditions.elementToBeClickable(By.id("reelection-new")));
			assertThat(driver.findElement(By.id("leadership-members")).getText()).contains("主席");
			screenshot("leadership-section");
			click(file);
			waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("reelection-form")));
			script("arguments[0].value = arguments[1];",
					driver.findElement(By.id("plannedDate")), LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS)).plusDays(30).toString());
			driver.findElement(By.id("reason")).sendKeys("本届任期将于两个月后届满，拟按期换届。");
			List<Long> candidates = jdbc.sql("""
					select p.id from person p where p.organ_id = :organ and p.active = true and p.id <> :chair order by p.id""")
				.param("organ", orgId("市财政局")).param("chair", personOf("orgadmin1")).query(Long.class).list()
				.subList(0, 3);
			// the picker is searched as one types (here: a mobile's last four digits), and what was ticked stays
			List<Long> all = new ArrayList<>(candidates);
			all.add(personOf("orgadmin1"));
			for (long person : all) {
				String mobile = jdbc.sql("select mobile from person where id = :id").param("id", person).query(String.class)
					.single();
				searchCandidates(mobile.substring(7));
				WebElement box = waitUpTo(10).until(ExpectedConditions.elementToBeClickable(By.id("candidate-" + person)));
				assertThat(box.findElement(By.xpath("..")).getText()).contains("市财政局 · " + mobile.substring(0, 3));
				check(box);
			}
			searchCandidates("没有这个人");
			assertThat(driver.findElements(By.cssSelector("#candidate-list label"))).hasSize(all.size());
			for (long person : all) {
				assertThat(driver.findElement(By.id("candidate-" + person)).isSelected()).as("still ticked").isTrue();
			}
			screenshot("reelection-request-form");
			click(driver.findElement(By.id("reelection-submit")));
			waitUpTo(10).until(ExpectedConditions.urlMatches(".*/reelections/\\d+$"));
			assertThat(driver.findElement(By.id("reelection-status")).getText()).isEqualTo("换届请示审批中");
			long reelection = Long.parseLong(driver.getCurrentUrl().replaceAll(".*/", ""));
			long approval = jdbc.sql("select request_approval_id from reelection where id = :id").param("id", reelection)
				.query(Long.class).single();

			signIn("group1");
			driver.get(url("/approvals"));
			WebElement item = waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("approval-" + approval)));
			assertThat(item.getText()).contains("市财政局工会换届请示");
			screenshot("reelection-my-approvals");
			click(item.findElement(By.tagName("a")));
			// what is approved, without a click through: the org, the date, the candidates
			waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("approval-comment")));
			assertThat(driver.findElements(By.cssSelector(".approval-fact")).stream().map(WebElement::getText).toList())
				.contains("市财政局工会", LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS)).plusDays(30).toString())
				.anyMatch(fact -> fact.startsWith("4 人："));
			driver.findElement(By.id("approval-comment")).sendKeys("同意按期换届。");
			click(driver.findElement(By.id("approval-approve")));
			waitUpTo(10).until(ExpectedConditions.textToBe(By.id("approval-status"), "已通过"));
			click(driver.findElement(By.id("approval-subject-link")));
			waitUpTo(10).until(ExpectedConditions.textToBe(By.id("reelection-status"), "已批准换届，待选举"));
			assertThat(driver.findElements(By.id("result-form"))).hasSize(1);
			assertThat(driver.findElement(By.id("reelection-candidates")).getText()).contains("得票");
			assertThat(jdbc.sql("select count(*) from reelection_candidate where reelection_id = :id").param("id", reelection)
				.query(Long.class).single()).isEqualTo(4);
			screenshot("reelection-approved");
			// the group's board shows the org's new state, and the header leads there
			assertThat(driver.findElements(By.id("nav-reelections"))).hasSize(1);
			driver.get(url("/reelections"));
			WebElement board = waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("board-table")));
			assertThat(board.getText()).contains("市财政局工会").contains("已批准，待选举");
			screenshot("reelection-board");
		}
		finally {
			// 市财政局工会's team stays in office: the test's re-election is closed again, nothing else changed
			jdbc.sql("update reelection set status = 'WITHDRAWN', open_org_id = null where open_org_id = :o")
				.param("o", union).update();
		}
	}

	/** Types a search into the candidate picker and waits for htmx to swap in the new list. */
	private void searchCandidates(String text) {
		script("arguments[0].setAttribute('data-stale', '1');", driver.findElement(By.id("candidate-list")));
		WebElement search = driver.findElement(By.id("candidate-search"));
		search.clear();
		search.sendKeys(text);
		waitUpTo(10).until(d -> d.findElement(By.id("candidate-list")).getAttribute("data-stale") == null);
	}
}
