package org.quntuan.care.mutualaid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.quntuan.support.BrowserTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Mutual aid on a phone (375 px wide, Debian's headless Chromium): an organ's union admin finds 50 new
 * colleagues in the enrolment list, selects them all, enrols them, and the progress board moves by 50.
 */
class MutualAidBrowserTests extends BrowserTest {

	@Test
	void anOrgAdminEnrolsFiftyPeopleOnAPhoneAndSeesTheBoardMove() throws Exception {
		MvcResult created = mvc.perform(post("/api/v1/care/mutual-aid/plans").header("Authorization", bearer("admin"))
			.contentType(MediaType.APPLICATION_JSON).content(MutualAidFixtures.openPlan(2091, 7000))).andReturn();
		assertThat(created.getResponse().getStatus()).isEqualTo(201);
		long plan = body(created).get("id").asLong();
		String prefix = "手机互助" + System.nanoTime() % 1000 + "号";
		MutualAidFixtures.addPeople(jdbc, "市财政局", 50, prefix);

		signIn("orgadmin1");
		driver.get(url("/care/mutual-aid"));
		click(driver.findElement(By.cssSelector("a.plan-link[href$='/care/mutual-aid/" + plan + "']")));
		String before = waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("total-enrolled"))).getText();
		assertThat(before).startsWith("0 / ");
		click(driver.findElement(By.id("board-enrol")));
		driver.findElement(By.id("enrol-q")).sendKeys(prefix);
		click(driver.findElement(By.id("enrol-search")));
		waitUpTo(10).until(ExpectedConditions.urlContains("q="));
		assertThat(driver.findElements(By.cssSelector("#people-list input.person-box"))).hasSize(50);
		check(driver.findElement(By.id("select-all")));
		assertThat(driver.findElements(By.cssSelector("#people-list input.person-box:checked"))).hasSize(50);
		screenshot("mutualaid-enrol-selected");
		click(driver.findElement(By.id("enrol-submit")));
		assertThat(waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".alert-success"))).getText())
			.contains("已登记 50 人");

		click(driver.findElement(By.id("enrol-board")));
		String after = waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("total-enrolled"))).getText();
		assertThat(after).startsWith("50 / ");
		assertThat(driver.findElement(By.id("city-enrolled")).getText()).startsWith("50 / 7000");
		assertThat(driver.findElement(By.cssSelector("#organ-table tr[data-organ='" + orgId("市财政局") + "'] .organ-enrolled"))
			.getText()).isEqualTo("50");
		assertThat(driver.findElement(By.id("mutualaid-chart")).findElements(By.tagName("canvas"))).isNotEmpty();
		screenshot("mutualaid-board");
	}
}
