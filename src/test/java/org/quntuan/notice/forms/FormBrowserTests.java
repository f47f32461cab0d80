package org.quntuan.notice.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.quntuan.support.BrowserTest;

/**
 * Statistical forms and information reports at phone width in headless Chromium (setup in
 * {@link BrowserTest}): the pages open in Chinese without sideways scrolling, and a union fills in
 * a form.
 */
class FormBrowserTests extends BrowserTest {

	private void opensInChineseWithoutSidewaysScrolling(String path) throws IOException {
		driver.get(url(path));
		assertThat(driver.getTitle()).as(path).contains("智慧群团");
		assertThat(driver.findElements(By.id("error-message"))).as(path).isEmpty();
		assertThat(driver.findElement(By.tagName("h1")).getText()).as(path).matches(".*[\\u4e00-\\u9fa5].*");
		Object overflow = script("return document.documentElement.scrollWidth > window.innerWidth + 1;");
		assertThat(overflow).as(path + " scrolls sideways").isEqualTo(false);
		screenshot("notice" + path.replace('/', '-').replace('?', '-'));
	}

	@Test
	void theFormAndInformationPagesOpenOnAPhoneAndAUnionSubmitsAForm() throws IOException {
		long form = jdbc.sql("select id from stat_form where title = '2026年度基层工会基本情况统计'").query(Long.class).single();
		long union = orgId("市财政局工会");
		signIn("admin");
		for (String path : List.of("/forms", "/forms/new", "/forms/" + form, "/info-reports", "/info-reports/ranking")) {
			opensInChineseWithoutSidewaysScrolling(path);
		}
		signIn("orgadmin1");
		jdbc.sql("update stat_form_response set status = 'DRAFT' where form_id = :f and org_id = :o").param("f", form)
			.param("o", union).update();
		opensInChineseWithoutSidewaysScrolling("/forms/" + form + "/responses/" + union);
		long people = jdbc.sql("select id from stat_form_field where form_id = :f and position = 1").param("f", form)
			.query(Long.class).single();
		var input = driver.findElement(By.id("value-" + people));
		input.clear();
		input.sendKeys("88");
		var save = driver.findElement(By.id("response-save"));
		// Bootstrap scrolls smoothly, so a native click could land mid-scroll
		script("arguments[0].click();", save);
		waitUpTo(10).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "草稿已保存"));
		assertThat(driver.findElement(By.id("value-" + people)).getAttribute("value")).isEqualTo("88");
		signIn("info1");
		opensInChineseWithoutSidewaysScrolling("/info-reports");
		opensInChineseWithoutSidewaysScrolling("/info-reports/new");
	}
}
