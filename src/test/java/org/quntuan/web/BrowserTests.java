package org.quntuan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.quntuan.support.BrowserTest;

/**
 * The main flows in a real browser at phone width: signing in, the org tree, a person, the search by
 * pinyin initials, the admin pages, the consent to the rules and a member's error page.
 */
class BrowserTests extends BrowserTest {

	@Test
	void anAdminSignsInBrowsesTheTreeAndOpensAPerson() throws IOException {
		driver.get(url("/login"));
		assertThat(driver.getTitle()).contains("登录");
		driver.findElement(By.id("username")).sendKeys("admin");
		driver.findElement(By.id("password")).sendKeys("Wrong@2026");
		driver.findElement(By.id("login-submit")).click();
		assertThat(driver.findElement(By.id("login-error")).getText()).contains("账号或密码错误");

		signIn("admin");
		assertThat(driver.findElement(By.tagName("h1")).getText()).contains("欢迎");
		screenshot("home-admin");

		driver.get(url("/orgs"));
		WebElement tree = driver.findElement(By.id("org-tree"));
		assertThat(tree.getText()).contains("市直机关工委", "第一片组");
		// the organs of a group are drawn when it is opened
		assertThat(tree.getText()).doesNotContain("市财政局工会");
		click(tree.findElement(By.cssSelector("details[data-org='" + orgId("第一片组") + "'] > summary")));
		waitUpTo(10).until(ExpectedConditions.textToBePresentInElement(tree, "市财政局"));
		screenshot("org-tree");
		driver.findElement(By.linkText("第一片组")).click();
		assertThat(driver.findElement(By.id("org-name")).getText()).isEqualTo("第一片组");
		WebElement organ = driver.findElement(By.linkText("市财政局"));
		// late in the suite the group lists many test orgs and the phone-width page may still be settling
		click(organ);
		assertThat(driver.findElement(By.id("org-name")).getText()).isEqualTo("市财政局");

		// the people of the organ arrive through htmx
		WebElement person = waitUpTo(10).until(ExpectedConditions.elementToBeClickable(By.cssSelector("#org-people a.person-link")));
		String name = person.getText();
		screenshot("org-detail");
		driver.get(person.getAttribute("href"));
		assertThat(driver.findElement(By.id("person-name")).getText()).isEqualTo(name);
		assertThat(driver.findElement(By.id("person-id-number")).getText()).contains("*");
		driver.get(driver.findElement(By.id("reveal")).getAttribute("href"));
		assertThat(driver.findElement(By.id("person-id-number")).getText()).matches("\\d{17}[\\dX]");
		screenshot("person-detail");
	}

	@Test
	void aUnionAdminSearchesTheirPeopleByPinyinInitials() throws IOException {
		signIn("orgadmin1");
		driver.get(url("/members"));
		// other tests register people with script in their names; search for someone with a Chinese one
		String first = driver.findElements(By.cssSelector("#people-table a.person-link")).stream()
			.map(WebElement::getText).filter(n -> n.matches("[\\u4e00-\\u9fa5]{2,4}")).findFirst().orElseThrow();
		String initials = jdbc.sql("select name_initials from person where name = :n fetch first 1 rows only")
			.param("n", first).query(String.class).single();
		WebElement before = driver.findElement(By.id("people-table"));
		driver.findElement(By.id("member-search")).sendKeys(initials);
		// htmx swaps the table in place; every name left must start with the typed initials
		waitUpTo(10).until(ExpectedConditions.stalenessOf(before));
		waitUpTo(10).ignoring(StaleElementReferenceException.class)
			.until(d -> d.findElements(By.cssSelector("#people-table a.person-link")).stream()
				.allMatch(a -> jdbc.sql("select name_initials from person where name = :n fetch first 1 rows only")
					.param("n", a.getText()).query(String.class).single().startsWith(initials)));
		assertThat(driver.findElement(By.id("people-table")).getText()).contains(first).doesNotContain("市教育局");
		screenshot("member-search");
	}

	@Test
	void theAdminPagesOpenOnAPhoneInChinese() throws IOException {
		signIn("admin");
		for (String path : List.of("/me", "/accounts", "/audit", "/inbox", "/members/import", "/members")) {
			driver.get(url(path));
			assertThat(driver.getTitle()).as(path).contains("智慧群团");
			assertThat(driver.findElements(By.id("error-message"))).as(path).isEmpty();
			assertThat(driver.findElement(By.tagName("h1")).getText()).as(path).matches(".*[\\u4e00-\\u9fa5].*");
			screenshot("admin" + path.replace('/', '-'));
		}
	}

	@Test
	void aNewAccountAcceptsTheRulesOfPersonalInformationBeforeItsHomePage() throws IOException {
		String username = "browser" + System.nanoTime() % 100000;
		jdbc.sql("""
				insert into account (username, password_hash, display_name, enabled, failed_attempts, must_change_password,
				  created_at, version)
				select :u, password_hash, '新同事', true, 0, false, created_at, 0 from account where username = 'admin'""")
			.param("u", username).update();
		driver.manage().deleteAllCookies();
		driver.get(url("/login"));
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(PASSWORD);
		driver.findElement(By.id("login-submit")).click();
		waitUpTo(10).until(ExpectedConditions.urlToBe(url("/consent")));
		assertThat(driver.findElement(By.id("consent-rules")).getText()).contains("处理目的");
		screenshot("consent");
		driver.findElement(By.id("agree")).click();
		driver.findElement(By.id("consent-submit")).click();
		waitUpTo(10).until(ExpectedConditions.urlToBe(url("/")));
		assertThat(driver.findElement(By.tagName("h1")).getText()).contains("欢迎");
	}

	@Test
	void aMemberSeesNoPeopleMenuAndGetsAChineseErrorPage() {
		signIn("member1");
		assertThat(driver.findElements(By.id("nav-members"))).isEmpty();
		driver.get(url("/members"));
		assertThat(driver.findElement(By.id("error-message")).getText()).contains("权限");
	}
}
