package org.quntuan.learning.quizzes;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.quntuan.learning.LearningTexts;
import org.quntuan.platform.Text;
import org.quntuan.platform.TextInput;
import org.quntuan.platform.Texts;
import org.quntuan.platform.excel.ExcelFileException;
import org.quntuan.platform.excel.XlsxReader;

/**
 * Checks the rows of a question bank file: every problem named by its row (as Excel numbers it) and
 * its column (the Chinese header), all rows checked before anything is stored. Also checks a single
 * question given through the API, with the same rules. Knows no database and no request.
 */
final class QuestionImportCheck {

	/**
	 * @param row the row number as Excel shows it (the header is row 1); 0 for a question given through the API
	 * @param column the Chinese header of the column
	 */
	record RowError(int row, String column, @JsonIgnore Text text) {

		/** In Chinese, for logs and tests. */
		String message() {
			return Texts.chinese(text);
		}

		/** In the language of the request: the {@code message} the API answers and the page shows. */
		@JsonProperty("message")
		public String localized() {
			return Texts.localized(text);
		}
	}

	/** A data row: its number in Excel and its cells by column. */
	record Row(int number, EnumMap<QuestionColumn, String> cells) {
	}

	/** @param values the questions in row order; complete only when there are no errors */
	record Result(int total, List<RowError> errors, int invalidRows, List<QuestionValues> values) {

		boolean ok() {
			return errors.isEmpty();
		}
	}

	static final int MAX_TEXT = 2000;

	static final int MAX_OPTION = 500;

	static final int MAX_TAG = 20;

	static final int MAX_TAGS = 200;

	private QuestionImportCheck() {
	}

	/** Which sheet column holds which template column, read from the header row (a trailing * is allowed). */
	static Map<QuestionColumn, Integer> columns(XlsxReader.Row header) {
		Map<QuestionColumn, Integer> found = new EnumMap<>(QuestionColumn.class);
		for (int i = 0; i < header.cells().size(); i++) {
			String text = TextInput.compact(header.cell(i));
			if (text == null) {
				continue;
			}
			String name = text.replace("*", "").replace("(必填)", "").replace("（必填）", "").toUpperCase();
			for (QuestionColumn c : QuestionColumn.values()) {
				if (c.header().toUpperCase().equals(name) && !found.containsKey(c)) {
					found.put(c, i);
				}
			}
		}
		List<String> missing = new ArrayList<>();
		for (QuestionColumn c : QuestionColumn.values()) {
			if (c.required() && !found.containsKey(c)) {
				missing.add(c.header());
			}
		}
		if (!missing.isEmpty()) {
			throw new ExcelFileException(ExcelFileException.Reason.BAD_LAYOUT, Texts.localized("quiz.check.header-missing",
					header.number(), LearningTexts.list(missing), QuestionColumn.allHeaders()));
		}
		return found;
	}

	static Row row(XlsxReader.Row sheetRow, Map<QuestionColumn, Integer> columns) {
		EnumMap<QuestionColumn, String> cells = new EnumMap<>(QuestionColumn.class);
		columns.forEach((column, index) -> {
			String v = sheetRow.cell(index);
			if (v != null) {
				cells.put(column, v);
			}
		});
		return new Row(sheetRow.number(), cells);
	}

	/** @param existing the bank's questions as {@code TYPE:text}, which the file may not repeat */
	static Result check(List<Row> rows, Set<String> existing) {
		List<RowError> errors = new ArrayList<>();
		List<QuestionValues> values = new ArrayList<>();
		Map<String, Integer> textRows = new HashMap<>();
		Set<Integer> invalid = new LinkedHashSet<>();
		for (Row row : rows) {
			int before = errors.size();
			QuestionValues q = question(row.cells(),
					(column, message) -> errors.add(new RowError(row.number(), column.header(), message)));
			if (q != null) {
				String key = q.type() + ":" + q.text();
				Integer first = textRows.putIfAbsent(key, row.number());
				if (existing.contains(key)) {
					errors.add(new RowError(row.number(), QuestionColumn.TEXT.header(), Text.of("quiz.check.duplicate-in-bank")));
				}
				else if (first != null) {
					errors.add(new RowError(row.number(), QuestionColumn.TEXT.header(), Text.of("quiz.check.duplicate-row", first)));
				}
				else {
					values.add(q);
				}
			}
			if (errors.size() > before) {
				invalid.add(row.number());
			}
		}
		return new Result(rows.size(), errors, invalid.size(), invalid.isEmpty() ? values : List.of());
	}

