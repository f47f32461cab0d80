package org.quntuan.finance.audits;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.ConflictException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.Text;
import org.quntuan.platform.TextInput;
import org.quntuan.platform.Texts;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The auditor's work on one audit: start it (the checklist is laid out), record the checklist's
 * results, sample entries of the audited year, and close it with a conclusion once every finding is
 * closed. Every command locks the audit's row, so that a close cannot race a new finding.
 */
@Service
@Transactional
@EnableConfigurationProperties(FundsAuditSettings.class)
class FundsAudits {

	static final int MAX_SAMPLE = 50;

	private final FundsAuditAccess access;

	private final FundsAuditSettings settings;

	private final FundsAuditRepository audits;

	private final AuditLog audit;

	private final Clock clock;

	FundsAudits(FundsAuditAccess access, FundsAuditSettings settings, FundsAuditRepository audits, AuditLog audit,
			Clock clock) {
		this.access = access;
		this.settings = settings;
		this.audits = audits;
		this.audit = audit;
		this.clock = clock;
	}

	/** PLANNED → IN_PROGRESS with the caller as the auditor and the standard checklist. */
	public void start(long auditId) {
		FundsAuditAccess.Ref a = access.performable(auditId);
		if (a.status() != FundsAuditStatus.PLANNED) {
			throw new ConflictException("finance.audit.error.started-already", a.status());
		}
		audits.markStarted(auditId, access.accountId(), OffsetDateTime.now(clock));
		List<String> items = settings.auditChecklist();
		for (int i = 0; i < items.size(); i++) {
			audits.insertCheck(auditId, i + 1, items.get(i));
		}
		audit.record(AuditType.UPDATE, "FIN_AUDIT", auditId, AuditLog.SUCCESS,
				Texts.chinese("finance.audit.record.started", a.book().name(), a.year()), a.book().path());
	}

	public void check(long auditId, int itemNo, String result, String note) {
		FundsAuditAccess.Ref a = access.performable(auditId);
		CheckResult r = CheckResult.parse(result);
		String n = TextInput.normalize(note);
		if (n != null && n.length() > 500) {
			throw new InvalidValueException("note", "finance.audit.error.note-too-long");
		}
		if (r == CheckResult.ISSUE && n == null) {
			throw new InvalidValueException("note", "finance.audit.error.issue-note");
		}
		requireUnderWay(a);
		int updated = audits.recordCheck(auditId, itemNo, r, n);
		if (updated == 0) {
			throw new NotFoundException("finance.audit.error.no-item", itemNo);
		}
	}

	/**
	 * Adds entries of the audited book to the sample: {@code count} drawn at random from the audited
	 * year's entries not sampled yet, or the one entry {@code txnId}. The draw is seeded by the audit
	 * and the sample's size, so it can be repeated when the sampling is questioned.
	 *
	 * @return the entries added
	 */
	public List<Long> sample(long auditId, Integer count, Long txnId, String note) {
		FundsAuditAccess.Ref a = access.performable(auditId);
		if ((count == null) == (txnId == null)) {
			throw new InvalidValueException("count", "finance.audit.error.sample-required");
		}
		if (count != null && (count < 1 || count > MAX_SAMPLE)) {
			throw new InvalidValueException("count", Text.of("finance.audit.error.sample-count", MAX_SAMPLE));
		}
		String n = TextInput.normalize(note);
		if (n != null && n.length() > 500) {
			throw new InvalidValueException("note", "finance.audit.error.sample-note-too-long");
		}
		if (txnId != null && !inBook(txnId, a.orgId())) {
			throw new InvalidValueException("txnId", Text.of("finance.audit.error.entry-not-in-book", txnId, a.book().name()));
		}
		requireUnderWay(a);
		List<Long> chosen;
		if (txnId != null) {
			if (sampled(auditId).contains(txnId)) {
				throw new ConflictException("finance.audit.error.sampled-already", txnId);
			}
			chosen = List.of(txnId);
		}
		else {
			chosen = draw(a, count);
		}
		OffsetDateTime now = OffsetDateTime.now(clock);
		for (long id : chosen) {
			audits.insertSample(auditId, id, n, now);
		}
		return chosen;
	}

	private List<Long> draw(FundsAuditAccess.Ref a, int count) {
		List<Long> already = sampled(a.id());
		List<Long> candidates = new ArrayList<>(audits.unsampled(a.id(), a.orgId(), LocalDate.of(a.year(), 1, 1),
				LocalDate.of(a.year(), 12, 31)));
		if (candidates.isEmpty()) {
			throw new BusinessRuleException("finance.audit.error.nothing-to-sample", a.book().name(), a.year());
		}
		Collections.shuffle(candidates, new Random(a.id() * 1_000_003L + already.size()));
		return List.copyOf(candidates.subList(0, Math.min(count, candidates.size())));
	}

	/** IN_PROGRESS or RECTIFYING → CLOSED, once the checklist is complete and every finding is closed. */
	public void close(long auditId, String conclusion) {
		FundsAuditAccess.Ref a = access.performable(auditId);
		String c = TextInput.normalize(conclusion);
		if (c == null) {
			throw new InvalidValueException("conclusion", "finance.audit.error.conclusion-required");
		}
		if (c.length() > 2000) {
			throw new InvalidValueException("conclusion", "finance.audit.error.conclusion-too-long");
		}
		if (a.status() == FundsAuditStatus.CLOSED) {
			throw new ConflictException("finance.audit.error.closed-already");
		}
		requireUnderWay(a);
		long unchecked = audits.countUnchecked(auditId);
		if (unchecked > 0) {
			throw new BusinessRuleException("finance.audit.error.unchecked", unchecked);
		}
		long open = audits.countOpenFindings(auditId);
		if (open > 0) {
			throw new BusinessRuleException("finance.audit.error.open-findings", open);
		}
		audits.markClosed(auditId, c, OffsetDateTime.now(clock));
		audit.record(AuditType.UPDATE, "FIN_AUDIT", auditId, AuditLog.SUCCESS,
				Texts.chinese("finance.audit.record.closed", a.book().name(), a.year()), a.book().path());
	}

	static void requireUnderWay(FundsAuditAccess.Ref a) {
		if (a.status() == FundsAuditStatus.PLANNED) {
			throw new BusinessRuleException("finance.audit.error.not-started");
		}
		if (a.status() == FundsAuditStatus.CLOSED) {
			throw new BusinessRuleException("finance.audit.error.closed");
		}
	}

	private boolean inBook(long txnId, long orgId) {
		return audits.txnInBook(txnId, orgId);
	}

	private List<Long> sampled(long auditId) {
		return audits.sampled(auditId);
	}
}
