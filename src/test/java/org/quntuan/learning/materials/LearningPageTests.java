package org.quntuan.learning.materials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.quntuan.support.IntegrationTest;
import org.quntuan.support.TestClock;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

/** The pages: an admin publishes a PDF and assigns it; a member finds it under 待学习 and reads it in the page. */
class LearningPageTests extends IntegrationTest {

	private static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
			+ "2 0 obj << /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >> endobj\n"
			+ "3 0 obj << /Type /Page /Parent 2 0 R >> endobj\n4 0 obj << /Type /Page /Parent 2 0 R >> endobj\n"
			+ "trailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);

	@Test
	void anAdminPublishesAPdfAndAssignsItAndAMemberReadsItInThePage() throws Exception {
		MockHttpSession orgadmin = login("orgadmin1");
		String title = "工会法全文" + System.nanoTime();
		MvcResult created = mvc.perform(multipart("/learning/materials").file(new MockMultipartFile("file", "gonghuifa.pdf",
				"application/pdf", PDF)).session(orgadmin).with(csrf()).param("title", title).param("kind", "PDF")
			.param("body", "<p>全文<script>alert(1)</script></p>").param("tags", "法律法规")).andReturn();
		String location = created.getResponse().getRedirectedUrl();
		assertThat(location).as(String.valueOf(created.getFlashMap().get("error"))).startsWith("/learning/materials/");
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		assertThat(jdbc.sql("select page_count from learning_material where id = :id").param("id", id).query(Integer.class)
			.single()).isEqualTo(2);

		String form = mvc.perform(get("/learning/assignments/new").param("materialId", String.valueOf(id)).session(orgadmin))
			.andReturn().getResponse().getContentAsString();
		assertThat(form).contains(title, "name=\"targetMode\"");
		MvcResult assigned = mvc.perform(post("/learning/assignments").session(orgadmin).with(csrf())
			.param("materialIds", String.valueOf(id)).param("targetMode", "ORGS")
			.param("orgIds", String.valueOf(orgId("市财政局工会")))
			.param("dueDate", LocalDate.now(TestClock.CLOCK).plusDays(5).toString())).andReturn();
		assertThat(assigned.getResponse().getRedirectedUrl()).as(String.valueOf(assigned.getFlashMap().get("error")))
			.startsWith("/learning/assignments/");
		assertThat(mvc.perform(get(assigned.getResponse().getRedirectedUrl()).session(orgadmin)).andReturn().getResponse()
			.getContentAsString()).contains("progress-table", "市财政局");

		MockHttpSession member = login("member1");
		String mine = mvc.perform(get("/learning").session(member)).andReturn().getResponse().getContentAsString();
		assertThat(mine).contains(title);
		assertThat(mvc.perform(get("/learning/home-card").session(member)).andReturn().getResponse().getContentAsString())
			.contains("home-learning-todo");
		String page = mvc.perform(get("/learning/materials/" + id).session(member)).andReturn().getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"pdf-viewer\"", "/webjars/pdfjs-dist/", "/legacy/build/pdf.min.js", "learning-countdown",
				"data-seconds=\"60\"", "complete-button").doesNotContain("alert(1)");
		MvcResult tooEarly = mvc.perform(post("/learning/materials/" + id + "/completion").session(member).with(csrf()))
			.andReturn();
		assertThat(String.valueOf(tooEarly.getFlashMap().get("error"))).contains("秒");
		MvcResult range = mvc.perform(get("/learning/materials/" + id + "/file").session(member)
			.header(HttpHeaders.RANGE, "bytes=0-7")).andReturn();
		assertThat(range.getResponse().getStatus()).isEqualTo(206);
		assertThat(range.getResponse().getContentAsString()).isEqualTo("%PDF-1.4");
		// pdf.js is served from its webjar
		assertThat(mvc.perform(get("/webjars/pdfjs-dist/legacy/build/pdf.min.js")).andReturn().getResponse().getStatus())
			.isEqualTo(200);
	}
}
