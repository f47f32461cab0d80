package org.quntuan.care.pairing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Bad input is refused with a clear error and changes nothing: a status moved backwards or skipping a step,
 * a step without a note or version or on a stale version, a due date before the day raised, a photo that is
 * no image, and another organ's pair, which does not exist for the caller.
 */
class PairingBadInputTests extends PairingFixtures {

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	@Test
	void aStatusMovedBackwardsOrSkippingAStepIsRefusedAndNothingChanges() throws Exception {
		long problem = problem("orgadmin1", pair("市财政局"), "INFRASTRUCTURE", today().plusDays(20));
		assertThat(move("orgadmin1", problem, "ACCEPTED", "已受理", 0).getResponse().getStatus()).isEqualTo(200);

		MvcResult back = move("orgadmin1", problem, "RAISED", "退回", 1);
		assertThat(back.getResponse().getStatus()).isEqualTo(422);
		assertThat(back.getResponse().getContentAsString()).contains("不能回退").contains("“受理”").contains("“协调中”");
		MvcResult skip = move("orgadmin1", problem, "SOLVED", "直接解决", 1);
		assertThat(skip.getResponse().getStatus()).isEqualTo(422);
		assertThat(status(problem)).isEqualTo("ACCEPTED");
		assertThat(steps(problem)).isEqualTo(2);
		assertThat(jdbc.sql("select version from care_pair_problem where id = :id").param("id", problem)
			.query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void aStepWithoutANoteOrVersionOrOnAStaleVersionIsRefused() throws Exception {
		long problem = problem("orgadmin1", pair("市财政局"), "INFRASTRUCTURE", today().plusDays(20));
		MvcResult noNote = move("orgadmin1", problem, "ACCEPTED", null, 0);
		assertThat(noNote.getResponse().getStatus()).isEqualTo(400);
		assertThat(noNote.getResponse().getContentAsString()).contains("note").contains("办理说明");
		assertThat(move("orgadmin1", problem, "ACCEPTED", "  ", 0).getResponse().getStatus()).isEqualTo(400);
		MvcResult noVersion = move("orgadmin1", problem, "ACCEPTED", "已受理", null);
		assertThat(noVersion.getResponse().getStatus()).isEqualTo(400);
		assertThat(noVersion.getResponse().getContentAsString()).contains("version");
		assertThat(move("orgadmin1", problem, "ACCEPTED", "已受理", 5).getResponse().getStatus()).isEqualTo(409);
		assertThat(status(problem)).isEqualTo("RAISED");
		assertThat(steps(problem)).isEqualTo(1);
	}

	@Test
	void aDueDateBeforeTheDayRaisedIsRefused() throws Exception {
		long pair = pair("市财政局");
		long before = count("care_pair_problem");
		MvcResult r = send("orgadmin1", "POST", "/api/v1/pairs/" + pair + "/problems", """
				{"category":"OTHER","description":"井盖缺失","owner":"社区","dueDate":"%s"}""".formatted(today().minusDays(1)));
		assertThat(r.getResponse().getStatus()).isEqualTo(400);
		assertThat(r.getResponse().getContentAsString()).contains("dueDate").contains("办结期限不能早于提出日期");
		MvcResult noCategory = send("orgadmin1", "POST", "/api/v1/pairs/" + pair + "/problems", """
				{"category":"NOPE","description":"","owner":"社区","dueDate":"%s"}""".formatted(today()));
		assertThat(noCategory.getResponse().getStatus()).isEqualTo(400);
		assertThat(noCategory.getResponse().getContentAsString()).contains("category").contains("description");
		assertThat(count("care_pair_problem")).isEqualTo(before);
	}

	@Test
	void aPhotoThatIsNoImageIsRefusedAndNoProgressIsKept() throws Exception {
		long pair = pair("市财政局");
		long item = created(send("orgadmin1", "POST", "/api/v1/pairs/" + pair + "/plan-items", """
				{"title":"植树","plannedOn":"%s","who":"团支部"}""".formatted(today())));
		long before = count("care_pair_progress");
		MvcResult pdf = mvc.perform(multipart("/api/v1/pair-plan-items/" + item + "/progress")
			.file(new MockMultipartFile("photo", "plan.pdf", "application/pdf", "%PDF-1.4\n%%EOF\n".getBytes()))
			.param("happenedOn", today().toString()).param("note", "植树 50 棵")
			.header("Authorization", bearer("orgadmin1"))).andReturn();
		assertThat(pdf.getResponse().getStatus()).isEqualTo(400);
		assertThat(pdf.getResponse().getContentAsString()).contains("photo");
		MvcResult fake = mvc.perform(multipart("/api/v1/pair-plan-items/" + item + "/progress")
			.file(new MockMultipartFile("photo", "fake.png", "image/png", "not an image".getBytes()))
			.param("happenedOn", today().toString()).param("note", "植树 50 棵")
			.header("Authorization", bearer("orgadmin1"))).andReturn();
		assertThat(fake.getResponse().getStatus()).isEqualTo(400);
		assertThat(count("care_pair_progress")).isEqualTo(before);
		MvcResult planOutside = send("orgadmin1", "POST", "/api/v1/pairs/" + pair + "/plan-items", """
				{"title":"植树","plannedOn":"%s","who":"团支部"}""".formatted(today().plusYears(5)));
		assertThat(planOutside.getResponse().getStatus()).isEqualTo(400);
	}

	@Test
	void anotherOrgansPairDoesNotExistForTheCaller() throws Exception {
		long sibling = pair("市教育局");
		long problem = problem("admin", sibling, "OTHER", today().plusDays(9));
		long problems = count("care_pair_problem");
		assertThat(send("orgadmin1", "GET", "/api/v1/pairs/" + sibling, null).getResponse().getStatus()).isEqualTo(404);
		assertThat(send("orgadmin1", "POST", "/api/v1/pairs/" + sibling + "/problems", """
				{"category":"OTHER","description":"x","owner":"y","dueDate":"%s"}""".formatted(today()))
			.getResponse().getStatus()).isEqualTo(404);
		assertThat(move("orgadmin1", problem, "ACCEPTED", "受理", 0).getResponse().getStatus()).isEqualTo(404);
		assertThat(send("orgadmin1", "GET", "/api/v1/pair-problems/" + problem, null).getResponse().getStatus())
			.isEqualTo(404);
		assertThat(count("care_pair_problem")).isEqualTo(problems);
		assertThat(status(problem)).isEqualTo("RAISED");
	}

	@Test
	void aPairNeedsAnOrganAPartnerATermAndContactsOfTheOrgan() throws Exception {
		long partner = partner("坏输入社区" + System.nanoTime());
		long pairs = count("care_pair");
		int year = today().getYear();
		MvcResult r = send("admin", "POST", "/api/v1/pairs", """
				{"organId":%d,"partnerId":%d,"startYear":%d,"endYear":%d,"contactPersonIds":[%d]}"""
			.formatted(orgId("市财政局"), partner, year, year - 1, contact("市教育局")));
		assertThat(r.getResponse().getStatus()).isEqualTo(400);
		assertThat(r.getResponse().getContentAsString()).contains("endYear").contains("contactPersonIds");
		assertThat(count("care_pair")).isEqualTo(pairs);
		MvcResult dup = send("admin", "POST", "/api/v1/pair-partners", """
				{"name":"坏输入社区","kind":"小区","district":"","contactName":"王","contactPhone":"12"}""");
		assertThat(dup.getResponse().getStatus()).isEqualTo(400);
		assertThat(dup.getResponse().getContentAsString()).contains("kind").contains("district").contains("contactPhone");
	}
}
