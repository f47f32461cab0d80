package org.quntuan.learning.materials;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.platform.Zones;
import org.quntuan.platform.excel.ExcelDownload;
import org.quntuan.platform.excel.ExcelTable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** The progress board of an assignment as an .xlsx file, as scoped as the board; audited (it names people). */
@Component
class ProgressExport {

	private final LearningQueries queries;

	private final AuditLog audit;

	private final Clock clock;

	ProgressExport(LearningQueries queries, AuditLog audit, Clock clock) {
		this.queries = queries;
		this.audit = audit;
		this.clock = clock;
	}

	ResponseEntity<byte[]> download(long id) {
		LearningViews.Progress progress = queries.progress(id);
		byte[] file = write(progress);
		audit.record(AuditType.EXPORT, "LEARNING_PROGRESS_EXPORT", id, AuditLog.SUCCESS, "导出学习进度：" + progress.title()
				+ "，" + progress.totals().orgs() + " 个单位，" + progress.totals().people() + " 人");
		String name = "学习进度-" + progress.title() + "-" + LocalDate.now(clock.withZone(Zones.BUSINESS)) + ".xlsx";
		return ResponseEntity.ok().headers(ExcelDownload.headers(name)).body(file);
	}

	static byte[] write(LearningViews.Progress p) {
		ExcelTable table = ExcelTable.create().sheet("学习进度");
		table.title(p.title() + " 学习进度（完成期限 " + p.dueDate() + "）");
		table.line("学习资料：" + String.join("、", p.materials()));
		table.header(new String[] { "单位", "应学人数", "已完成", "完成率（%）", "未完成人员" }, new int[] { 26, 10, 10, 12, 60 });
		for (LearningViews.OrgProgress r : p.rows()) {
			table.row()
				.text(r.orgName())
				.number(r.people())
				.number(r.completed())
				.decimal(BigDecimal.valueOf(r.rate()))
				.text(String.join("、", r.notDone().stream().map(LearningViews.PersonRef::name).toList()));
		}
		table.totalRow().text("合计").number(p.totals().people()).number(p.totals().completed()).decimal(BigDecimal.valueOf(p.totals().rate()))
			.skip();
		return table.bytes();
	}
}
