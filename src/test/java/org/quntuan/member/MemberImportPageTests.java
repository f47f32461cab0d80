package org.quntuan.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.quntuan.member.ImportFiles.Person;
import org.quntuan.support.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpSession;

class MemberImportPageTests extends IntegrationTest {

	@LocalServerPort
	int port;

	private String page(MockHttpSession session) throws Exception {
		return mvc.perform(get("/members/import").session(session)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
	}

	/** The checked file waits in the database until it is imported or replaced ({@link PendingImports}). */
	private boolean kept(String token) {
		return jdbc.sql("select count(*) from member_pending_import where token = :t").param("t", token).query(Long.class)
			.single() == 1;
	}

	@Test
	void anAdminUploadsSeesTheProblemsUnderTheirCellsThenImportsACorrectedFileAllAtOnce() throws Exception {
		MockHttpSession session = login("orgadmin1");
		assertThat(page(session)).contains("下载导入模板", "enctype=\"multipart/form-data\"", "name=\"_csrf\"");
		Person good = Person.next(true);
		Person bad = Person.next(false);
		byte[] withError = ImportFiles.xlsx(List.of(good.row("市财政局"), bad.row("市教育局")));

		mvc.perform(multipart("/members/import").file(ImportFiles.file(withError)).session(session).with(csrf()))
			.andExpect(status().isFound()).andExpect(redirectedUrl("/members/import"));
		String preview = page(session);
		assertThat(preview).contains("共 2 行，其中 1 行有错误", "table-danger", "所属单位不存在或不在您的管理范围内")
			.doesNotContain("id=\"import-confirm\"");
		PendingImport pending = (PendingImport) session.getAttribute(PendingImport.SESSION_KEY);
		assertThat(kept(pending.token())).isTrue();

		// a corrected file replaces the first one, whose kept copy is removed
		Person other = Person.next(false);
		byte[] corrected = ImportFiles.xlsx(List.of(good.row("市财政局"), other.row("市财政局")));
		mvc.perform(multipart("/members/import").file(ImportFiles.file(corrected)).session(session).with(csrf()))
			.andExpect(status().isFound());
		assertThat(kept(pending.token())).isFalse();
		PendingImport second = (PendingImport) session.getAttribute(PendingImport.SESSION_KEY);
		assertThat(page(session)).contains("共 2 行，其中 0 行有错误", "id=\"import-confirm\"", second.token());

		long before = jdbc.sql("select count(*) from person").query(Long.class).single();
		mvc.perform(post("/members/import/confirm").param("token", "forged").session(session).with(csrf()))
			.andExpect(redirectedUrl("/members/import")).andExpect(flash().attribute("error", "没有待导入的文件，或页面已过期，请重新上传。"));
		mvc.perform(post("/members/import/confirm").param("token", second.token()).session(session).with(csrf()))
			.andExpect(redirectedUrl("/members")).andExpect(flash().attribute("success", "已导入 2 人"));
		assertThat(jdbc.sql("select count(*) from person").query(Long.class).single()).isEqualTo(before + 2);
		assertThat(kept(second.token())).isFalse();
		assertThat(session.getAttribute(PendingImport.SESSION_KEY)).isNull();
	}

	@Test
	void aBadFileIsExplainedOnThePage() throws Exception {
		MockHttpSession session = login("admin");
		mvc.perform(multipart("/members/import").file(ImportFiles.file("not excel".getBytes(StandardCharsets.UTF_8)))
			.session(session).with(csrf()))
			.andExpect(redirectedUrl("/members/import"))
			.andExpect(flash().attribute("error", "文件不是 Excel 工作簿（.xlsx），请使用导入模板填写后上传"));
		mvc.perform(post("/members/import").session(session).with(csrf()))
			.andExpect(redirectedUrl("/members/import")).andExpect(flash().attribute("error", "请选择要导入的 Excel 文件"));
	}

	@Test
	void theListOffersImportAndAnExportOfWhatItShows() throws Exception {
		String list = mvc.perform(get("/members").session(login("orgadmin1"))).andReturn().getResponse().getContentAsString();
		assertThat(list).contains("批量导入", "导出Excel", "formaction=\"/members/export\"", "form=\"member-filter\"");
	}

	/**
	 * Over the servlet's multipart limit the request never reaches a controller: a real HTTP request
	 * shows the API answers 413 and the page goes back to the form with the reason.
	 */
	@Test
	void anUploadOverTheServletLimitIs413ForTheApiAndAMessageOnThePage() throws Exception {
		byte[] large = new byte[10 * 1024 * 1024 + 200 * 1024];
		HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String boundary = "----quntuan" + System.nanoTime();
		HttpResponse<String> api = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/members/import?dryRun=true"))
			.header("Authorization", bearer("admin"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(multipartBody(boundary, null, large)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(api.statusCode()).isEqualTo(413);
		assertThat(api.body()).contains("上传的文件过大");

		// sign in through the real form, then upload from the import page
		String login = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		String token = find(login, "name=\"_csrf\" value=\"([^\"]+)\"");
		client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=admin&password=" + PASSWORD + "&_csrf=" + token)).build(),
				HttpResponse.BodyHandlers.discarding());
		String importPage = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/members/import")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		String csrf = find(importPage, "name=\"_csrf\" value=\"([^\"]+)\"");
		HttpResponse<String> upload = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/members/import"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Referer", "http://localhost:" + port + "/members/import")
			.POST(multipartBody(boundary, csrf, large)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(upload.statusCode()).isEqualTo(302);
		assertThat(upload.headers().firstValue("Location").orElseThrow()).endsWith("/members/import");
		String shown = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/members/import")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		assertThat(shown).contains("上传的文件过大，单个文件不能超过 10 MB");
	}

	/** A multipart body as a browser sends the import form: the CSRF field first, then the file. */
	private static HttpRequest.BodyPublisher multipartBody(String boundary, String csrf, byte[] content) {
		String field = csrf == null ? ""
				: "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n";
		byte[] head = (field + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.xlsx\"\r\n"
				+ "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		return HttpRequest.BodyPublishers.ofByteArrays(List.of(head, content, tail));
	}

	private static String find(String html, String regex) {
		Matcher m = Pattern.compile(regex).matcher(html);
		assertThat(m.find()).as(regex).isTrue();
		return m.group(1);
	}
}
