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
import org.quntuan.platform.Text;
import org.quntuan.platform.TextInput;
import org.quntuan.platform.Texts;
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
		String description = required("description", in.description(), Text.of("finance.audit.field.description"), 2000);
		String rectification = required("rectification", in.rectification(), Text.of("finance.audit.field.rectification"), 2000);
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
				Texts.chinese("finance.audit.record.finding", a.book().name(), a.year(), severity, deadline.toString()),
				a.book().path());
		notices.findingRaised(a, id, severity, deadline, description);
		return id;
	}

	/** The union's account of its rectification, with an optional piece of evidence: OPEN → RESPONDED. */
	public void respond(long findingId, String response, Upload evidence) {
		Locked f = lock(findingId);
		access.requireResponder(f.audit().book());
		String text = required("response", response, Text.of("finance.audit.field.response"), 2000);
		if (f.status() == FindingStatus.RESPONDED) {
			throw new ConflictException("finance.audit.error.responded-already");
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
			throw new InvalidValueException("file", "finance.audit.error.evidence-required");
		}
		requireNotClosed(f);
		return store(f, evidence);
	}

	/** The auditor's verdict on a response: accepted (CLOSED) or returned with the reason (OPEN again). */
	public void decide(long findingId, Boolean accept, String comment) {
		Locked f = lock(findingId);
		access.requireAuditor(f.audit().book());
		if (accept == null) {
			throw new InvalidValueException("accept", "finance.audit.error.decision-required");
		}
		String c = TextInput.normalize(comment);
		if (c != null && c.length() > 500) {
			throw new InvalidValueException("comment", "finance.audit.error.comment-too-long");
		}
		if (!accept && c == null) {
			throw new InvalidValueException("comment", "finance.audit.error.return-reason");
		}
		requireNotClosed(f);
		if (f.status() != FindingStatus.RESPONDED) {
			throw new ConflictException("finance.audit.error.not-responded");
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
				accept ? Texts.chinese("finance.audit.record.accepted") : Texts.chinese("finance.audit.record.returned", c), f.audit().book().path());
	}

	/** An uploaded file: its name, content and announced size (-1 if unknown). */
	public record Upload(String name, InputStream content, long size) {
	}

	private StoredFile store(Locked f, Upload upload) {
		if (files.countOfOwner(OWNER, f.id()) >= MAX_FILES) {
			throw new InvalidValueException("file", Text.of("finance.audit.error.evidence-limit", MAX_FILES));
		}
		return files.store(OWNER, f.id(), upload.name(), upload.content(), upload.size(), EVIDENCE);
	}

	private Locked lock(long findingId) {
		Map<String, Object> row = audits.finding(findingId)
			.orElseThrow(() -> new NotFoundException("finance.audit.error.finding-not-found"));
		FundsAuditAccess.Ref audit;
		try {
			audit = access.readable(((Number) row.get("audit_id")).longValue());
		}
		catch (NotFoundException ex) {
			throw new NotFoundException("finance.audit.error.finding-not-found");
		}
		String status = audits.lockFinding(findingId);
		return new Locked(findingId, FindingStatus.valueOf(status), Journal.toDate(row.get("deadline")), audit);
	}

	private static void requireNotClosed(Locked f) {
		if (f.status() == FindingStatus.CLOSED) {
			throw new ConflictException("finance.audit.error.finding-closed");
		}
	}

	private long step(long findingId, String action, String note, OffsetDateTime now) {
		return audits.insertStep(findingId, action, note, access.accountId(), now);
	}

	private LocalDate deadline(String text) {
		String t = TextInput.compact(text);
		if (t == null) {
			throw new InvalidValueException("deadline", "finance.audit.error.deadline-required");
		}
		LocalDate date;
		try {
			date = LocalDate.parse(t);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidValueException("deadline", Text.of("finance.audit.error.deadline-format", text.strip()));
		}
		LocalDate today = LocalDate.now(clock.withZone(Zones.BUSINESS));
		if (date.isBefore(today)) {
			throw new InvalidValueException("deadline", "finance.audit.error.deadline-past");
		}
		// a year such as +10000000 parses, but the database cannot store it (a 500 otherwise)
		LocalDate latest = today.plusYears(MAX_DEADLINE_YEARS);
		if (date.isAfter(latest)) {
			throw new InvalidValueException("deadline",
					Text.of("finance.audit.error.deadline-too-late", MAX_DEADLINE_YEARS, latest.toString()));
		}
		return date;
	}

	private Set<Long> entries(List<Long> txnIds, FundsAuditAccess.Ref a) {
		if (txnIds == null || txnIds.isEmpty()) {
			return Set.of();
		}
		if (txnIds.stream().anyMatch(id -> id == null) || txnIds.size() > MAX_ENTRIES) {
			throw new InvalidValueException("txnIds", Text.of("finance.audit.error.entries-invalid", MAX_ENTRIES));
		}
		Set<Long> wanted = new LinkedHashSet<>(txnIds);
		Set<Long> inBook = Set.copyOf(audits.txnsInBook(a.orgId(), List.copyOf(wanted)));
		for (long id : wanted) {
			if (!inBook.contains(id)) {
				throw new InvalidValueException("txnIds", Text.of("finance.audit.error.entry-not-in-book", id, a.book().name()));
			}
		}
		return wanted;
	}

	private static String required(String field, String value, Text what, int max) {
		String v = TextInput.normalize(value);
		if (v == null) {
			throw new InvalidValueException(field, Text.of("finance.audit.error.required", what));
		}
		if (v.length() > max) {
			throw new InvalidValueException(field, Text.of("finance.audit.error.too-long", what, max));
		}
		return v;
	}
}
