package org.quntuan.platform.excel;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.quntuan.platform.TextInput;

/** Text going into and coming out of spreadsheets. */
public final class ExcelText {

	/** 2020-01-05, 2020/1/5, 2020.1.5, 2020年1月5日 (with full-width digits too). */
	private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*(?:[-/.]|年)\\s*(\\d{1,2})\\s*(?:[-/.]|月)\\s*(\\d{1,2})\\s*日?");

	private ExcelText() {
	}

	/**
	 * A value that a spreadsheet program could take for a formula (= + - @, a tab or a carriage
	 * return at the start) gets a leading apostrophe, so that opening an export never runs anything.
	 */
	public static String neutralise(String value) {
		if (value == null || value.isEmpty()) {
			return value;
		}
		char first = value.charAt(0);
		if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
			return "'" + value;
		}
		return value;
	}

	/**
	 * A date typed as text in any of the usual ways, or an ISO date that {@link XlsxReader} made of a
	 * real date cell; null for blank.
	 *
	 * @throws DateTimeException if it is no date
	 */
	public static LocalDate parseDate(String text) {
		String v = TextInput.normalize(text);
		if (v == null) {
			return null;
		}
		v = TextInput.compact(v);
		Matcher m = DATE.matcher(v);
		if (!m.matches()) {
			throw new DateTimeException("not a date: " + v);
		}
		return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
	}
}
