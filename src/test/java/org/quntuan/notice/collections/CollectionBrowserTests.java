package org.quntuan.notice.collections;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.quntuan.notice.NoticeFixtures;
import org.quntuan.support.BrowserTest;

/**
 * Material collection in a real browser at phone width (setup in {@link BrowserTest}): the
 * federation publishes a task, an organ's union uploads, the federation returns it, the union
 * resubmits, the federation accepts.
 */
class CollectionBrowserTests extends BrowserTest {

	private String ownState(long orgId) {
		return driver.findElement(By.cssSelector("#mine-" + orgId + " .submission-state")).getText();
	}

	private String rowState(long orgId) {
		return driver.findElement(By.cssSelector("#status-" + orgId + " .status-state")).getText();
	}

	private void upload(String taskUrl, long orgId, String fileName) throws IOException {
		Path file = Files.createTempDirectory("quntuan-upload").resolve(fileName);
		Files.write(file, "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
		driver.get(taskUrl);
		driver.findElement(By.cssSelector("#mine-" + orgId + " .submission-file")).sendKeys(file.toAbsolutePath().toString());
		click(driver.findElement(By.cssSelector("#mine-" + orgId + " .submission-submit")));
		waitUpTo(10).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "材料已上传"));
	}

	@Test
	void theFederationCollectsMaterialsReturnsThemAndAcceptsTheResubmission() throws IOException {
		String title = NoticeFixtures.unique("年度总结");
		long finance = orgId("市财政局工会");

		signIn("admin");
		driver.get(url("/collections/new"));
		driver.findElement(By.id("collection-title")).sendKeys(title);
		driver.findElement(By.id("collection-instructions")).sendKeys("请报送年度工作总结，加盖公章。");
		script("arguments[0].value = '2099-12-31T17:00';", driver.findElement(By.id("collection-deadline")));
		click(driver.findElement(By.id("target-orgs")));
		new Select(driver.findElement(By.id("target-org-ids"))).selectByVisibleText("市财政局工会");
		screenshot("collection-new");
		assertThat(clickAndConfirm(driver.findElement(By.id("collection-submit")))).contains("确定向所选发送对象发布");
		waitUpTo(10).until(ExpectedConditions.presenceOfElementLocated(By.id("collection-status")));
		String taskUrl = driver.getCurrentUrl();
		assertThat(driver.findElement(By.id("collection-name")).getText()).isEqualTo(title);
		assertThat(rowState(finance)).isEqualTo("未报送");

		signIn("orgadmin1");
		upload(taskUrl, finance, "总结.pdf");
		assertThat(ownState(finance)).isEqualTo("已报送");
		screenshot("collection-submitted");

		signIn("admin");
		driver.get(taskUrl);
		assertThat(rowState(finance)).isEqualTo("已报送");
		driver.findElement(By.cssSelector("#status-" + finance + " .status-reason")).sendKeys("缺少盖章页");
		click(driver.findElement(By.cssSelector("#status-" + finance + " .status-return")));
		waitUpTo(10).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "已退回"));
		assertThat(rowState(finance)).isEqualTo("已退回");

		signIn("orgadmin1");
		driver.get(taskUrl);
		assertThat(ownState(finance)).isEqualTo("已退回");
		assertThat(driver.findElement(By.cssSelector("#mine-" + finance + " .submission-return-reason")).getText())
			.contains("缺少盖章页");
		upload(taskUrl, finance, "总结（盖章）.pdf");
		assertThat(ownState(finance)).isEqualTo("已报送");

		signIn("admin");
		driver.get(taskUrl);
		click(driver.findElement(By.cssSelector("#status-" + finance + " .status-accept")));
		waitUpTo(10).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-success"), "已审核通过"));
		assertThat(rowState(finance)).isEqualTo("已通过");
		screenshot("collection-accepted");
	}

	@Test
	void aNoticeIsPublishedReadByTheUnionAndTheSenderSeesTheReceipt() throws IOException {
		String title = NoticeFixtures.unique("学习通知");
		signIn("admin");
		driver.get(url("/notices/new"));
		driver.findElement(By.id("notice-title")).sendKeys(title);
		// the body is written in the rich-text editor: a paragraph, a bold phrase, a list
		WebElement editor = driver.findElement(By.id("notice-body-editor"));
		assertThat(driver.findElement(By.id("notice-body")).isDisplayed()).isFalse();
		click(editor);
		editor.sendKeys("请各单位组织学习。", Keys.ENTER);
		click(driver.findElement(By.cssSelector("#notice-form [data-command=bold]")));
		editor.sendKeys("重点篇目");
		click(driver.findElement(By.cssSelector("#notice-form [data-command=bold]")));
		editor.sendKeys(Keys.ENTER);
		click(driver.findElement(By.cssSelector("#notice-form [data-command=insertUnorderedList]")));
		editor.sendKeys("第一篇", Keys.ENTER, "第二篇");
		assertThat(driver.findElement(By.cssSelector("#notice-form [data-command=bold]")).getText()).isEqualTo("加粗");
		// at phone width the toolbar wraps instead of widening the page
		assertThat((Long) ((JavascriptExecutor) driver)
			.executeScript("return document.documentElement.scrollWidth - window.innerWidth")).isLessThanOrEqualTo(0L);
		screenshot("notice-editor");
		click(driver.findElement(By.id("target-orgs")));
		new Select(driver.findElement(By.id("target-org-ids"))).selectByVisibleText("市财政局工会");
		click(driver.findElement(By.id("notice-public")));
		assertThat(clickAndConfirm(driver.findElement(By.id("notice-submit")))).contains("确定向所选发送对象发布");
		waitUpTo(10).until(ExpectedConditions.presenceOfElementLocated(By.id("notice-receipts")));
		String noticeUrl = driver.getCurrentUrl();
		assertThat(driver.findElement(By.id("notice-body")).getDomProperty("innerHTML"))
			.contains("<strong>重点篇目</strong>", "<li>第一篇</li><li>第二篇</li>").doesNotContain("<div", "style");
		assertThat(driver.findElement(By.id("notice-receipts")).getText()).contains("市财政局工会", "未读");

		signIn("orgadmin1");
		driver.get(url("/notices"));
		click(driver.findElement(By.partialLinkText(title)));
		assertThat(driver.findElement(By.id("notice-body")).getText()).contains("请各单位组织学习。");
		screenshot("notice-detail");

		signIn("admin");
		driver.get(noticeUrl);
		assertThat(driver.findElement(By.id("notice-receipts")).getText()).contains("已读");
		screenshot("notice-receipts");

		signIn("member1");
		waitUpTo(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("home-notices"), title));
		screenshot("home-notices");
	}
}
