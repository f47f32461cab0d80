package org.quntuan.care.hardship;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.quntuan.approval.ApprovalManagement;
import org.quntuan.approval.ApprovalRef;
import org.quntuan.approval.ApprovalRequest;
import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.finance.Amounts;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.Text;
import org.quntuan.platform.TextInput;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.quntuan.platform.files.FileStorage;
import org.quntuan.platform.files.StoredFile;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 困难会员补助 applications: by the person for themselves (a phone is enough) or by an admin for them;
 * only a person whose register entry has not passed its review date qualifies, and only within the
 * yearly cap (checked here against what was paid, and again under the entry's lock at payout, which
 * {@link SubsidyOutcomes} does). The application goes to approval at once.
 */
@Service
@Transactional
class Subsidies {

	static final String SUBSIDY_OWNER = "CARE_SUBSIDY";

	static final int MAX_REASON = 1000;

	private final HardshipRepository repository;

	private final HardshipAccess access;

	private final HardshipSettings settings;

	private final ApprovalManagement approvals;

	private final FileStorage files;

	private final AuditLog audit;

	private final Clock clock;

	Subsidies(HardshipRepository repository, HardshipAccess access, HardshipSettings settings,
			ApprovalManagement approvals, FileStorage files, AuditLog audit, Clock clock) {
		this.repository = repository;
		this.access = access;
		this.settings = settings;
		this.approvals = approvals;
		this.files = files;
		this.audit = audit;
		this.clock = clock;
	}

	record Filed(long id, long approvalId) {
	}

	/** Files an application with its documents and asks for its approval, all or nothing. */
	Filed apply(HardshipViews.SubsidyInput input, List<HardshipViews.Upload> documents) {
		CurrentUser user = access.user();
		Long personId = input == null || input.personId() == null ? user.personId() : input.personId();
		if (personId == null) {
			throw new BusinessRuleException("hardship.error.no-person-of-account");
		}
		access.requireMayApplyFor(personId);
		if (input == null) {
			throw new InvalidValueException("amount", "finance.amount.error.missing");
		}
		BigDecimal amount = Amounts.positive("amount", input.amount());
		String reason = reason(input.reason());
		List<HardshipViews.Upload> uploads = documents == null ? List.of() : documents;
		if (uploads.size() > HardshipCases.MAX_DOCUMENTS) {
			throw new InvalidValueException("file", Text.of("hardship.error.too-many-documents", HardshipCases.MAX_DOCUMENTS));
		}
		HardshipRepository.CaseRow registered = repository.caseOf(personId)
			.orElseThrow(() -> new BusinessRuleException("hardship.error.not-registered"));
		// a person transferred since the entry was made applies to, and is paid by, the union of their organ now
		HardshipRepository.Union union = repository.unionOf(personId)
			.orElseThrow(() -> new BusinessRuleException("hardship.error.no-union"));
		if (union.id() != registered.orgId()) {
			repository.moveCase(registered.id(), union);
		}
		HardshipRepository.CaseRow c = union.id() == registered.orgId() ? registered
				: repository.caseOf(personId).orElseThrow();
		LocalDate today = LocalDate.now(clock.withZone(Zones.BUSINESS));
		requireQualifying(c, today);
		requireWithinCap(c, repository.paidIn(personId, today.getYear()), amount);
		OffsetDateTime now = OffsetDateTime.now(clock);
		long id = repository.insertSubsidy(c, amount, reason, user.accountId(), now);
		for (HardshipViews.Upload u : uploads) {
			files.store(SUBSIDY_OWNER, id, u.name(), u.content(), u.size(), HardshipCases.DOCUMENT_KINDS);
		}
		String title = Texts.chinese("hardship.approval.title", c.personName(), Amounts.format(amount));
		ApprovalRef approval = approvals.request(new ApprovalRequest(SubsidyFlow.SUBJECT, id, title, c.orgId(),
				c.orgPath(), Map.of("amount", amount.toPlainString())));
		repository.setApproval(id, approval.id());
		audit.record(AuditType.CREATE, SUBSIDY_OWNER, id, AuditLog.SUCCESS,
				Texts.chinese("hardship.audit.applied", title), c.orgPath());
		return new Filed(id, approval.id());
	}

