package org.quntuan.finance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.quntuan.support.BrowserTest;

/**
 * A 片组 admin opens the consolidated statement at phone width: the totals are there and the chart
 * is really drawn (a canvas with a height: an inline size would be dropped by the content security
 * policy and leave it invisible).
 */
class FinanceStatementBrowserTests extends BrowserTest {

	@Test
	void theStatementShowsItsTotalsAndDrawsItsChart() throws IOException {
		signIn("group1");
		driver.get(url("/finance/statement?orgId=" + orgId("第一片组")));
		waitUpTo(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#statement-chart canvas")));
		assertThat(driver.findElement(By.id("statement-total-income")).getText()).matches("[0-9,]+\\.\\d{2}");
		Number height = (Number) script("return document.querySelector('#statement-chart canvas').getBoundingClientRect().height;");
		assertThat(height.doubleValue()).isGreaterThan(100);
		screenshot("finance-statement");
	}
}
