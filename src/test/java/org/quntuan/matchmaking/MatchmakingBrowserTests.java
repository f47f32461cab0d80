package org.quntuan.matchmaking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.quntuan.matchmaking.MatchmakingFixtures.Single;
import org.quntuan.support.BrowserTest;
import org.springframework.http.MediaType;

/**
 * At phone width: two colleagues agree to the rules and apply on their phones, their unions approve them,
 * each is recommended to the other, she shows interest, he accepts, and only then do both see the other's
 * name, organ and mobile.
 */
class MatchmakingBrowserTests extends BrowserTest {

	@Test
	void twoMembersApplyAreApprovedRecommendedToEachOtherMatchAndOnlyThenSeeTheContacts() throws Exception {
		String marker = "测" + Long.toString(System.nanoTime() % 1_000_000L, 36);
		Single he = MatchmakingFixtures.single(jdbc, "市财政局", "MALE", 29);
		Single she = MatchmakingFixtures.single(jdbc, "市教育局", "FEMALE", 27);
		long his = applyOnThePhone(he, "阿山" + marker, marker);
		long hers = applyOnThePhone(she, "小溪" + marker, marker);
		review("orgadmin1", his);
		review("orgadmin2", hers);

		signIn(she.username());
		driver.get(url("/matchmaking/recommendations"));
		WebElement card = waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(
				By.cssSelector(".matchmaking-card[data-profile-id='" + his + "']")));
		assertThat(card.getText()).contains("阿山" + marker).contains("你们都喜欢" + marker)
			.doesNotContain(he.name()).doesNotContain(he.mobile()).doesNotContain("市财政局");
		screenshot("matchmaking-recommended");
		click(card.findElement(By.className("interest-button")));
		waitUpTo(10).until(ExpectedConditions.urlToBe(url("/matchmaking/interests")));
		assertThat(driver.getPageSource()).doesNotContain(he.name()).doesNotContain(he.mobile());

		signIn(he.username());
		driver.get(url("/matchmaking/recommendations"));
		waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(
				By.cssSelector(".matchmaking-card[data-profile-id='" + hers + "']")));
		driver.get(url("/matchmaking/interests"));
		WebElement received = waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("interests-received")));
		assertThat(received.getText()).contains("小溪" + marker);
		assertThat(driver.getPageSource()).doesNotContain(she.name()).doesNotContain(she.mobile()).doesNotContain("市教育局");
		assertThat(driver.findElements(By.className("match-item"))).isEmpty();
		screenshot("matchmaking-received");
		click(received.findElement(By.className("interest-accept")));
		WebElement contact = waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.className("match-contact")));
		assertThat(contact.getText()).isEqualTo(she.name() + " · 市教育局 · " + she.mobile());
		assertThat((Long) script("return document.documentElement.scrollWidth - window.innerWidth;")).isLessThanOrEqualTo(0L);
		screenshot("matchmaking-matched");

		signIn(she.username());
		driver.get(url("/matchmaking/interests"));
		assertThat(waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.className("match-contact")))
			.getText()).isEqualTo(he.name() + " · 市财政局 · " + he.mobile());
	}

	/** Agrees to the rules and fills in the profile form; returns the profile's id. */
	private long applyOnThePhone(Single s, String nickname, String hobby) throws IOException {
		signIn(s.username());
		driver.get(url("/matchmaking"));
		click(waitUpTo(10).until(ExpectedConditions.elementToBeClickable(By.id("consent-agree"))));
		waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("profile-form")));
		driver.findElement(By.id("nickname")).sendKeys(nickname);
		driver.findElement(By.id("birthYear")).sendKeys(String.valueOf(s.birthYear()));
		driver.findElement(By.id("height")).sendKeys("170");
		new Select(driver.findElement(By.id("education"))).selectByValue("BACHELOR");
		driver.findElement(By.id("hometown")).sendKeys("杭州");
		driver.findElement(By.id("hobbies")).sendKeys(hobby + " 读书");
		driver.findElement(By.id("intro")).sendKeys("喜欢安静地看书，也喜欢和朋友爬山。");
		driver.findElement(By.id("tags")).sendKeys(hobby);
		check(driver.findElement(By.id("unmarriedDeclared")));
		click(driver.findElement(By.id("profile-save")));
		waitUpTo(10).until(ExpectedConditions.textToBe(By.id("profile-status"), "待审核"));
		screenshot("matchmaking-applied");
		return MatchmakingFixtures.profileOf(jdbc, s);
	}

	private void review(String reviewer, long profile) throws Exception {
		int status = mvc.perform(post("/api/v1/matchmaking/profiles/" + profile + "/review")
			.header("Authorization", bearer(reviewer)).contentType(MediaType.APPLICATION_JSON).content("{\"approve\":true}"))
			.andReturn().getResponse().getStatus();
		assertThat(status).isEqualTo(204);
	}
}