	/** The question the cells describe, or null after reporting every problem found. */
	static QuestionValues question(Map<QuestionColumn, String> cells, BiConsumer<QuestionColumn, Text> problem) {
		int[] problems = { 0 };
		BiConsumer<QuestionColumn, Text> report = (c, m) -> {
			problems[0]++;
			problem.accept(c, m);
		};
		QuestionType type = type(cells.get(QuestionColumn.TYPE), report);
		int beforeText = problems[0];
		String text = longText(QuestionColumn.TEXT, cells.get(QuestionColumn.TEXT), MAX_TEXT, report);
		if (text == null && problems[0] == beforeText) {
			report.accept(QuestionColumn.TEXT, Text.of("quiz.check.text-required"));
		}
		List<String> options = options(type, cells, report);
		String answer = answer(type, options, cells.get(QuestionColumn.ANSWER), report);
		String explanation = longText(QuestionColumn.EXPLANATION, cells.get(QuestionColumn.EXPLANATION), MAX_TEXT, report);
		int score = score(cells.get(QuestionColumn.SCORE), report);
		String tags = tags(cells.get(QuestionColumn.TAGS), report);
		if (problems[0] > 0) {
			return null;
		}
		return new QuestionValues(type, text, options, answer, explanation, score, tags);
	}

	private static QuestionType type(String cell, BiConsumer<QuestionColumn, Text> report) {
		String v = TextInput.compact(cell);
		if (v == null) {
			report.accept(QuestionColumn.TYPE, Text.of("quiz.check.type-required"));
			return null;
		}
		for (QuestionType t : QuestionType.values()) {
			if (t.label().equals(v) || (t.label() + "题").equals(v) || t.name().equalsIgnoreCase(v)) {
				return t;
			}
		}
		report.accept(QuestionColumn.TYPE, Text.of("quiz.check.type-invalid", v));
		return null;
	}

	private static String longText(QuestionColumn column, String cell, int max, BiConsumer<QuestionColumn, Text> report) {
		String v;
		try {
			v = TextInput.text(column.name(), cell);
		}
		catch (RuntimeException ex) {
			report.accept(column, Text.of("quiz.check.unreadable", column.header()));
			return null;
		}
		if (v != null && v.length() > max) {
			report.accept(column, Text.of("quiz.check.too-long", column.header(), max, v.length()));
			return null;
		}
		return v;
	}

	/** The options as filled in (A, B, … without gaps); for true/false the fixed 对 and 错; null after a gap. */
	private static List<String> options(QuestionType type, Map<QuestionColumn, String> cells,
			BiConsumer<QuestionColumn, Text> report) {
		List<String> filled = new ArrayList<>();
		int last = -1;
		for (int i = 0; i < QuestionColumn.LETTERS.length(); i++) {
			QuestionColumn column = QuestionColumn.option(i);
			String v = longText(column, cells.get(column), MAX_OPTION, report);
			filled.add(v);
			if (v != null || cells.get(column) != null) {
				last = i;
			}
		}
		if (type == QuestionType.TRUE_FALSE) {
			if (last >= 0) {
				report.accept(QuestionColumn.option(last), Text.of("quiz.check.true-false-options"));
			}
			return QuestionValues.TRUE_FALSE_OPTIONS;
		}
		List<String> options = new ArrayList<>();
		for (int i = 0; i <= last; i++) {
			if (filled.get(i) == null) {
				report.accept(QuestionColumn.option(i), Text.of("quiz.check.options-gap", QuestionColumn.option(i).header()));
				return null;
			}
			options.add(filled.get(i));
		}
		if (type != null && options.size() < 2) {
			report.accept(options.isEmpty() ? QuestionColumn.OPTION_A : QuestionColumn.OPTION_B,
					Text.of("quiz.check.options-too-few", type));
		}
		if (new LinkedHashSet<>(options).size() < options.size()) {
			report.accept(QuestionColumn.OPTION_A, Text.of("quiz.check.options-repeated"));
		}
		return options;
	}

