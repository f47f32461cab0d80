package org.quntuan.learning.trainings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.quntuan.platform.SignedTokens;
import org.quntuan.platform.Zones;
import org.quntuan.support.BrowserTest;
import org.quntuan.support.TestClock;
import org.springframework.http.MediaType;

/**
 * A training class on phones (375 px wide, Debian's headless Chromium): an organ's union admin finds a
 * colleague in the nomination box and nominates them; once the list is confirmed, the trainee scans
 * the session's code and checks in; the organizer sees them checked in.
 */
class TrainingBrowserTests extends BrowserTest {

	@Test
	void anAdminNominatesOnAPhoneAndTheTraineeChecksInFromTheSessionsCode() throws Exception {
		OffsetDateTime now = OffsetDateTime.now(TestClock.CLOCK).truncatedTo(ChronoUnit.SECONDS);
		LocalDate today = LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS));
		String title = "手机端培训班" + System.nanoTime() % 10000;
		var created = mvc.perform(post("/api/v1/trainings").header("Authorization", bearer("admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\":\"" + title + "\",\"place\":\"市委党校\",\"startsOn\":\"" + today.minusDays(1) + "\",\"endsOn\":\""
					+ today.plusDays(1) + "\",\"quotaPerUnit\":2,\"sessions\":[{\"startsAt\":\"" + now.minusMinutes(20)
					+ "\",\"endsAt\":\"" + now.plusMinutes(70) + "\",\"place\":\"市委党校\",\"topic\":\"工会法解读\","
					+ "\"teacher\":\"李教授\",\"form\":\"专题讲座\"}]}"))
			.andReturn();
		long training = body(created).get("id").asLong();
		String name = jdbc.sql("select p.name from account a join person p on p.id = a.person_id where a.username = 'member1'")
			.query(String.class).single();

		signIn("orgadmin1");
		driver.get(url("/learning/trainings"));
		click(driver.findElement(By.partialLinkText(title)));
		driver.findElement(By.id("nominate-search")).sendKeys(name);
		click(waitUpTo(10).until(ExpectedConditions.elementToBeClickable(By.cssSelector("#person-options input[name=personId]"))));
		screenshot("training-nominate");
		click(driver.findElement(By.id("nominate-submit")));
		assertThat(waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("training-roster"))).getText())
			.contains(name);
		assertThat(driver.findElement(By.id("training-quotas")).getText()).contains("1 / 2");

		mvc.perform(post("/api/v1/trainings/" + training + "/confirmation").header("Authorization", bearer("admin")));
		long session = jdbc.sql("select id from learning_training_session where training_id = :t").param("t", training)
			.query(Long.class).single();
		String secret = jdbc.sql("select checkin_secret from learning_training_session where id = :s").param("s", session)
			.query(String.class).single();
		String token = SignedTokens.issue("training-session-" + session, secret, now, Duration.ofMinutes(10));

		signIn("member1");
		driver.get(url("/learning/trainings/sessions/" + session + "/check-in?t=" + token));
		click(driver.findElement(By.id("check-in")));
		assertThat(waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("checked-in"))).getText())
			.contains("签到");
		screenshot("training-checked-in");

		signIn("admin");
		driver.get(url("/learning/trainings/sessions/" + session + "/check-in-code"));
		assertThat(driver.findElement(By.cssSelector("#qr img")).getAttribute("src")).startsWith("data:image/png;base64,");
		assertThat(driver.findElement(By.id("checkin-list")).getText()).contains(name).contains("已签到");
		screenshot("training-check-in-code");
	}
}
