package org.quntuan.notice.shared;

import java.math.BigDecimal;
import java.util.List;

import org.quntuan.platform.excel.ExcelTable;

/**
 * A small .xlsx of a few sheets (forms and rankings have at most some thousand rows), written through
 * {@link ExcelTable}: bold headers, numbers as numbers, every text (field labels included) neutralised.
 */
public final class ReportWorkbook implements AutoCloseable {

	private final ExcelTable table = ExcelTable.create();

	public ReportWorkbook sheet(String name, List<String> headers) {
		ExcelTable.Column[] columns = new ExcelTable.Column[headers.size()];
		for (int i = 0; i < columns.length; i++) {
			String title = headers.get(i);
			columns[i] = new ExcelTable.Column(title, Math.min(40, Math.max(10, title.length() * 2 + 4)));
		}
		table.sheet(name).header(columns);
		return this;
	}

	/** Numbers become numeric cells, everything else text; a null leaves its cell out. */
	public void row(List<?> values) {
		ExcelTable.Line line = table.row();
		for (Object v : values) {
			if (v == null) {
				line.skip();
			}
			else if (v instanceof BigDecimal d) {
				line.decimal(d);
			}
			else if (v instanceof Long || v instanceof Integer) {
				line.number(((Number) v).longValue());
			}
			else if (v instanceof Number n) {
				line.decimal(BigDecimal.valueOf(n.doubleValue()));
			}
			else {
				line.text(v.toString());
			}
		}
	}

	public byte[] bytes() {
		return table.bytes();
	}

	@Override
	public void close() {
		table.close();
	}
}