	private static String answer(QuestionType type, List<String> options, String cell,
			BiConsumer<QuestionColumn, Text> report) {
		String v = TextInput.compact(cell);
		if (v == null) {
			report.accept(QuestionColumn.ANSWER, Text.of("quiz.check.answer-required"));
			return null;
		}
		if (type == null || options == null) {
			return null;
		}
		if (type == QuestionType.TRUE_FALSE) {
			return switch (v) {
				case "对", "正确" -> "A";
				case "错", "错误" -> "B";
				default -> {
					report.accept(QuestionColumn.ANSWER, Text.of("quiz.check.answer-true-false", v));
					yield null;
				}
			};
		}
		String letters = v.toUpperCase().replaceAll("[,，、;；/]", "");
		TreeSet<Character> chosen = new TreeSet<>();
		for (char c : letters.toCharArray()) {
			if (QuestionColumn.LETTERS.indexOf(c) < 0) {
				report.accept(QuestionColumn.ANSWER, Text.of("quiz.check.answer-letters", v));
				return null;
			}
			if (!chosen.add(c)) {
				report.accept(QuestionColumn.ANSWER, Text.of("quiz.check.answer-letter-twice", String.valueOf(c)));
				return null;
			}
			if (QuestionColumn.LETTERS.indexOf(c) >= options.size()) {
				report.accept(QuestionColumn.ANSWER, Text.of("quiz.check.answer-not-an-option", String.valueOf(c),
						options.isEmpty() ? "A" : String.valueOf(QuestionColumn.LETTERS.charAt(options.size() - 1))));
				return null;
			}
		}
		if (type == QuestionType.SINGLE && chosen.size() != 1) {
			report.accept(QuestionColumn.ANSWER, Text.of("quiz.check.answer-single", v));
			return null;
		}
		if (type == QuestionType.MULTIPLE && chosen.size() < 2) {
			report.accept(QuestionColumn.ANSWER, Text.of("quiz.check.answer-multiple"));
			return null;
		}
		StringBuilder sb = new StringBuilder();
		chosen.forEach(sb::append);
		return sb.toString();
	}

	private static int score(String cell, BiConsumer<QuestionColumn, Text> report) {
		String v = TextInput.compact(cell);
		if (v == null) {
			return 1;
		}
		try {
			int score = Integer.parseInt(v);
			if (score >= 1 && score <= 100) {
				return score;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		report.accept(QuestionColumn.SCORE, Text.of("quiz.check.score-invalid", v));
		return 0;
	}

	private static String tags(String cell, BiConsumer<QuestionColumn, Text> report) {
		String v = TextInput.normalize(cell);
		if (v == null) {
			return null;
		}
		Set<String> tags = new LinkedHashSet<>();
		for (String tag : v.split("[,，、;；]")) {
			String t = tag.strip();
			if (t.isEmpty()) {
				continue;
			}
			if (t.length() > MAX_TAG) {
				report.accept(QuestionColumn.TAGS, Text.of("quiz.check.tag-too-long", t, MAX_TAG));
				return null;
			}
			tags.add(t);
		}
		String joined = String.join(",", tags);
		if (joined.length() > MAX_TAGS) {
			report.accept(QuestionColumn.TAGS, Text.of("quiz.check.tags-too-long", MAX_TAGS));
			return null;
		}
		return joined.isEmpty() ? null : joined;
	}
}
