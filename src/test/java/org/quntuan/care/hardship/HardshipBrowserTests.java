package org.quntuan.care.hardship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.quntuan.care.hardship.HardshipFixtures.Member;
import org.quntuan.support.BrowserTest;
import org.springframework.http.MediaType;

/**
 * At phone width: a member on the hardship register applies for a subsidy, the union's admin and the work
 * committee approve it (through the API), and the member sees it approved and paid.
 */
class HardshipBrowserTests extends BrowserTest {

	@Test
	void aMemberAppliesForASubsidyOnThePhoneAndSeesItApprovedAndPaid() throws Exception {
		Member m = HardshipFixtures.member(jdbc, "市财政局");
		decideOrRegister("orgadmin1", "/api/v1/care/hardship-cases", """
				{"personId":%d,"causes":["ILLNESS"],"householdSize":3,"incomePerHead":"760","level":"SEVERE"}""".formatted(m.id()));
		signIn(m.username());
		driver.get(url("/care/hardship"));
		click(waitUpTo(10).until(ExpectedConditions.elementToBeClickable(By.id("subsidy-apply"))));
		waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("subsidy-form")));
		assertThat(driver.findElement(By.id("cap-left")).getText()).isEqualTo("本年度还可申请 6,000.00 元。");
		driver.findElement(By.id("subsidy-amount")).sendKeys("1800");
		driver.findElement(By.id("subsidy-reason")).sendKeys("爱人住院手术，自付费用较多");
		screenshot("hardship-apply");
		click(driver.findElement(By.id("subsidy-submit")));
		waitUpTo(10).until(ExpectedConditions.urlMatches(".*/care/hardship/subsidies/\\d+$"));
		assertThat(driver.findElement(By.id("subsidy-status")).getText()).isEqualTo("审批中");
		assertThat(driver.findElement(By.id("subsidy-amount")).getText()).isEqualTo("1,800.00");
		long id = Long.parseLong(driver.getCurrentUrl().replaceAll(".*/", ""));
		long approval = jdbc.sql("select approval_id from care_hardship_subsidy where id = :id").param("id", id)
			.query(Long.class).single();
		screenshot("hardship-applied");

		decideOrRegister("orgadmin1", "/api/v1/approvals/" + approval + "/decision", "{\"decision\":\"APPROVE\"}");
		decideOrRegister("admin", "/api/v1/approvals/" + approval + "/decision", "{\"decision\":\"APPROVE\"}");

		driver.navigate().refresh();
		waitUpTo(10).until(ExpectedConditions.textToBe(By.id("subsidy-status"), "已发放"));
		assertThat(driver.findElement(By.id("subsidy-paid-at")).getText()).isNotBlank();
		assertThat(driver.findElement(By.id("subsidy-steps")).getText()).contains("单位工会审核").contains("工委审批");
		// no horizontal scrolling at 375 px
		assertThat((Long) script("return document.documentElement.scrollWidth - window.innerWidth;")).isLessThanOrEqualTo(0L);
		screenshot("hardship-paid");
		driver.get(url("/care/hardship"));
		assertThat(waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("subsidy-table"))).getText())
			.contains("1,800.00").contains("已发放");
	}

	private void decideOrRegister(String user, String path, String json) throws Exception {
		int status = mvc.perform(post(path).header("Authorization", bearer(user)).contentType(MediaType.APPLICATION_JSON)
			.content(json)).andReturn().getResponse().getStatus();
		if (status != 200 && status != 201) {
			throw new IOException(path + " as " + user + ": " + status);
		}
	}
}
