package org.quntuan.member;

import java.io.Serializable;
import java.util.List;

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

	String summary() {
		return "共 " + total + " 行，其中 " + invalid + " 行有错误";
	}
}
