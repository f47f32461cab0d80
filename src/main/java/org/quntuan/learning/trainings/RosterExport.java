package org.quntuan.learning.trainings;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.platform.Zones;
import org.quntuan.platform.excel.ExcelDownload;
import org.quntuan.platform.excel.ExcelTable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** A class's roster as an .xlsx file, as scoped as the roster page; audited (it names people). */
@Component
class RosterExport {

	private final TrainingQueries queries;

	private final AuditLog audit;

	private final Clock clock;

	RosterExport(TrainingQueries queries, AuditLog audit, Clock clock) {
		this.queries = queries;
		this.audit = audit;
		this.clock = clock;
	}

	ResponseEntity<byte[]> download(long id) {
		queries.requireAdmin();
		TrainingViews.Detail t = queries.detail(id);
		byte[] file = write(t.title(), t.roster());
		audit.record(AuditType.EXPORT, "LEARNING_TRAINING_ROSTER_EXPORT", id, AuditLog.SUCCESS, "导出培训班名单：" + t.title()
				+ "，" + t.roster().size() + " 人", queries.ownerPath(id));
		String name = "培训班名单-" + t.title() + "-" + LocalDate.now(clock.withZone(Zones.BUSINESS)) + ".xlsx";
		return ResponseEntity.ok().headers(ExcelDownload.headers(name)).body(file);
	}

	static byte[] write(String title, List<TrainingViews.Trainee> roster) {
		ExcelTable table = ExcelTable.create().sheet("参训名单");
		table.title(title + " 参训名单");
		table.header(new String[] { "姓名", "单位", "名额所属", "推荐人", "推荐时间", "出勤（次）", "课程（次）", "结业", "证书编号" },
				new int[] { 12, 26, 20, 12, 18, 10, 10, 8, 18 });
		for (TrainingViews.Trainee t : roster) {
			table.row()
				.text(t.name())
				.text(t.organName())
				.text(t.quotaUnitName())
				.text(t.nominatorName())
				.time(t.nominatedAt())
				.number(t.attended())
				.number(t.sessions())
				.text(t.completed() == null ? "" : t.completed() ? "是" : "否")
				.text(t.certificateNumber() == null ? "" : t.certificateNumber());
		}
		return table.bytes();
	}
}
