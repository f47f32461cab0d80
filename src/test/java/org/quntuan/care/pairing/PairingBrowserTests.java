package org.quntuan.care.pairing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.quntuan.platform.Zones;
import org.quntuan.support.BrowserTest;
import org.quntuan.support.TestClock;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

/**
 * At phone width: 市财政局's admin raises a problem of its pair with a community, the work committee moves it
 * step by step to 已解决 with a note each step, and its board counts it while it is open and no more after.
 */
class PairingBrowserTests extends BrowserTest {

	private long pair() throws Exception {
		MvcResult partner = mvc.perform(post("/api/v1/pair-partners").header("Authorization", bearer("admin"))
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"name":"浏览器测试社区%d","kind":"COMMUNITY","district":"上城区","contactName":"王红","contactPhone":"13905719876"}"""
				.formatted(System.nanoTime()))).andReturn();
		long partnerId = body(partner).get("id").asLong();
		long contact = jdbc.sql("select min(p.id) from person p join org o on o.id = p.organ_id where o.name = '市财政局'"
				+ " and p.active = true").query(Long.class).single();
		int year = LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS)).getYear();
		MvcResult created = mvc.perform(post("/api/v1/pairs").header("Authorization", bearer("admin"))
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"organId":%d,"partnerId":%d,"startYear":%d,"endYear":%d,"contactPersonIds":[%d]}"""
				.formatted(orgId("市财政局"), partnerId, year, year + 1, contact))).andReturn();
		assertThat(created.getResponse().getStatus()).isEqualTo(201);
		return body(created).get("id").asLong();
	}

	private int boardTotal(String category) {
		driver.get(url("/care/pairing/board"));
		WebElement row = waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("board-" + category)));
		return Integer.parseInt(row.findElements(By.tagName("td")).get(4).getText());
	}

	private void move(String status, String note) {
		new Select(waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("move-status"))))
			.selectByValue(status);
		driver.findElement(By.id("move-note")).sendKeys(note);
		click(driver.findElement(By.id("move-submit")));
		waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".alert-success")));
	}

	@Test
	void anOrgAdminRaisesAProblemAndTheWorkCommitteeSolvesItWhileTheBoardCountsIt() throws Exception {
		long pair = pair();
		signIn("admin");
		int before = boardTotal("ELDERLY_CARE");

		signIn("orgadmin1");
		driver.get(url("/care/pairing/pairs/" + pair));
		click(waitUpTo(10).until(ExpectedConditions.elementToBeClickable(By.cssSelector("#problem-new summary"))));
		new Select(driver.findElement(By.id("problem-category"))).selectByValue("ELDERLY_CARE");
		new Select(driver.findElement(By.id("problem-side"))).selectByValue("PARTNER");
		driver.findElement(By.id("problem-description")).sendKeys("独居老人助餐点不足，需协调街道增设");
		driver.findElement(By.id("problem-owner")).sendKeys("街道民政科");
		String due = LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS)).plusDays(30).toString();
		script("document.getElementById('problem-due').value = arguments[0];", due);
		screenshot("pairing-raise");
		click(driver.findElement(By.id("problem-submit")));
		waitUpTo(10).until(ExpectedConditions.urlMatches(".*/care/pairing/problems/\\d+$"));
		assertThat(driver.findElement(By.id("problem-status")).getText()).isEqualTo("提出");
		String problemUrl = driver.getCurrentUrl();

		signIn("admin");
		assertThat(boardTotal("ELDERLY_CARE")).isEqualTo(before + 1);
		driver.get(problemUrl);
		move("ACCEPTED", "已受理，转街道民政科");
		assertThat(driver.findElement(By.id("problem-status")).getText()).isEqualTo("受理");
		move("COORDINATING", "工委牵头与街道协调场地");
		move("SOLVED", "街道新增助餐点两处");
		assertThat(driver.findElement(By.id("problem-status")).getText()).isEqualTo("已解决");
		assertThat(driver.findElement(By.id("problem-steps")).getText()).contains("街道新增助餐点两处")
			.contains("工委牵头与街道协调场地").contains("独居老人助餐点不足");
		assertThat(driver.findElements(By.id("move-form"))).isEmpty();
		// no horizontal scrolling at 375 px
		assertThat((Long) script("return document.documentElement.scrollWidth - window.innerWidth;")).isLessThanOrEqualTo(0L);
		screenshot("pairing-solved");
		assertThat(boardTotal("ELDERLY_CARE")).isEqualTo(before);
		assertThat((Long) script("return document.documentElement.scrollWidth - window.innerWidth;")).isLessThanOrEqualTo(0L);
		screenshot("pairing-board");
	}
}
