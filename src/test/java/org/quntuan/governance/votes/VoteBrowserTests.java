package org.quntuan.governance.votes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.quntuan.support.BrowserTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

/** At phone width: a member votes in an open vote and, once it has closed, reads the results. */
class VoteBrowserTests extends BrowserTest {

	@Test
	void aMemberVotesOnThePhoneAndSeesTheResultsAfterTheClose() throws Exception {
		long union = jdbc.sql("select u.id from org u join org o on o.id = u.parent_id where o.name = '市财政局' and u.type = 'UNION'")
			.query(Long.class).single();
		String title = "年度优秀会员推荐" + System.nanoTime() % 100000;
		MvcResult created = mvc.perform(post("/api/v1/votes").header("Authorization", bearer("orgadmin1"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(VoteFixtures.json(title, union, List.of(personOf("member1"), VoteFixtures.people(jdbc, "市财政局", 1).get(0)),
					true, 1, "张敏", "李强")))
			.andReturn();
		assertThat(created.getResponse().getStatus()).as(created.getResponse().getContentAsString()).isEqualTo(201);
		long vote = body(created).get("id").asLong();

		signIn("member1");
		driver.get(url("/votes"));
		click(waitUpTo(10).until(ExpectedConditions.elementToBeClickable(
				By.cssSelector("#vote-list a[href='/votes/" + vote + "']"))));
		waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("ballot-form")));
		click(driver.findElements(By.className("vote-option")).get(1));
		screenshot("vote-ballot");
		click(driver.findElement(By.id("ballot-submit")));
		waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("vote-done")));
		assertThat(driver.findElements(By.id("ballot-form"))).isEmpty();
		assertThat(driver.findElements(By.id("vote-results"))).isEmpty();

		VoteFixtures.close(jdbc, vote);
		driver.navigate().refresh();
		click(waitUpTo(10).until(ExpectedConditions.elementToBeClickable(By.id("vote-results"))));
		waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("vote-counts")));
		assertThat(driver.findElement(By.id("vote-turnout")).getText()).isEqualTo("已投 1 票，有权投票 2 人");
		assertThat(driver.findElements(By.className("vote-count")).stream().map(e -> e.getText()).toList())
			.containsExactly("0", "1");
		assertThat(driver.findElements(By.id("vote-choices"))).isEmpty();
		assertThat((Long) script("return document.documentElement.scrollWidth - window.innerWidth;")).isLessThanOrEqualTo(0L);
		screenshot("vote-results");
	}
}
