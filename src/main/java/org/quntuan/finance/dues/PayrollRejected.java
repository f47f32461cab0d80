package org.quntuan.finance.dues;

import java.io.Serializable;
import java.util.List;

import org.quntuan.platform.InvalidValueException;

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

	private static String summary(int rows, List<RowError> errors) {
		long wrongRows = errors.stream().mapToInt(RowError::row).distinct().count();
		RowError first = errors.get(0);
		return "共 " + rows + " 行数据，其中 " + wrongRows + " 行有错误，未导入任何数据。第 " + first.row() + " 行"
				+ (first.column() == null ? "" : "“" + first.column() + "”") + "：" + first.message();
	}
}
