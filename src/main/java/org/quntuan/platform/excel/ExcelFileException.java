package org.quntuan.platform.excel;

import org.quntuan.platform.Text;
import org.quntuan.platform.UserMessageException;

/**
 * An uploaded spreadsheet that cannot be read as a whole: not an .xlsx file, damaged or a zip bomb,
 * too large, too many rows or without the expected header. The message is shown to the user; the
 * status is the HTTP status of the answer.
 */
public class ExcelFileException extends UserMessageException {

	public enum Reason {
		/** Not an Excel 2007+ workbook, whatever its name (415). */
		NOT_XLSX(415),
		/** Damaged, unreadable or suspicious (a zip bomb) (400). */
		DAMAGED(400),
		/** Over the configured file size (413). */
		TOO_LARGE(413),
		/** Over the configured number of data rows (422). */
		TOO_MANY_ROWS(422),
		/** The header row lacks a required column, or there are no data rows (422). */
		BAD_LAYOUT(422);

		private final int status;

		Reason(int status) {
			this.status = status;
		}

		public int status() {
			return status;
		}
	}

	private final Reason reason;

	/** {@code code}: a bundle key (or words already in the reader's language). */
	public ExcelFileException(Reason reason, String code) {
		this(reason, Text.of(code));
	}

	public ExcelFileException(Reason reason, Text text) {
		super(text);
		this.reason = reason;
	}

	public ExcelFileException(Reason reason, String code, Throwable cause) {
		super(Text.of(code), cause);
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}

	public int status() {
		return reason.status();
	}
}
