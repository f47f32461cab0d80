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
import org.quntuan.platform.TextInput;
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
			throw new ConflictException("该审计已开始（" + a.status().label() + "），不能重复开始");
		}
		audits.markStarted(auditId, access.accountId(), OffsetDateTime.now(clock));
		List<String> items = settings.auditChecklist();
		for (int i = 0; i < items.size(); i++) {
			audits.insertCheck(auditId, i + 1, items.get(i));
		}
		audit.record(AuditType.UPDATE, "FIN_AUDIT", auditId, AuditLog.SUCCESS,
				"开始审计 " + a.book().name() + " " + a.year() + " 年度经费", a.book().path());
	}

	public void check(long auditId, int itemNo, String result, String note) {
		FundsAuditAccess.Ref a = access.performable(auditId);
		CheckResult r = CheckResult.parse(result);
		String n = TextInput.normalize(note);
		if (n != null && n.length() > 500) {
			throw new InvalidValueException("note", "检查说明不能超过 500 字");
		}
		if (r == CheckResult.ISSUE && n == null) {
			throw new InvalidValueException("note", "检查结果为“存在问题”时，请说明发现的问题");
		}
		requireUnderWay(a);
		int updated = audits.recordCheck(auditId, itemNo, r, n);
		if (updated == 0) {
			throw new NotFoundException("检查清单中没有第 " + itemNo + " 项");
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
			throw new InvalidValueException("count", "请填写随机抽查的凭证数量，或指定一张凭证的凭证号");
		}
		if (count != null && (count < 1 || count > MAX_SAMPLE)) {
			throw new InvalidValueException("count", "一次抽查的凭证数量应在 1 到 " + MAX_SAMPLE + " 之间");
		}
		String n = TextInput.normalize(note);
		if (n != null && n.length() > 500) {
			throw new InvalidValueException("note", "抽查说明不能超过 500 字");
		}
		if (txnId != null && !inBook(txnId, a.orgId())) {
			throw new InvalidValueException("txnId", "凭证 " + txnId + " 不存在或不属于被审计账簿（" + a.book().name() + "）");
		}
		requireUnderWay(a);
		List<Long> chosen;
		if (txnId != null) {
			if (sampled(auditId).contains(txnId)) {
				throw new ConflictException("凭证 " + txnId + " 已在抽查样本中");
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
			throw new BusinessRuleException(a.book().name() + " " + a.year() + " 年度没有尚未抽查的凭证");
		}
		Collections.shuffle(candidates, new Random(a.id() * 1_000_003L + already.size()));
		return List.copyOf(candidates.subList(0, Math.min(count, candidates.size())));
	}

	/** IN_PROGRESS or RECTIFYING → CLOSED, once the checklist is complete and every finding is closed. */
	public void close(long auditId, String conclusion) {
		FundsAuditAccess.Ref a = access.performable(auditId);
		String c = TextInput.normalize(conclusion);
		if (c == null) {
			throw new InvalidValueException("conclusion", "请填写审计结论");
		}
		if (c.length() > 2000) {
			throw new InvalidValueException("conclusion", "审计结论不能超过 2000 字");
		}
		if (a.status() == FundsAuditStatus.CLOSED) {
			throw new ConflictException("该审计已结束");
		}
		requireUnderWay(a);
		long unchecked = audits.countUnchecked(auditId);
		if (unchecked > 0) {
			throw new BusinessRuleException("检查清单还有 " + unchecked + " 项未填写检查结果，不能结束审计");
		}
		long open = audits.countOpenFindings(auditId);
		if (open > 0) {
			throw new BusinessRuleException("还有 " + open + " 项审计发现的问题尚未整改销号，不能结束审计");
		}
		audits.markClosed(auditId, c, OffsetDateTime.now(clock));
		audit.record(AuditType.UPDATE, "FIN_AUDIT", auditId, AuditLog.SUCCESS,
				"结束审计 " + a.book().name() + " " + a.year() + " 年度经费", a.book().path());
	}

	static void requireUnderWay(FundsAuditAccess.Ref a) {
		if (a.status() == FundsAuditStatus.PLANNED) {
			throw new BusinessRuleException("审计尚未开始，请先开始审计");
		}
		if (a.status() == FundsAuditStatus.CLOSED) {
			throw new BusinessRuleException("该审计已结束，不能再修改");
		}
	}

	private boolean inBook(long txnId, long orgId) {
		return audits.txnInBook(txnId, orgId);
	}

	private List<Long> sampled(long auditId) {
		return audits.sampled(auditId);
	}
}
