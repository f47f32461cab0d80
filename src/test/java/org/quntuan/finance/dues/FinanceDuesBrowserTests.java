package org.quntuan.finance.dues;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.YearMonth;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.quntuan.finance.YearCloses;
import org.quntuan.support.BrowserTest;

/**
 * finance1 generates a month's dues sheet of 市财政局工会 at phone width, confirms and posts it
 * (each after the browser's confirmation), and finds the entry in the union's journal.
 */
class FinanceDuesBrowserTests extends BrowserTest {

	private YearCloses.Lifted open;

	@AfterEach
	void restoreTheCloses() {
		if (open != null) {
			open.close();
			open = null;
		}
	}

	@Test
	void theFinanceOfficerGeneratesConfirmsAndPostsASheetAndSeesTheEntryInTheJournal() throws IOException {
		long union = orgId("市财政局工会");
		int[] period = DuesFixtures.freeMonth(jdbc, union, 2013, 2018);
		// the demo's close of last year freezes that year too: lifted for the test, put back after it
		open = YearCloses.openFrom(jdbc, period[0], union);
		signIn("finance1");
		driver.get(url("/finance/dues?orgId=" + union));
		WebElement generate = waitUpTo(10).until(ExpectedConditions.elementToBeClickable(By.id("dues-generate-submit")));
		script("arguments[0].value = arguments[1]; arguments[2].value = arguments[3];",
				driver.findElement(By.id("dues-gen-year")), String.valueOf(period[0]),
				driver.findElement(By.id("dues-gen-month")), String.valueOf(period[1]));
		screenshot("dues-list");
		click(generate);
		waitUpTo(10).until(ExpectedConditions.urlMatches(".*/finance/dues/\\d+$"));
		long id = Long.parseLong(driver.getCurrentUrl().replaceAll(".*/", ""));
		assertThat(driver.findElement(By.id("sheet-status")).getText()).isEqualTo("草稿");
		assertThat(driver.findElements(By.cssSelector("#sheet-lines tbody tr"))).hasSizeGreaterThan(1);
		screenshot("dues-sheet-draft");

		click(driver.findElement(By.id("sheet-confirm")));
		waitUpTo(5).until(ExpectedConditions.alertIsPresent()).accept();
		waitUpTo(10).until(ExpectedConditions.textToBe(By.id("sheet-status"), "已确认"));
		click(driver.findElement(By.id("sheet-post")));
		waitUpTo(5).until(ExpectedConditions.alertIsPresent()).accept();
		waitUpTo(10).until(ExpectedConditions.textToBe(By.id("sheet-status"), "已入账"));
		String paid = driver.findElement(By.id("sheet-paid")).getText();
		long txn = Long.parseLong(driver.findElement(By.id("sheet-entry")).getText());
		screenshot("dues-sheet-posted");

		YearMonth month = YearMonth.of(period[0], period[1]);
		driver.get(url("/finance?orgId=" + union + "&from=" + month.atDay(1) + "&to=" + month.atEndOfMonth()));
		WebElement journal = waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("journal-table")));
		WebElement row = journal.findElement(By.xpath(".//a[text()='" + txn + "']/ancestor::tr"));
		assertThat(row.getText()).contains(month.atEndOfMonth().toString()).contains("会费收入").contains(paid);
		screenshot("dues-journal");
		assertThat(jdbc.sql("select memo from fin_txn where id = :t").param("t", txn).query(String.class).single())
			.isEqualTo(period[0] + "年" + period[1] + "月会费");
		assertThat(jdbc.sql("select status from fin_dues_sheet where id = :id").param("id", id).query(String.class)
			.single()).isEqualTo("POSTED");
	}
}
