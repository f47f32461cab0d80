package org.quntuan.member.union;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.quntuan.member.union.UnionFixtures.Person;
import org.quntuan.support.BrowserTest;

/**
 * At phone width: someone who is not a member applies to join, the union's admin approves on the review
 * page, the new member opens the card, and the page its QR code leads to says it is valid.
 */
class UnionBrowserTests extends BrowserTest {

	@Test
	void aPersonJoinsTheUnionOnThePhoneAndTheirCardChecksOut() throws Exception {
		Person p = UnionFixtures.person(jdbc, "市财政局", "NOT_MEMBER");
		String name = jdbc.sql("select name from person where id = :p").param("p", p.id()).query(String.class).single();
		signIn(p.username());
		driver.get(url("/union/apply"));
		waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("union-apply-form")));
		driver.findElement(By.id("idNumber")).sendKeys(p.idNumber());
		driver.findElement(By.id("statement")).sendKeys("我志愿加入工会");
		check(driver.findElement(By.id("consent")));
		screenshot("union-apply");
		click(driver.findElement(By.id("union-apply-submit")));
		waitUpTo(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("union-my-applications"), "待审核"));
		assertThat(driver.findElements(By.id("union-apply-form"))).isEmpty();
		assertThat(noSideways()).isLessThanOrEqualTo(0L);

		signIn("orgadmin1");
		driver.get(url("/union/applications"));
		WebElement item = waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(
				By.cssSelector(".union-queue-item[data-person='" + p.id() + "']")));
		assertThat(item.getText()).contains(name).contains("我志愿加入工会");
		screenshot("union-review");
		click(item.findElement(By.cssSelector(".union-approve")));
		waitUpTo(10).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "已批准入会"));
		assertThat(driver.findElements(By.cssSelector(".union-queue-item[data-person='" + p.id() + "']"))).isEmpty();
		assertThat(noSideways()).isLessThanOrEqualTo(0L);

		signIn(p.username());
		driver.get(url("/union/card"));
		waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("member-card")));
		assertThat(driver.findElement(By.id("member-card-name")).getText()).isEqualTo(name);
		assertThat(driver.findElement(By.id("member-card-union")).getText()).isEqualTo("市财政局工会");
		assertThat(driver.findElement(By.id("member-card-number")).getText()).startsWith("会员编号 ");
		assertThat(noSideways()).isLessThanOrEqualTo(0L);
		screenshot("union-card");
		String verify = driver.findElement(By.id("member-card-verify")).getAttribute("href");
		driver.manage().deleteAllCookies();
		driver.get(verify);
		waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("verify-valid")));
		assertThat(driver.findElement(By.id("verify-holder")).getText()).startsWith(name.substring(0, 1) + "*")
			.isNotEqualTo(name);
		assertThat(driver.findElement(By.id("verify-union")).getText()).isEqualTo("市财政局工会");
		assertThat(noSideways()).isLessThanOrEqualTo(0L);
		screenshot("union-verify");
	}

	private Long noSideways() {
		return (Long) script("return document.documentElement.scrollWidth - window.innerWidth;");
	}
}