	/**
	 * The applicant changes an application that was returned for changes and sends it back to the step that
	 * returned it; the amount is checked against the cap again.
	 */
	void resubmit(long id, HardshipViews.SubsidyInput input, String comment) {
		HardshipRepository.SubsidyRow s = repository.lockSubsidy(id).orElseThrow(NotFoundException::new);
		access.requireSeen(s.personId());
		if (s.applicantAccountId() != access.user().accountId()) {
			throw new ForbiddenException("hardship.error.applicant-only");
		}
		if (s.status() != SubsidyStatus.RETURNED) {
			throw new BusinessRuleException("hardship.error.resubmit-not-returned", s.status());
		}
		if (input == null) {
			throw new InvalidValueException("amount", "finance.amount.error.missing");
		}
		BigDecimal amount = Amounts.positive("amount", input.amount());
		String reason = reason(input.reason());
		HardshipRepository.CaseRow c = repository.findCase(s.caseId()).orElseThrow(NotFoundException::new);
		LocalDate today = LocalDate.now(clock.withZone(Zones.BUSINESS));
		requireQualifying(c, today);
		requireWithinCap(c, repository.paidIn(s.personId(), today.getYear()), amount);
		repository.resubmitted(id, amount, reason, OffsetDateTime.now(clock));
		approvals.resubmit(s.approvalId(), TextInput.normalize(comment));
		audit.record(AuditType.UPDATE, SUBSIDY_OWNER, id, AuditLog.SUCCESS,
				Texts.chinese("hardship.audit.resubmitted", s.personName(), Amounts.format(amount)), s.orgPath());
	}

	private static String reason(String text) {
		String reason = TextInput.normalize(text);
		if (reason == null) {
			throw new InvalidValueException("reason", "hardship.error.no-reason");
		}
		if (reason.length() > MAX_REASON) {
			throw new InvalidValueException("reason", Text.of("hardship.error.reason-too-long", MAX_REASON));
		}
		return reason;
	}

	/** A document added by the applicant, the person or an admin of theirs while the application is open. */
	StoredFile attach(long id, HardshipViews.Upload upload) {
		HardshipRepository.SubsidyRow s = repository.lockSubsidy(id).orElseThrow(NotFoundException::new);
		access.requireSeen(s.personId());
		if (s.status() != SubsidyStatus.PENDING && s.status() != SubsidyStatus.RETURNED) {
			throw new BusinessRuleException("hardship.error.closed", s.status());
		}
		if (upload == null || upload.content() == null) {
			throw new InvalidValueException("file", "hardship.error.no-file");
		}
		if (files.countOfOwner(SUBSIDY_OWNER, id) >= HardshipCases.MAX_DOCUMENTS) {
			throw new BusinessRuleException("hardship.error.too-many-documents", HardshipCases.MAX_DOCUMENTS);
		}
		StoredFile stored = files.store(SUBSIDY_OWNER, id, upload.name(), upload.content(), upload.size(),
				HardshipCases.DOCUMENT_KINDS);
		audit.record(AuditType.CREATE, SUBSIDY_OWNER, id, AuditLog.SUCCESS,
				Texts.chinese("hardship.audit.document", s.personName(), stored.originalName()), s.orgPath());
		return stored;
	}

	/** An entry past its review date no longer qualifies until it is reviewed. */
	static void requireQualifying(HardshipRepository.CaseRow c, LocalDate today) {
		if (c.reviewDate().isBefore(today)) {
			throw new BusinessRuleException("hardship.error.overdue", c.reviewDate().toString());
		}
	}

	void requireWithinCap(HardshipRepository.CaseRow c, BigDecimal paid, BigDecimal amount) {
		if (!settings.withinCap(c.level(), paid, amount)) {
			throw new BusinessRuleException("hardship.error.over-cap", Text.label(c.level()),
					Amounts.format(settings.capFor(c.level())), Amounts.format(paid), Amounts.format(amount));
		}
	}
}
