package org.quntuan.notice.forms;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.quntuan.notice.shared.ReportWorkbook;
import org.quntuan.platform.Zones;
import org.springframework.stereotype.Component;

/** A form as .xlsx: one sheet with every target's values, one with the aggregate (overall and per 片组). */
@Component
public class FormExport {

	static String fileName(FormQueries.Sheet sheet) {
		return "统计报表-" + sheet.form().title().replaceAll("[\\\\/:*?\"<>|]", "_") + ".xlsx";
	}

	byte[] write(FormQueries.Sheet s) {
		try (ReportWorkbook book = new ReportWorkbook()) {
			List<String> headers = new ArrayList<>(List.of("片组", "填报组织", "状态", "提交时间"));
			s.fields().forEach(f -> headers.add(f.label()));
			book.sheet("填报情况", headers);
			for (FormRepository.ResponseRow r : s.responses()) {
				List<Object> row = new ArrayList<>(List.of(nz(r.groupName()), r.orgName(), r.status().label(),
						time(r.submittedAt())));
				Map<Long, String> values = s.values().getOrDefault(r.id(), Map.of());
				for (FormField f : s.fields()) {
					String v = values.get(f.id());
					row.add(v == null ? null : f.numeric() ? new BigDecimal(v) : v);
				}
				book.row(row);
			}
			book.sheet("汇总", List.of("范围", "填报项", "已提交", "合计", "平均", "最小", "最大"));
			for (FormViews.FieldFigures x : s.aggregate().fields()) {
				book.row(figures("全部（已提交 " + s.aggregate().submitted() + " / " + s.aggregate().targets() + "）", x));
			}
			for (FormViews.GroupFigures g : s.aggregate().groups()) {
				for (FormViews.FieldFigures x : g.fields()) {
					book.row(figures(g.groupName(), x));
				}
			}
			return book.bytes();
		}
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
