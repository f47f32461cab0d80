package org.quntuan.member;

import java.io.Serializable;
import java.util.List;

import org.quntuan.platform.Text;
import org.quntuan.platform.Texts;

/**
 * What a check of an import file found: rows in all, rows without problems, rows with problems and
 * the problems themselves (at most {@link #MAX_ERRORS}, by row).
 */
public record ImportReport(int total, int valid, int invalid, List<RowError> errors) {

	/** More would only make the answer large; the first ones show what to fix. */
	public static final int MAX_ERRORS = 1000;

	/**
	 * @param row the row number as Excel shows it (the header is row 1)
	 * @param column the Chinese header of the column
	 */
	public record RowError(int row, String column, String message) implements Serializable {
	}

	/** The answer of a real import. */
	public record Imported(int imported) {
	}

	static ImportReport of(ImportCheck.Result result) {
		List<RowError> errors = result.errors();
		return new ImportReport(result.total(), result.total() - result.invalidRows(), result.invalidRows(),
				errors.size() > MAX_ERRORS ? List.copyOf(errors.subList(0, MAX_ERRORS)) : errors);
	}

	/** "共 12 行，其中 3 行有错误", in the reader's language. */
	String summary() {
		return Texts.localized(summaryText());
	}

	Text summaryText() {
		return Text.of("member.import.summary", total, invalid);
	}
}
