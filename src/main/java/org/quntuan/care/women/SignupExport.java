package org.quntuan.care.women;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.List;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.quntuan.platform.excel.ExcelDownload;
import org.quntuan.platform.excel.ExcelTable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The confirmed sign-ups as an .xlsx file for the hospital: names, organs, ages and whole mobiles, no
 * results. It names people with their numbers, so it goes to the access log.
 */
@Component
class SignupExport {

	private final ScreeningQueries queries;

	private final ScreeningRepository screenings;

	private final AuditLog audit;

	private final Clock clock;

	SignupExport(ScreeningQueries queries, ScreeningRepository screenings, AuditLog audit, Clock clock) {
		this.queries = queries;
		this.screenings = screenings;
		this.audit = audit;
		this.clock = clock;
	}

	ResponseEntity<byte[]> download(long id) {
		List<ScreeningRepository.SignupRow> rows = queries.confirmedForExport(id);
		ScreeningRepository.ScreeningRow s = screenings.find(id).orElseThrow();
		ExcelTable table = ExcelTable.create().sheet(Texts.localized("women.export.sheet"));
		table.title(Texts.localized("women.export.title", s.title()));
		table.line(Texts.localized("women.export.line", s.startsOn().toString(), s.endsOn().toString(), rows.size()));
		table.header(Arrays.stream(new String[] { "women.export.col.name", "women.export.col.organ", "women.export.col.age",
				"women.export.col.mobile", "women.export.col.signed-up-at" }).map(Texts::localized).toArray(String[]::new),
				new int[] { 12, 26, 8, 16, 18 });
		for (ScreeningRepository.SignupRow r : rows) {
			table.row()
				.text(r.name())
				.text(r.organName())
				.number(Period.between(r.birthDate(), s.startsOn()).getYears())
				.text(r.mobile())
				.time(r.signedUpAt());
		}
		byte[] file = table.bytes();
		audit.record(AuditType.PERSONAL_DATA_VIEW, "CARE_WOMEN_SIGNUP_EXPORT", id, AuditLog.SUCCESS,
				Texts.chinese("women.audit.exported", s.title(), rows.size()), s.ownerOrgPath());
		String name = Texts.localized("women.export.file", s.title(), LocalDate.now(clock.withZone(Zones.BUSINESS)).toString());
		return ResponseEntity.ok().headers(ExcelDownload.headers(name)).body(file);
	}
}
