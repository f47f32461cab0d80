package org.quntuan.notice.forms;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.quntuan.notice.shared.ReportWorkbook;
import org.quntuan.platform.Text;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.springframework.stereotype.Component;

/** A form as .xlsx: one sheet with every target's values, one with the aggregate (overall and per 片组). */
@Component
public class FormExport {

	static String fileName(FormQueries.Sheet sheet) {
		return Texts.localized("notice.form.export.file", sheet.form().title().replaceAll("[\\\\/:*?\"<>|]", "_"));
	}

	byte[] write(FormQueries.Sheet s) {
		try (ReportWorkbook book = new ReportWorkbook()) {
			List<String> headers = new ArrayList<>(columns("group", "org", "status", "submitted-at"));
			s.fields().forEach(f -> headers.add(f.label()));
			book.sheet(Texts.localized("notice.form.export.responses-sheet"), headers);
			for (FormRepository.ResponseRow r : s.responses()) {
				List<Object> row = new ArrayList<>(List.of(nz(r.groupName()), r.orgName(),
						Texts.localized(Text.label(r.status())), time(r.submittedAt())));
				Map<Long, String> values = s.values().getOrDefault(r.id(), Map.of());
				for (FormField f : s.fields()) {
					String v = values.get(f.id());
					row.add(v == null ? null : f.numeric() ? new BigDecimal(v) : v);
				}
				book.row(row);
			}
			book.sheet(Texts.localized("notice.form.export.summary-sheet"),
					columns("scope", "field", "submitted", "sum", "average", "min", "max"));
			for (FormViews.FieldFigures x : s.aggregate().fields()) {
				String all = Texts.localized("notice.form.export.all", s.aggregate().submitted(), s.aggregate().targets());
				book.row(figures(all, x));
			}
			for (FormViews.GroupFigures g : s.aggregate().groups()) {
				for (FormViews.FieldFigures x : g.fields()) {
					book.row(figures(g.groupName(), x));
				}
			}
			return book.bytes();
		}
	}

	/** The column headers under {@code notice.form.export.col.<name>}, in the reader's language. */
	private static List<String> columns(String... names) {
		return Arrays.stream(names).map(n -> Texts.localized("notice.form.export.col." + n)).toList();
	}

	private static List<Object> figures(String scope, FormViews.FieldFigures x) {
		List<Object> row = new ArrayList<>();
		row.add(scope);
		row.add(x.label());
		row.add(x.count());
		row.add(x.sum());
		row.add(x.average());
		row.add(x.min());
		row.add(x.max());
		return row;
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}

	public static String time(OffsetDateTime t) {
		return t == null ? "" : t.atZoneSameInstant(Zones.BUSINESS).format(FormManagement.DEADLINE);
	}
}
