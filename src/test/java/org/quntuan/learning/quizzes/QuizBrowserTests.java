package org.quntuan.learning.quizzes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.quntuan.support.BrowserTest;
import org.quntuan.support.TestClock;

/**
 * A member on a phone (375 px wide, Debian's headless Chromium) takes a knowledge competition: starts
 * it, answers (each answer saved as it is clicked), hands the paper in, and sees the score and the
 * leaderboard.
 */
class QuizBrowserTests extends BrowserTest {

	@Test
	void aMemberOnAPhoneTakesACompetitionAndSeesTheScoreAndTheLeaderboard() throws Exception {
		OffsetDateTime now = OffsetDateTime.now(TestClock.CLOCK);
		long bank = QuizFixtures.bank(mvc, json, bearer("orgadmin1"), "手机题库" + System.nanoTime(),
				QuizFixtures.questions("手机", 4, 0, 2));
		String title = "手机知识竞赛" + System.nanoTime() % 10000;
		long quiz = QuizFixtures.quiz(mvc, json, bearer("orgadmin1"), QuizFixtures.quizBody(title, bank,
				List.of(orgId("市财政局工会")), now.minusHours(1), now.plusHours(1), 600, 2, 3, 0, 1));

		signIn("member1");
		driver.get(url("/quizzes"));
		click(driver.findElement(By.linkText(title)));
		click(driver.findElement(By.id("quiz-start")));
		WebElement countdown = waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("quiz-countdown")));
		assertThat(countdown.getText()).contains("剩余");
		assertThat(driver.getPageSource()).doesNotContain("解析-");
		String url = driver.getCurrentUrl();
		long attempt = Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
		List<WebElement> cards = driver.findElements(By.cssSelector(".quiz-question"));
		assertThat(cards).hasSize(4);
		screenshot("quiz-paper");

		// the right answer to each question but the last, as shown on this paper (options are shuffled)
		for (int i = 0; i < cards.size() - 1; i++) {
			WebElement card = cards.get(i);
			long question = Long.parseLong(card.getAttribute("data-question-id"));
			String shown = shownAnswer(attempt, question);
			click(card.findElement(By.id("q" + question + shown)));
			waitUpTo(10).until(ExpectedConditions.textToBePresentInElement(card.findElement(By.cssSelector(".quiz-saved")),
					"已保存"));
		}
		assertThat(jdbc.sql("select count(*) from quiz_attempt_question where attempt_id = :a and choices is not null")
			.param("a", attempt).query(Long.class).single()).as("saved as given").isEqualTo(3);

		click(driver.findElement(By.id("quiz-submit")));
		waitUpTo(5).until(ExpectedConditions.alertIsPresent()).accept();
		WebElement done = waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".alert-success")));
		int expected = jdbc.sql("""
				select coalesce(sum(q.score), 0) from quiz_attempt_question aq join quiz_question q on q.id = aq.question_id
				where aq.attempt_id = :a and aq.choices = q.answer""").param("a", attempt).query(Integer.class).single();
		assertThat(done.getText()).contains("得分 " + expected);
		assertThat(driver.findElement(By.id("leaderboard")).getText()).contains(jdbc.sql(
				"select name from person where id = :p").param("p", personOf("member1")).query(String.class).single());
		screenshot("quiz-result");
		assertThat(jdbc.sql("select status from quiz_attempt where id = :a").param("a", attempt).query(String.class)
			.single()).isEqualTo("SUBMITTED");
	}

	/** The letter the right answer has on this attempt's paper. */
	private String shownAnswer(long attempt, long question) {
		String[] row = jdbc.sql("""
				select aq.option_order, q.answer from quiz_attempt_question aq join quiz_question q on q.id = aq.question_id
				where aq.attempt_id = :a and aq.question_id = :q""").param("a", attempt).param("q", question)
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) }).single();
		return String.valueOf("ABCDEF".charAt(row[0].indexOf(row[1])));
	}
}
