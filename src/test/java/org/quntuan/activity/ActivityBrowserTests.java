package org.quntuan.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.quntuan.activity.ActivityFixtures.Member;
import org.quntuan.support.BrowserTest;
import org.springframework.http.MediaType;

/**
 * A member on a phone (375 px wide, Debian's headless Chromium): finds an activity, registers,
 * sees their place on the wait list, and cancels.
 */
class ActivityBrowserTests extends BrowserTest {

	@Test
	void aMemberOnAPhoneFindsAFullActivityJoinsTheWaitListAndCancels() throws Exception {
		long organ = ActivityFixtures.organ(jdbc, "第一片组");
		Member first = ActivityFixtures.members(jdbc, organ, 1, "FEMALE", LocalDate.of(1990, 1, 1)).get(0);
		String title = "手机报名的瑜伽课" + System.nanoTime() % 10000;
		var created = mvc.perform(post("/api/v1/activities").header("Authorization", bearer("admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(ActivityApiTests.activity(title, 1, List.of(organ, orgId("市财政局"))))))
			.andReturn();
		long id = body(created).get("id").asLong();
		mvc.perform(post("/api/v1/activities/" + id + "/registrations").header("Authorization", first.bearer()));

		signIn("member1");
		driver.get(url("/activities"));
		driver.findElement(By.linkText(title)).click();
		assertThat(driver.findElement(By.id("activity-title")).getText()).isEqualTo(title);
		assertThat(driver.findElement(By.id("register")).getText()).contains("候补");
		screenshot("activity-detail-full");
		driver.findElement(By.id("register")).click();
		assertThat(waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("my-waitlist-position")))
			.getText()).isEqualTo("候补第 1 位");
		assertThat(driver.findElement(By.id("my-status")).getText()).isEqualTo("候补");
		screenshot("activity-waitlisted");

		driver.get(url("/activities/mine"));
		assertThat(driver.findElement(By.id("activity-cards")).getText()).contains(title, "候补第 1 位");

		driver.get(url("/activities/" + id));
		driver.findElement(By.id("cancel-registration")).click();
		waitUpTo(5).until(ExpectedConditions.alertIsPresent()).accept();
		assertThat(waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("register"))).getText())
			.contains("候补");
		assertThat(driver.findElement(By.cssSelector(".alert-success")).getText()).contains("已取消报名");
		screenshot("activity-cancelled");
		assertThat(jdbc.sql("select status from activity_registration where activity_id = :a and person_id = :p")
			.param("a", id).param("p", personOf("member1")).query(String.class).single()).isEqualTo("CANCELLED");
	}
}
