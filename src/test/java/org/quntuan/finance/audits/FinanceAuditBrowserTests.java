package org.quntuan.finance.audits;

import org.quntuan.finance.Categories;
import org.quntuan.finance.Journal;
import org.quntuan.support.TestClock;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.quntuan.platform.Zones;
import org.quntuan.support.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An audit in a real browser at phone width: auditor1 generates the year's plan on the board, opens
 * 市财政局工会's audit, starts it, samples entries and records a finding; finance1 finds it among the
 * union's 整改事项 and answers with evidence; auditor1 accepts it.
 */
class FinanceAuditBrowserTests extends BrowserTest {

	static final int YEAR = 2016;

	@Autowired
	Journal journal;

	@Autowired
	Categories categories;

	@Test
	void theAuditorRecordsAFindingTheUnionAnswersAndTheAuditorAcceptsIt() throws IOException {
		long union = orgId("市财政局工会");
		List<Long> entries = AuditFixtures.entries(jdbc, journal, categories, union, YEAR, 3);

		signIn("auditor1");
		driver.get(url("/finance/audits?year=" + YEAR));
		WebElement generate = waitUpTo(10).until(ExpectedConditions.elementToBeClickable(By.id("plan-generate")));
		assertThat(generate.getText()).isEqualTo("生成 " + YEAR + " 年度审计计划");
		click(generate);
		waitUpTo(5).until(ExpectedConditions.alertIsPresent()).accept();
		WebElement link = waitUpTo(10).until(ExpectedConditions.elementToBeClickable(By.id("audit-link-" + union)));
		assertThat(driver.findElement(By.cssSelector(".alert-success")).getText()).contains("已生成 " + YEAR + " 年度审计计划");
		screenshot("finance-audit-board");
		click(link);

		click(waitUpTo(10).until(ExpectedConditions.elementToBeClickable(By.id("audit-start"))));
		waitUpTo(5).until(ExpectedConditions.alertIsPresent()).accept();
		waitUpTo(10).until(ExpectedConditions.textToBe(By.id("audit-status"), "审查中"));
		assertThat(driver.findElements(By.cssSelector("#checks li"))).hasSize(7);
		new Select(driver.findElement(By.id("check-result-2"))).selectByValue("ISSUE");
		driver.findElement(By.id("check-note-2")).sendKeys("一笔活动支出无审批单");
		click(driver.findElement(By.id("check-save-2")));
		waitUpTo(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("check-2"), "存在问题"));
		WebElement count = driver.findElement(By.id("sample-count"));
		count.clear();
		count.sendKeys("2");
		click(driver.findElement(By.id("sample-random")));
		waitUpTo(10).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#sample-table a"), 2));

		new Select(driver.findElement(By.id("finding-severity"))).selectByValue("MAJOR");
		script("arguments[0].value = arguments[1];", driver.findElement(By.id("finding-deadline")),
				LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS)).plusDays(20).toString());
		driver.findElement(By.id("finding-entries")).sendKeys(String.valueOf(entries.get(0)));
		driver.findElement(By.id("finding-description")).sendKeys("3 月职工活动支出无审批单");
		driver.findElement(By.id("finding-rectification")).sendKeys("补办审批手续并归档");
		click(driver.findElement(By.id("finding-submit")));
		waitUpTo(10).until(ExpectedConditions.textToBe(By.id("audit-status"), "整改中"));
		long audit = Long.parseLong(driver.getCurrentUrl().replaceAll(".*/audits/(\\d+).*", "$1"));
		long finding = jdbc.sql("select max(id) from fin_audit_finding where audit_id = :a").param("a", audit)
			.query(Long.class).single();
		assertThat(driver.findElement(By.id("finding-" + finding)).getText()).contains("3 月职工活动支出无审批单")
			.contains(String.valueOf(entries.get(0)));
		screenshot("finance-audit-finding");

		signIn("finance1");
		driver.get(url("/finance/audits"));
		click(waitUpTo(10).until(ExpectedConditions.elementToBeClickable(By.id("rectify-" + finding))));
		WebElement response = waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("response-" + finding)));
		response.sendKeys("已补办审批手续，审批单已归档。");
		Path evidence = Files.createTempFile("审批单", ".pdf");
		Files.write(evidence, AuditFixtures.PDF);
		driver.findElement(By.id("response-file-" + finding)).sendKeys(evidence.toAbsolutePath().toString());
		screenshot("finance-audit-response");
		click(driver.findElement(By.id("response-submit-" + finding)));
		waitUpTo(10).until(ExpectedConditions.textToBe(By.id("finding-status-" + finding), "已反馈，待审核"));
		assertThat(driver.findElement(By.id("finding-" + finding)).getText()).contains("已补办审批手续").contains(".pdf");

		signIn("auditor1");
		driver.get(url("/finance/audits/" + audit));
		click(waitUpTo(10).until(ExpectedConditions.elementToBeClickable(By.id("decision-accept-" + finding))));
		waitUpTo(5).until(ExpectedConditions.alertIsPresent()).accept();
		waitUpTo(10).until(ExpectedConditions.textToBe(By.id("finding-status-" + finding), "已销号"));
		screenshot("finance-audit-accepted");
		assertThat(jdbc.sql("select status from fin_audit_finding where id = :id").param("id", finding).query(String.class)
			.single()).isEqualTo("CLOSED");
		Files.deleteIfExists(evidence);
	}
}
