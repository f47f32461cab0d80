package org.quntuan.finance.expenses;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.quntuan.support.BrowserTest;

/**
 * An expense in a real browser at phone width: finance1 applies on the form, orgadmin1 approves it
 * from 我的审批, and the posted entry shows in the union's journal.
 */
class FinanceExpenseBrowserTests extends BrowserTest {

	@Test
	void theFinanceOfficerAppliesTheAdminApprovesAndTheEntryShowsInTheJournal() throws IOException {
		long union = orgId("市财政局工会");
		String purpose = "浏览器测试：职工书画展装裱费 " + System.nanoTime() % 100000;
		signIn("finance1");
		driver.get(url("/finance/expenses?orgId=" + union));
		click(waitUpTo(10).until(ExpectedConditions.elementToBeClickable(By.id("expense-new"))));
		waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("expense-form")));
		new Select(driver.findElement(By.id("expense-category"))).selectByValue("ACTIVITY");
		driver.findElement(By.id("expense-amount")).sendKeys("1280.50");
		driver.findElement(By.id("expense-purpose")).sendKeys(purpose);
		screenshot("expense-form");
		click(driver.findElement(By.id("expense-submit")));
		waitUpTo(10).until(ExpectedConditions.urlMatches(".*/finance/expenses/\\d+$"));
		assertThat(driver.findElement(By.id("expense-status")).getText()).isEqualTo("审批中");
		assertThat(driver.findElement(By.id("expense-amount")).getText()).isEqualTo("1,280.50");
		long expense = Long.parseLong(driver.getCurrentUrl().replaceAll(".*/", ""));
		long approval = jdbc.sql("select approval_id from fin_expense where id = :id").param("id", expense)
			.query(Long.class).single();
		screenshot("expense-filed");

		signIn("orgadmin1");
		driver.get(url("/approvals"));
		WebElement item = waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("approval-" + approval)));
		assertThat(item.getText()).contains("市财政局工会经费支出").contains("1,280.50");
		click(item.findElement(By.tagName("a")));
		// the approval page says what is approved: the amount, the use, and that no receipt is attached
		WebElement caveat = waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("approval-caveat")));
		assertThat(caveat.getText()).contains("未附票据");
		assertThat(driver.findElements(By.cssSelector(".approval-fact")).stream().map(WebElement::getText).toList())
			.contains("1,280.50 元", purpose, "未附票据");
		click(waitUpTo(10).until(ExpectedConditions.elementToBeClickable(By.id("approval-subject-link"))));
		waitUpTo(10).until(ExpectedConditions.textToBe(By.id("expense-purpose"), purpose));
		screenshot("expense-for-approver");
		click(driver.findElement(By.id("expense-decide")));
		click(waitUpTo(10).until(ExpectedConditions.elementToBeClickable(By.id("approval-approve"))));
		// approving without receipts takes a reason
		waitUpTo(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("page-error"), "未附票据"));
		driver.findElement(By.id("approval-comment")).sendKeys("同意，装裱费发票由供应商另行寄送");
		click(driver.findElement(By.id("approval-approve")));
		waitUpTo(10).until(ExpectedConditions.textToBe(By.id("approval-status"), "已通过"));
		click(driver.findElement(By.id("approval-subject-link")));
		waitUpTo(10).until(ExpectedConditions.textToBe(By.id("expense-status"), "已通过"));
		click(driver.findElement(By.id("expense-entry-link")));
		WebElement lines = waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("entry-lines")));
		assertThat(lines.getText()).contains("职工活动支出").contains("银行存款").contains("1,280.50");

		// the journal of the entry's day: other tests fill the book with more than a page of entries
		long txn = jdbc.sql("select txn_id from fin_expense where id = :id").param("id", expense).query(Long.class).single();
		String day = jdbc.sql("select txn_date from fin_txn where id = :t").param("t", txn).query(LocalDate.class)
			.single().toString();
		driver.get(url("/finance?orgId=" + union + "&from=" + day + "&to=" + day));
		WebElement journal = waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("journal-table")));
		WebElement row = journal.findElement(By.cssSelector("a[href='/finance/entries/" + txn + "']"))
			.findElement(By.xpath("./ancestor::tr"));
		assertThat(row.getText()).contains("职工活动支出").contains("1,280.50");
		// the memo column is left out at phone width; the entry itself carries the purpose
		assertThat(jdbc.sql("select memo from fin_txn where id = :t").param("t", txn).query(String.class).single())
			.isEqualTo(purpose);
		screenshot("expense-in-journal");
	}
}
