package org.quntuan.governance.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.quntuan.support.BrowserTest;

/**
 * At phone width: a member writes anonymously to the chair of their union, the union's admin (who does not
 * learn who wrote) answers, and the member rates the answer.
 */
class MailboxBrowserTests extends BrowserTest {

	@Test
	void aMemberWritesToTheChairTheOfficeAnswersAndTheMemberRatesTheAnswer() throws Exception {
		signIn("member1");
		driver.get(url("/mailbox"));
		click(waitUpTo(10).until(ExpectedConditions.elementToBeClickable(By.id("mailbox-write"))));
		waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("letter-form")));
		new Select(driver.findElement(By.id("category"))).selectByValue("WORK");
		driver.findElement(By.id("letter-text")).sendKeys("三楼饮水机坏了一周，请尽快维修。");
		click(driver.findElement(By.id("anonymous")));
		screenshot("mailbox-write");
		click(driver.findElement(By.id("letter-submit")));
		waitUpTo(10).until(ExpectedConditions.urlMatches(".*/mailbox/letters/\\d+$"));
		String letter = driver.getCurrentUrl().replaceAll(".*/mailbox/letters/", "/mailbox/letters/");
		assertThat(driver.findElement(By.id("letter-status")).getText()).isEqualTo("待办理");
		assertThat(driver.findElement(By.id("letter-writer")).getText()).contains("匿名（答复方看不到您的姓名）");

		signIn("orgadmin1");
		driver.get(url(letter));
		assertThat(waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("letter-writer"))).getText())
			.isEqualTo("匿名来信");
		driver.findElement(By.id("reply-text")).sendKeys("已报后勤处，明天上午更换。");
		screenshot("mailbox-reply");
		click(driver.findElement(By.id("reply-submit")));
		waitUpTo(10).until(ExpectedConditions.textToBe(By.id("letter-status"), "已答复"));

		signIn("member1");
		driver.get(url(letter));
		assertThat(waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("letter-reply"))).getText())
			.isEqualTo("已报后勤处，明天上午更换。");
		new Select(driver.findElement(By.id("score"))).selectByValue("4");
		driver.findElement(By.id("rating-comment")).sendKeys("处理及时");
		click(driver.findElement(By.id("rating-submit")));
		waitUpTo(10).until(ExpectedConditions.textToBe(By.id("letter-status"), "已评价"));
		assertThat(driver.findElement(By.id("letter-rating")).getText()).contains("4 分").contains("处理及时");
		assertThat((Long) script("return document.documentElement.scrollWidth - window.innerWidth;")).isLessThanOrEqualTo(0L);
		screenshot("mailbox-rated");
	}
}
