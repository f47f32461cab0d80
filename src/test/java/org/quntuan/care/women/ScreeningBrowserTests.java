package org.quntuan.care.women;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.quntuan.support.BrowserTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

/**
 * On a phone (375 px): a woman finds this year's screening under 女职工 › 两癌筛查, signs up, and after her
 * women's committee has recorded the result she opens her sign-up and reads it.
 */
class ScreeningBrowserTests extends BrowserTest {

	@Test
	void aWomanSignsUpOnAPhoneAndLaterReadsHerResult() throws Exception {
		String title = "手机筛查" + System.nanoTime() % 100000;
		MvcResult created = mvc.perform(post("/api/v1/women/screenings").header("Authorization", bearer("admin"))
			.contentType(MediaType.APPLICATION_JSON).content(WomenFixtures.openScreening(title,
					"[{\"organId\":" + orgId("市财政局") + ",\"places\":5}]", 5)))
			.andReturn();
		assertThat(created.getResponse().getStatus()).isEqualTo(201);
		long screening = body(created).get("id").asLong();
		String her = WomenFixtures.person(jdbc, "市财政局", "FEMALE", 38);

		signIn(her);
		driver.get(url("/women/screenings"));
		click(driver.findElement(By.cssSelector("a.screening-link[href$='/women/screenings/" + screening + "']")));
		click(waitUpTo(10).until(ExpectedConditions.elementToBeClickable(By.id("signup-submit"))));
		assertThat(waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".alert-success")))
			.getText()).contains("报名成功");
		assertThat(driver.findElement(By.id("my-signup-status")).getText()).isEqualTo("已报名");
		screenshot("women-screening-signed-up");
		long signup = jdbc.sql("""
				select u.id from care_women_signup u join account a on a.person_id = u.person_id
				where u.screening_id = :s and a.username = :u""").param("s", screening).param("u", her)
			.query(Long.class).single();

		MvcResult recorded = mvc.perform(post("/api/v1/women/signups/" + signup + "/result")
			.header("Authorization", bearer("women1")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"result\":\"NORMAL\",\"note\":\"未见异常，建议两年后复查\"}")).andReturn();
		assertThat(recorded.getResponse().getStatus()).isEqualTo(204);

		driver.get(url("/women/screenings"));
		click(waitUpTo(10).until(ExpectedConditions.elementToBeClickable(
				By.cssSelector("#women-mine a.my-signup[href$='/women/signups/" + signup + "']"))));
		assertThat(waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("result-value"))).getText())
			.isEqualTo("未见异常");
		assertThat(driver.findElement(By.id("result-note")).getText()).contains("两年后复查");
		assertThat(driver.findElements(By.id("result-form"))).isEmpty();
		assertThat((Long) script("return document.documentElement.scrollWidth - window.innerWidth;")).isLessThanOrEqualTo(0L);
		screenshot("women-screening-result");
	}
}
