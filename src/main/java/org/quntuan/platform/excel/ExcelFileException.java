package org.quntuan.platform.excel;

import org.quntuan.platform.Text;
import org.quntuan.platform.Texts;

/**
 * An uploaded spreadsheet that cannot be read as a whole: not an .xlsx file, damaged or a zip bomb,
 * too large, too many rows or without the expected header. The message is shown to the user; the
 * status is the HTTP status of the answer.
 */
public class ExcelFileException extends RuntimeException implements Texts.UserMessage {

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

	private final transient Text text;

	/** {@code code}: a bundle key (or words already in the reader's language). */
	public ExcelFileException(Reason reason, String code) {
		this(reason, Text.of(code));
	}

	public ExcelFileException(Reason reason, Text text) {
		super(text.code());
		this.reason = reason;
		this.text = text;
	}

	public ExcelFileException(Reason reason, String code, Throwable cause) {
		super(code, cause);
		this.reason = reason;
		this.text = Text.of(code);
	}

	@Override
	public Text text() {
		return text;
	}

	/** In Chinese, for logs and tests; the answer shows {@link Texts#localized(Throwable)}. */
	@Override
	public String getMessage() {
		return Texts.chinese(text);
	}

	public Reason reason() {
		return reason;
	}

	public int status() {
		return reason.status();
	}
}
