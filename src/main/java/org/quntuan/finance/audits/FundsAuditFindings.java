package org.quntuan.finance.audits;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.finance.Journal;
import org.quntuan.platform.ConflictException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.TextInput;
import org.quntuan.platform.Zones;
import org.quntuan.platform.files.FileKind;
import org.quntuan.platform.files.FileStorage;
import org.quntuan.platform.files.StoredFile;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Findings of an audit and their rectification: the auditor raises a finding (the audit moves to
 * RECTIFYING and the union's keepers are told), the union responds with evidence, the auditor
 * accepts (the finding is closed) or returns it (open again, with the reason on record).
 */
@Service
@Transactional
class FundsAuditFindings {

	static final String OWNER = "FIN_FINDING";

	static final Set<FileKind> EVIDENCE = Set.of(FileKind.PDF, FileKind.PNG, FileKind.JPEG, FileKind.DOCX, FileKind.XLSX);

	static final int MAX_ENTRIES = 100;

	static final int MAX_FILES = 20;

	/** A rectification deadline is at most this many years from today. */
	static final int MAX_DEADLINE_YEARS = 5;

	public record FindingInput(String severity, String description, String rectification, String deadline,
			List<Long> txnIds) {
	}

	/** A finding with its audit, the finding's row locked. */
	record Locked(long id, FindingStatus status, LocalDate deadline, FundsAuditAccess.Ref audit) {
	}

	private final FundsAuditAccess access;

	private final FundsAuditNotifications notices;

	private final FileStorage files;

	private final FundsAuditRepository audits;

	private final AuditLog audit;

	private final Clock clock;

	FundsAuditFindings(FundsAuditAccess access, FundsAuditNotifications notices, FileStorage files, FundsAuditRepository audits,
			AuditLog audit, Clock clock) {
		this.access = access;
		this.notices = notices;
		this.files = files;
		this.audits = audits;
		this.audit = audit;
		this.clock = clock;
	}

	/** @return the new finding's id */
	public long raise(long auditId, FindingInput in) {
		FundsAuditAccess.Ref a = access.performable(auditId);
		FindingSeverity severity = FindingSeverity.parse(in.severity());
		String description = required("description", in.description(), "问题描述", 2000);
		String rectification = required("rectification", in.rectification(), "整改要求", 2000);
		LocalDate deadline = deadline(in.deadline());
		Set<Long> entries = entries(in.txnIds(), a);
		FundsAudits.requireUnderWay(a);
		OffsetDateTime now = OffsetDateTime.now(clock);
		long id = audits.insertFinding(auditId, severity, description, rectification, deadline, now);
		for (long txn : entries) {
			audits.insertEntry(id, txn);
		}
		audits.markRectifying(auditId);
		audit.record(AuditType.CREATE, "FIN_AUDIT_FINDING", id, AuditLog.SUCCESS,
				a.book().name() + " " + a.year() + " 年度审计发现" + severity.label() + "问题，整改期限 " + deadline,
				a.book().path());
		notices.findingRaised(a, id, severity, deadline, description);
		return id;
	}

	/** The union's account of its rectification, with an optional piece of evidence: OPEN → RESPONDED. */
	public void respond(long findingId, String response, Upload evidence) {
		Locked f = lock(findingId);
		access.requireResponder(f.audit().book());
		String text = required("response", response, "整改情况", 2000);
		if (f.status() == FindingStatus.RESPONDED) {
			throw new ConflictException("已反馈整改情况，正等待经审委员审核");
		}
		requireNotClosed(f);
		if (evidence != null) {
			store(f, evidence);
		}
		OffsetDateTime now = OffsetDateTime.now(clock);
		audits.markResponded(findingId, text, now, access.accountId());
		long step = step(findingId, "RESPONDED", text, now);
		notices.responded(f.audit(), findingId, step, text);
	}

	/** A file of evidence, before or with the response; not once the finding is closed. */
	public StoredFile attach(long findingId, Upload evidence) {
		Locked f = lock(findingId);
		access.requireResponder(f.audit().book());
		if (evidence == null) {
			throw new InvalidValueException("file", "请选择要上传的整改佐证材料");
		}
		requireNotClosed(f);
		return store(f, evidence);
	}

	/** The auditor's verdict on a response: accepted (CLOSED) or returned with the reason (OPEN again). */
	public void decide(long findingId, Boolean accept, String comment) {
		Locked f = lock(findingId);
		access.requireAuditor(f.audit().book());
		if (accept == null) {
			throw new InvalidValueException("accept", "请选择通过（销号）或退回重新整改");
		}
		String c = TextInput.normalize(comment);
		if (c != null && c.length() > 500) {
			throw new InvalidValueException("comment", "审核意见不能超过 500 字");
		}
		if (!accept && c == null) {
			throw new InvalidValueException("comment", "退回重新整改时，请说明理由");
		}
		requireNotClosed(f);
		if (f.status() != FindingStatus.RESPONDED) {
			throw new ConflictException("被审计单位尚未反馈整改情况，暂不能审核");
		}
		OffsetDateTime now = OffsetDateTime.now(clock);
		if (accept) {
			audits.closeFinding(findingId, now);
			step(findingId, "ACCEPTED", c, now);
		}
		else {
			audits.reopenFinding(findingId);
			long step = step(findingId, "RETURNED", c, now);
			notices.returned(f.audit(), findingId, step, f.deadline(), c);
		}
		audit.record(AuditType.UPDATE, "FIN_AUDIT_FINDING", findingId, AuditLog.SUCCESS,
				accept ? "整改销号" : "退回重新整改：" + c, f.audit().book().path());
	}

	/** An uploaded file: its name, content and announced size (-1 if unknown). */
	public record Upload(String name, InputStream content, long size) {
	}

	private StoredFile store(Locked f, Upload upload) {
		if (files.countOfOwner(OWNER, f.id()) >= MAX_FILES) {
			throw new InvalidValueException("file", "每个问题最多上传 " + MAX_FILES + " 份佐证材料");
		}
		return files.store(OWNER, f.id(), upload.name(), upload.content(), upload.size(), EVIDENCE);
	}

	private Locked lock(long findingId) {
		Map<String, Object> row = audits.finding(findingId)
			.orElseThrow(() -> new NotFoundException("审计问题不存在或无权访问"));
		FundsAuditAccess.Ref audit;
		try {
			audit = access.readable(((Number) row.get("audit_id")).longValue());
		}
		catch (NotFoundException ex) {
			throw new NotFoundException("审计问题不存在或无权访问");
		}
		String status = audits.lockFinding(findingId);
		return new Locked(findingId, FindingStatus.valueOf(status), Journal.toDate(row.get("deadline")), audit);
	}

	private static void requireNotClosed(Locked f) {
		if (f.status() == FindingStatus.CLOSED) {
			throw new ConflictException("该问题已整改销号，不能再修改");
		}
	}

	private long step(long findingId, String action, String note, OffsetDateTime now) {
		return audits.insertStep(findingId, action, note, access.accountId(), now);
	}

	private LocalDate deadline(String text) {
		String t = TextInput.compact(text);
		if (t == null) {
			throw new InvalidValueException("deadline", "请填写整改期限");
		}
		LocalDate date;
		try {
			date = LocalDate.parse(t);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidValueException("deadline", "整改期限“" + text.strip() + "”格式不正确，应为 2026-12-31 这样的日期");
		}
		LocalDate today = LocalDate.now(clock.withZone(Zones.BUSINESS));
		if (date.isBefore(today)) {
			throw new InvalidValueException("deadline", "整改期限不能早于今天");
		}
		// a year such as +10000000 parses, but the database cannot store it (a 500 otherwise)
		LocalDate latest = today.plusYears(MAX_DEADLINE_YEARS);
		if (date.isAfter(latest)) {
			throw new InvalidValueException("deadline",
					"整改期限最晚为 " + MAX_DEADLINE_YEARS + " 年后（" + latest + "），请核对日期");
		}
		return date;
	}

	private Set<Long> entries(List<Long> txnIds, FundsAuditAccess.Ref a) {
		if (txnIds == null || txnIds.isEmpty()) {
			return Set.of();
		}
		if (txnIds.stream().anyMatch(id -> id == null) || txnIds.size() > MAX_ENTRIES) {
			throw new InvalidValueException("txnIds", "关联凭证无效：不能有空值，且最多关联 " + MAX_ENTRIES + " 张");
		}
		Set<Long> wanted = new LinkedHashSet<>(txnIds);
		Set<Long> inBook = Set.copyOf(audits.txnsInBook(a.orgId(), List.copyOf(wanted)));
		for (long id : wanted) {
			if (!inBook.contains(id)) {
				throw new InvalidValueException("txnIds", "凭证 " + id + " 不存在或不属于被审计账簿（" + a.book().name() + "）");
			}
		}
		return wanted;
	}

	private static String required(String field, String value, String what, int max) {
		String v = TextInput.normalize(value);
		if (v == null) {
			throw new InvalidValueException(field, "请填写" + what);
		}
		if (v.length() > max) {
			throw new InvalidValueException(field, what + "不能超过 " + max + " 字");
		}
		return v;
	}
}
