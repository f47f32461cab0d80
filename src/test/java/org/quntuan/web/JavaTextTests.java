package org.quntuan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.quntuan.support.Bundles;

/**
 * Texts users read come from the message bundles, in Java as in the templates: an error, a flash
 * message, an audit text or an Excel header is a key of {@code i18n/<module>.properties} put into words
 * by {@code platform.Texts}, so that the English interface is English throughout. A Chinese string
 * literal in the sources is one of the few kinds that are not such a text, and every key the sources
 * name exists in both languages.
 */
class JavaTextTests {

	private static final Path SOURCES = Path.of("src/main/java/org/quntuan");

	private static final Pattern CHINESE_LITERAL = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*[\\u4e00-\\u9fff](?:[^\"\\\\\\n]|\\\\.)*\"");

	/** A line whose Chinese is not a text shown through a bundle. */
	private static final Pattern ALLOWED_LINE = Pattern.compile(String.join("|",
			// an enum value's label: translated as label.<Chinese> in the English bundle (MessageBundlesTests)
			"^\\s*[A-Z][A-Z0-9_]*\\(\".*",
			// the API's documentation (OpenAPI) and the module names of Spring Modulith
			"@(Operation|Tag|Schema|Parameter|ApiResponse)\\(", "^\\s*(summary|description) = ", "displayName = ",
			// logs are for operators
			"\\blog\\.(trace|debug|info|warn|error)\\("));

	/**
	 * Whole files whose Chinese is a format or data rather than a message, each with why. Keep it short:
	 * a new entry needs a reason as good as these.
	 */
	private static final Map<String, String> ALLOWED_FILES = Map.ofEntries(
			Map.entry("audit/AuditLabels.java", "object types and results: labels, translated as label.<Chinese>"),
			Map.entry("organization/ReelectionFlows.java", "approval types and facts: labels, translated as label.<Chinese>"),
			Map.entry("member/ImportTemplate.java", "the import template: the Chinese file the import reads"),
			Map.entry("member/ImportCheck.java", "reads the template's header marks (必填)"),
			Map.entry("finance/dues/DuesExport.java", "the payroll import template: the Chinese file the import reads"),
			Map.entry("finance/dues/Payroll.java", "the payroll file's Chinese column names"),
			Map.entry("learning/quizzes/QuestionTemplate.java", "the question bank template: the Chinese file the import reads"),
			Map.entry("learning/quizzes/QuestionImportCheck.java", "reads the template's marks and answers (必填, 对, 错)"),
			Map.entry("learning/quizzes/QuestionValues.java", "the options of a true-false question, stored as data"),
			Map.entry("learning/quizzes/QuizViews.java", "a competition's phase as a code and label in the API"),
			Map.entry("platform/Pinyin.java", "a dictionary of surnames read differently"),
			Map.entry("platform/excel/ExcelText.java", "parses dates written 2020年1月5日"),
			Map.entry("activity/ActivityForm.java", "accepts 男 and 女 as typed"),
			Map.entry("activity/series/SeriesPlan.java", "the default themes, stored as data"),
			Map.entry("activity/ActivityNotifications.java", "the date pattern of notifications, stored in Chinese"),
			Map.entry("notice/forms/FormManagement.java", "the date pattern of notifications, stored in Chinese"),
			Map.entry("notice/notices/NoticeApiController.java", "read and unread as a code and label in the API"),
			Map.entry("approval/ApprovalReminders.java", "the system as actor, in SQL"),
			Map.entry("organization/TreeRoot.java", "the root organization's name, stored as data"),
			Map.entry("audit/AuditApiController.java", "the API's documentation"),
			Map.entry("finance/audits/FundsAuditSettings.java", "the default checklist (stored) and start-up errors for operators"),
			Map.entry("finance/dues/DuesSettings.java", "start-up errors for operators"),
			Map.entry("finance/expenses/ExpenseSettings.java", "start-up errors for operators"),
			Map.entry("organization/TermSettings.java", "start-up errors for operators"));

	/** A string that names a key of a feature's bundle ({@code "finance.journal.error.closed"}), or of the platform's. */
	private static final Pattern KEY_LITERAL = Pattern.compile("\"\\{?((?:platform|" + String.join("|", Bundles.baseNames()
		.stream().filter(b -> b.startsWith("i18n/")).map(b -> b.substring(5)).toList())
			+ ")\\.[A-Za-z0-9_.-]*[A-Za-z0-9])\\}?\"");

	@Test
	void noChineseSentenceIsWrittenIntoTheJavaSources() throws IOException {
		List<String> found = new ArrayList<>();
		for (Path file : javaFiles()) {
			String relative = SOURCES.relativize(file).toString().replace('\\', '/');
			if (relative.startsWith("demo/") || ALLOWED_FILES.containsKey(relative)) {
				continue;
			}
			List<String> lines = Files.readAllLines(file);
			boolean inComment = false;
			for (int i = 0; i < lines.size(); i++) {
				String line = lines.get(i);
				String code = line;
				if (inComment) {
					int end = code.indexOf("*/");
					if (end < 0) {
						continue;
					}
					code = code.substring(end + 2);
					inComment = false;
				}
				String trimmed = code.strip();
				if (trimmed.startsWith("//") || trimmed.startsWith("*")) {
					continue;
				}
				if (trimmed.startsWith("/*")) {
					inComment = !trimmed.contains("*/");
					continue;
				}
				if (CHINESE_LITERAL.matcher(code).find() && !ALLOWED_LINE.matcher(code).find()
						&& !continuesAnAnnotation(lines, i)) {
					found.add(relative + ":" + (i + 1) + ": " + trimmed);
				}
			}
		}
		assertThat(found).as("Chinese in Java: put it in i18n/<module>.properties and _en, and show it with "
				+ "Texts.localized (pages, API, downloads) or Texts.chinese (audit texts, stored texts)").isEmpty();
	}

	@Test
	void everyKeyTheSourcesNameIsInBothLanguages() throws IOException {
		Properties zh = Bundles.merged("");
		Properties en = Bundles.merged("en");
		List<String> missing = new ArrayList<>();
		for (Path file : javaFiles()) {
			String source = Files.readString(file);
			Matcher m = KEY_LITERAL.matcher(source);
			while (m.find()) {
				String key = m.group(1);
				if (zh.getProperty(key) == null || en.getProperty(key) == null) {
					missing.add(SOURCES.relativize(file) + ": " + key + (zh.getProperty(key) == null ? " (zh)" : "")
							+ (en.getProperty(key) == null ? " (en)" : ""));
				}
			}
		}
		assertThat(missing).as("keys the Java sources name but no bundle defines").isEmpty();
	}

	/** The second line of an annotation's text: {@code @Operation(summary = "…"\n + "…")}. */
	private static boolean continuesAnAnnotation(List<String> lines, int i) {
		for (int j = i; j >= 0 && j > i - 4; j--) {
			String line = lines.get(j);
			if (ALLOWED_LINE.matcher(line).find()) {
				return true;
			}
			if (j < i && (line.strip().endsWith(";") || line.strip().endsWith("{"))) {
				return false;
			}
		}
		return false;
	}

	private static List<Path> javaFiles() throws IOException {
		try (Stream<Path> files = Files.walk(SOURCES)) {
			return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
		}
	}
}
