package org.quntuan.volunteer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.quntuan.support.BrowserTest;
import org.quntuan.volunteer.VolunteerFixtures.Member;

/**
 * At phone width: a member registers as a volunteer, the organ's union admin approves, the member records
 * hours done off the platform, the admin verifies them, and the member sees them and downloads the
 * certificate.
 */
class VolunteerBrowserTests extends BrowserTest {

	@Test
	void aMemberRegistersRecordsHoursAndDownloadsTheCertificateOnceVerified() throws Exception {
		Member m = VolunteerFixtures.member(jdbc, "市教育局");
		signIn(m.username());
		driver.get(url("/volunteer"));
		driver.findElement(By.id("skills")).sendKeys("急救、摄影");
		driver.findElement(By.id("areas")).sendKeys("社区敬老");
		driver.findElement(By.id("availability")).sendKeys("周末");
		check(driver.findElement(By.id("consent")));
		screenshot("volunteer-register");
		click(driver.findElement(By.id("volunteer-register-submit")));
		waitUpTo(10).until(ExpectedConditions.textToBe(By.id("volunteer-status-label"), "待审核"));
		long id = jdbc.sql("select id from volunteer where person_id = :p").param("p", m.id()).query(Long.class).single();

		signIn("orgadmin2");
		driver.get(url("/volunteer/registrations"));
		click(waitUpTo(10).until(ExpectedConditions.elementToBeClickable(
				By.cssSelector(".registration[data-id='" + id + "'] button.approve"))));
		waitUpTo(10).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".registration[data-id='" + id + "']")));

		signIn(m.username());
		driver.get(url("/volunteer"));
		assertThat(driver.findElement(By.id("volunteer-status-label")).getText()).isEqualTo("已通过");
		driver.findElement(By.id("hours")).sendKeys("3.5");
		driver.findElement(By.id("description")).sendKeys("社区敬老院陪护");
		screenshot("volunteer-claim");
		click(driver.findElement(By.id("volunteer-claim-submit")));
		waitUpTo(10).until(ExpectedConditions.textToBe(By.id("volunteer-pending-hours"), "3.5"));
		long claim = jdbc.sql("select id from volunteer_hours where person_id = :p").param("p", m.id()).query(Long.class)
			.single();

		signIn("orgadmin2");
		driver.get(url("/volunteer/claims"));
		click(waitUpTo(10).until(ExpectedConditions.elementToBeClickable(
				By.cssSelector(".claim[data-id='" + claim + "'] button.verify"))));
		waitUpTo(10).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".claim[data-id='" + claim + "']")));

		signIn(m.username());
		driver.get(url("/volunteer"));
		assertThat(driver.findElement(By.id("volunteer-verified-hours")).getText()).isEqualTo("3.5");
		assertThat(driver.findElement(By.id("volunteer-pending-hours")).getText()).isEqualTo("0.0");
		assertThat(driver.findElement(By.cssSelector(".volunteer-entry .entry-status")).getText()).isEqualTo("已核实");
		// no horizontal scrolling at 375 px
		assertThat((Long) script("return document.documentElement.scrollWidth - window.innerWidth;")).isLessThanOrEqualTo(0L);
		screenshot("volunteer-verified");
		String href = driver.findElement(By.id("volunteer-certificate")).getAttribute("href");
		Object answer = ((JavascriptExecutor) driver).executeAsyncScript("""
				var done = arguments[arguments.length - 1];
				fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done(r.status + ' ' + r.headers.get('content-type')
				  + ' ' + new TextDecoder('latin1').decode(new Uint8Array(b).slice(0, 5)))));""", href);
		assertThat(answer).isEqualTo("200 application/pdf %PDF-");
	}
}
