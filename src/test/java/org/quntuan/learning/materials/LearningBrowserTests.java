package org.quntuan.learning.materials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.quntuan.support.BrowserTest;
import org.quntuan.support.TestClock;
import org.springframework.http.MediaType;

/**
 * A member on a phone (375 px wide, Debian's headless Chromium) finds an assigned article under
 * 待学习, reads it (the 学完 button refuses until the reading time has passed), completes it and sees it
 * done with its points.
 */
class LearningBrowserTests extends BrowserTest {

	@Test
	void aMemberOnAPhoneReadsAnAssignedArticleToCompletion() throws Exception {
		String title = "手机学习工会法" + System.nanoTime() % 10000;
		String body = "<p>" + "工会是职工自愿结合的工人阶级的群众组织。".repeat(60) + "</p>";
		var created = mvc.perform(post("/api/v1/learning/materials").header("Authorization", bearer("orgadmin1"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(new MaterialRequest(title, "ARTICLE", body, null, null, List.of("法律法规"),
					null, null))))
			.andReturn();
		long id = body(created).get("id").asLong();
		mvc.perform(post("/api/v1/learning/assignments").header("Authorization", bearer("orgadmin1"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"materialIds\":[" + id + "],\"targets\":{\"orgIds\":["
					+ orgId("市财政局工会") + "]},\"dueDate\":\"" + LocalDate.now(TestClock.CLOCK).plusDays(7) + "\"}"));

		signIn("member1");
		driver.get(url("/learning"));
		click(driver.findElement(By.partialLinkText(title)));
		assertThat(driver.findElement(By.id("material-title")).getText()).isEqualTo(title);
		assertThat(driver.findElement(By.id("material-body")).getText()).startsWith("工会是职工自愿结合");
		assertThat(driver.findElement(By.id("learning-countdown")).getText()).contains("还需学习");
		screenshot("learning-material");
		// too early: refused with the time left, nothing recorded
		click(driver.findElement(By.id("complete-button")));
		assertThat(waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".alert-danger")))
			.getText()).contains("秒");
		long person = personOf("member1");
		assertThat(completions(id, person)).isZero();

		// the reading time passes (the opening moved back on the test's fixed clock), and 学完 is accepted
		jdbc.sql("update learning_open set opened_at = :t where material_id = :m and person_id = :p")
			.param("t", OffsetDateTime.now(TestClock.CLOCK).minusHours(1)).param("m", id).param("p", person).update();
		driver.navigate().refresh();
		click(driver.findElement(By.id("complete-button")));
		assertThat(waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("completed-at"))).getText())
			.contains("学完");
		screenshot("learning-completed");
		assertThat(completions(id, person)).isEqualTo(1);
	}

	private long completions(long material, long person) {
		return jdbc.sql("select count(*) from learning_completion where material_id = :m and person_id = :p")
			.param("m", material).param("p", person).query(Long.class).single();
	}
}
