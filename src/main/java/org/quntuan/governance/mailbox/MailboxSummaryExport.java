package org.quntuan.governance.mailbox;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.platform.Texts;
import org.quntuan.platform.excel.ExcelDownload;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The yearly summary as an .xlsx download, written to the audit log. */
@Component
class MailboxSummaryExport {

	static final String EXPORT = "GOV_MAILBOX_SUMMARY_EXPORT";

	private final LetterQueries queries;

	private final AuditLog audit;

	MailboxSummaryExport(LetterQueries queries, AuditLog audit) {
		this.queries = queries;
		this.audit = audit;
	}

	@Transactional
	ResponseEntity<byte[]> download(Integer year) {
		LetterQueries.Summary s = queries.summary(year);
		byte[] bytes = MailboxSummaryExcel.write(s);
		audit.record(AuditType.EXPORT, EXPORT, s.year(), AuditLog.SUCCESS, Texts.chinese("mailbox.audit.exported", s.year()));
		return ResponseEntity.ok().headers(ExcelDownload.headers(MailboxSummaryExcel.fileName(s.year()))).body(bytes);
	}
}
