package org.quntuan.learning.quizzes;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import org.quntuan.platform.excel.ExcelDownload;
import org.quntuan.platform.excel.ExcelTable;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Banks and competitions made through the API, as an admin would. */
public final class QuizFixtures {

	private QuizFixtures() {
	}

	/** A sheet with the template's header and the given rows (each 12 cells). */
	public static MockMultipartFile sheet(List<String[]> rows) {
		ExcelTable table = ExcelTable.create().sheet("题目");
		table.header(new String[] { "题型", "题干", "选项A", "选项B", "选项C", "选项D", "选项E", "选项F", "答案", "解析", "分值", "标签" },
				new int[] { 8, 30, 10, 10, 10, 10, 10, 10, 8, 20, 6, 10 });
		for (String[] cells : rows) {
			ExcelTable.Line line = table.row();
			for (String c : cells) {
				line.text(c);
			}
		}
		return new MockMultipartFile("file", "题库.xlsx", ExcelDownload.CONTENT_TYPE, table.bytes());
	}

	/** Questions numbered from {@code tag}: singles with answer B of four, multiples AC of four, true/false 对. */
	public static List<String[]> questions(String tag, int singles, int multiples, int trueFalse) {
		List<String[]> rows = new ArrayList<>();
		for (int i = 0; i < singles; i++) {
			rows.add(new String[] { "单选", tag + "单选题" + i, "甲" + i, "乙" + i, "丙" + i, "丁" + i, "", "", "B", "解析-单选" + i,
					"2", "法律法规" });
		}
		for (int i = 0; i < multiples; i++) {
			rows.add(new String[] { "多选", tag + "多选题" + i, "甲", "乙", "丙", "丁", "", "", "AC", "解析-多选" + i, "3", "" });
		}
		for (int i = 0; i < trueFalse; i++) {
			rows.add(new String[] { "判断", tag + "判断题" + i, "", "", "", "", "", "", "对", "解析-判断" + i, "1", "" });
		}
		return rows;
	}

	public static long bank(MockMvc mvc, JsonMapper json, String bearer, String name, List<String[]> rows) throws Exception {
		MvcResult created = mvc.perform(post("/api/v1/question-banks").header("Authorization", bearer)
			.contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"" + name + "\"}")).andReturn();
		long id = json.readTree(created.getResponse().getContentAsString()).get("id").asLong();
		MvcResult imported = mvc.perform(multipart("/api/v1/question-banks/" + id + "/import").file(sheet(rows))
			.header("Authorization", bearer)).andReturn();
		if (imported.getResponse().getStatus() != 200) {
			throw new IllegalStateException(imported.getResponse().getContentAsString());
		}
		return id;
	}

	public static String quizBody(String title, long bankId, List<Long> orgIds, OffsetDateTime opens, OffsetDateTime closes,
			int limitSeconds, int attempts, int singles, int multiples, int trueFalse) {
		return "{\"title\":\"" + title + "\",\"bankId\":" + bankId + ",\"audience\":{\"orgIds\":" + orgIds
				+ "},\"opensAt\":\"" + opens + "\",\"closesAt\":\"" + closes + "\",\"timeLimitSeconds\":" + limitSeconds
				+ ",\"attemptsAllowed\":" + attempts + ",\"draw\":{\"SINGLE\":" + singles + ",\"MULTIPLE\":" + multiples
				+ ",\"TRUE_FALSE\":" + trueFalse + "}}";
	}

	public static long quiz(MockMvc mvc, JsonMapper json, String bearer, String body) throws Exception {
		MvcResult created = mvc.perform(post("/api/v1/quizzes").header("Authorization", bearer)
			.contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
		if (created.getResponse().getStatus() != 201) {
			throw new IllegalStateException(created.getResponse().getContentAsString());
		}
		return json.readTree(created.getResponse().getContentAsString()).get("id").asLong();
	}
}
