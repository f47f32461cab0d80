package org.quntuan.finance.dues;

import java.io.Serializable;
import java.util.List;

import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.Text;

/**
 * A payroll file with wrong rows: nothing of it was written. The message sums up (and names the
 * first problem, for a page's flash); {@link #errors()} lists every row's problems.
 */
class PayrollRejected extends InvalidValueException {

	/** @param row the row as Excel numbers it (the header is row 1) */
	record RowError(int row, String column, String message) implements Serializable {
	}

	private final int rows;

	private final List<RowError> errors;

	PayrollRejected(int rows, List<RowError> errors) {
		super("file", summary(rows, errors));
		this.rows = rows;
		this.errors = List.copyOf(errors);
	}

	int rows() {
		return rows;
	}

	List<RowError> errors() {
		return errors;
	}

	private static Text summary(int rows, List<RowError> errors) {
		long wrongRows = errors.stream().mapToInt(RowError::row).distinct().count();
		RowError first = errors.get(0);
		return first.column() == null
				? Text.of("finance.pay.import.rejectedNoColumn", rows, wrongRows, first.row(), first.message())
				: Text.of("finance.pay.import.rejected", rows, wrongRows, first.row(), first.column(), first.message());
	}
}
