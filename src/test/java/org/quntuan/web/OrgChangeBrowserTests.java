package org.quntuan.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.quntuan.support.BrowserTest;

/** Renaming an org or moving it to another 片组 asks first, naming the org; saying no changes nothing. */
class OrgChangeBrowserTests extends BrowserTest {

	@Test
	void renamingAndMovingAskForConfirmationAndAnswerNoChangesNothing() {
		long organ = orgId("市财政局");
		String path = jdbc.sql("select path from org where id = :id").param("id", organ).query(String.class).single();
		int version = jdbc.sql("select version from org where id = :id").param("id", organ).query(Integer.class).single();
		signIn("admin");
		driver.get(url("/orgs/" + organ));
		WebElement name = waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("rename-name")));
		name.clear();
		name.sendKeys("市财政局（改名测试）");
		click(driver.findElement(By.cssSelector("#org-rename button[type=submit]")));
		Alert rename = waitUpTo(5).until(ExpectedConditions.alertIsPresent());
		assertThat(rename.getText()).contains("确定将“市财政局”更名吗");
		rename.dismiss();

		WebElement move = driver.findElement(By.id("org-move"));
		new Select(move.findElement(By.name("newParentId"))).selectByIndex(1);
		move.findElement(By.name("reason")).sendKeys("机构调整");
		click(move.findElement(By.cssSelector("button[type=submit]")));
		Alert moving = waitUpTo(5).until(ExpectedConditions.alertIsPresent());
		assertThat(moving.getText()).contains("确定调整“市财政局”的隶属关系吗");
		moving.dismiss();

		assertThat(jdbc.sql("select name from org where id = :id").param("id", organ).query(String.class).single())
			.isEqualTo("市财政局");
		assertThat(jdbc.sql("select path from org where id = :id").param("id", organ).query(String.class).single())
			.isEqualTo(path);
		assertThat(jdbc.sql("select version from org where id = :id").param("id", organ).query(Integer.class).single())
			.as("neither change was sent").isEqualTo(version);
	}
}
