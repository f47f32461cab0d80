package org.quntuan.care.visits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.quntuan.platform.Zones;
import org.quntuan.support.BrowserTest;
import org.quntuan.support.TestClock;
import org.springframework.http.MediaType;

/** An organ's admin on a phone (375 px) puts a colleague on the city's list, records the visit and sees the board move. */
class VisitBrowserTests extends BrowserTest {

	@Test
	void anOrganAdminListsAndVisitsAColleagueOnAPhoneAndTheBoardMoves() throws Exception {
		LocalDate today = LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS));
		String title = "手机端走访计划" + System.nanoTime() % 10000;
		var created = mvc.perform(post("/api/v1/care/visit-plans").header("Authorization", bearer("admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\":\"" + title + "\",\"startsOn\":\"" + today.minusDays(2) + "\",\"endsOn\":\"" + today.plusDays(9)
					+ "\",\"bookOrgId\":" + orgId("市直机关工委") + ",\"budget\":\"3000\",\"standards\":[{\"kind\":\"SICK\","
					+ "\"form\":\"CASH\",\"amount\":\"500\"}]}"))
			.andReturn();
		long plan = body(created).get("id").asLong();
		List<String> names = jdbc.sql("""
				select p.name from person p join org o on o.id = p.organ_id
				where o.name = '市财政局' and p.active = true and p.union_status = 'MEMBER'
				  and not exists (select 1 from account a where a.person_id = p.id and a.username in ('member1', 'finance1',
				    'info1', 'orgadmin1'))
				order by p.id fetch first 1 rows only""").query(String.class).list();
		String name = names.get(0);

		signIn("orgadmin1");
		driver.get(url("/care/visits"));
		click(driver.findElement(By.partialLinkText(title)));
		driver.findElement(By.id("recipient-search")).sendKeys(name);
		click(waitUpTo(10).until(ExpectedConditions.elementToBeClickable(By.cssSelector("#person-options input[name=personId]"))));
		driver.findElement(By.id("recipient-note")).sendKeys("市中心医院住院");
		screenshot("visits-add");
		click(driver.findElement(By.id("recipient-submit")));
		assertThat(waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("visit-recipients"))).getText())
			.contains(name).contains("患病住院");

		click(driver.findElement(By.cssSelector("#visit-recipients a.record-visit")));
		script("document.getElementById('visitedOn').value = arguments[0]", today.toString());
		driver.findElement(By.id("visitors")).sendKeys("工会主席 王强");
		screenshot("visits-record");
		click(driver.findElement(By.id("visit-submit")));
		assertThat(waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("visit-record"))).getText())
			.contains("工会主席 王强").contains("慰问金已记入市直机关工委账簿");

		driver.get(url("/care/visits/" + plan + "/board"));
		assertThat(driver.findElement(By.id("board-people")).getText()).contains("1 / 1");
		assertThat(driver.findElement(By.id("board-spent")).getText()).isEqualTo("500.00");
		screenshot("visits-board");
	}
}
