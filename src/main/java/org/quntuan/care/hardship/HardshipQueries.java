package org.quntuan.care.hardship;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.quntuan.approval.ApprovalQueries;
import org.quntuan.approval.ApprovalViews;
import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.finance.Amounts;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.SqlCondition;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.quntuan.platform.files.Download;
import org.quntuan.platform.files.FileStorage;
import org.quntuan.platform.files.StoredFile;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of the register and the subsidies, each scoped through {@link HardshipAccess}. Lists carry no
 * household details; one entry shows them on request, and such a view by anyone but the person is
 * written to the audit log as a view of personal data (in its own transaction, so it stays even if the
 * page fails).
 */
@Service
@Transactional(readOnly = true)
class HardshipQueries {

	private final HardshipRepository repository;

	private final HardshipAccess access;

	private final HardshipSettings settings;

	private final FileStorage files;

	private final AuditLog audit;

	private final ApprovalQueries approvals;

	private final Clock clock;

	HardshipQueries(HardshipRepository repository, HardshipAccess access, HardshipSettings settings, FileStorage files,
			AuditLog audit, ApprovalQueries approvals, Clock clock) {
		this.approvals = approvals;
		this.repository = repository;
		this.access = access;
		this.settings = settings;
		this.files = files;
		this.audit = audit;
		this.clock = clock;
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.BUSINESS));
	}

	/** The entries of the people the caller keeps the register for (none for others), oldest review first. */
	PageResult<HardshipViews.CaseItem> cases(boolean overdueOnly, PageRequest page) {
		CurrentUser user = access.user();
		SqlCondition scope = user.scope().isAdmin() ? access.kept() : SqlCondition.NONE;
		LocalDate today = today();
		return repository.cases(scope, overdueOnly, today, page).map(c -> HardshipViews.CaseItem.of(c, today));
	}

	boolean keepsAny() {
		return access.user().scope().isAdmin();
	}

	/** The caller's own entry, if they have one. */
	Optional<HardshipViews.CaseItem> mine() {
		Long personId = access.user().personId();
		return personId == null ? Optional.empty()
				: repository.caseOf(personId).map(c -> HardshipViews.CaseItem.of(c, today()));
	}

	Long mineId() {
		return access.user().personId();
	}

	boolean isApplicant(long subsidyId) {
		return repository.findSubsidy(subsidyId).map(s -> s.applicantAccountId() == access.user().accountId())
			.orElse(false);
	}

	/** The approval of a subsidy the caller has been allowed to see. */
	ApprovalViews.Detail approvalOf(long subsidyId) {
		return approvals.ofSubject(SubsidyFlow.SUBJECT, subsidyId).orElse(null);
	}

	/** The entry of a person the caller sees (404 otherwise, and for a person without one). */
	Optional<Long> caseIdOf(long personId) {
		access.requireSeen(personId);
		return repository.caseOf(personId).map(HardshipRepository.CaseRow::id);
	}

	HardshipViews.CaseDetail caseDetail(long id, boolean whole) {
		HardshipRepository.CaseRow c = repository.findCase(id).orElseThrow(NotFoundException::new);
		access.requireSeen(c.personId());
		CurrentUser user = access.user();
		if (whole && !user.isSelf(c.personId())) {
			audit.recordIndependently(AuditType.PERSONAL_DATA_VIEW, user.accountId(), user.username(),
					HardshipCases.CASE_OWNER, id, AuditLog.SUCCESS,
					Texts.chinese("hardship.audit.whole-viewed", c.personName()), c.orgPath());
		}
		LocalDate today = today();
		List<HardshipViews.Document> documents = whole
				? files.ofOwner(HardshipCases.CASE_OWNER, id).stream().map(HardshipViews.Document::of).toList() : List.of();
		return new HardshipViews.CaseDetail(c.id(), c.personId(), c.personName(), c.organName(), c.level().toCodeLabel(),
				c.reviewDate(), c.reviewDate().isBefore(today), whole,
				whole ? c.causes().stream().map(HardshipCause::toCodeLabel).toList() : null,
				whole ? c.householdSize() : null, whole ? c.incomePerHead().toPlainString() : null,
				whole ? c.note() : null, documents, c.version(), access.keeps(c.personId()),
				repository.paidIn(c.personId(), today.getYear()).toPlainString(),
				settings.capFor(c.level()).toPlainString());
	}

	/**
	 * Subsidies: of one person the caller sees (404 otherwise), or of everyone the caller sees (the people they
	 * administer, and themselves), newest first.
	 */
	PageResult<HardshipViews.SubsidyItem> subsidies(Long personId, PageRequest page) {
		if (personId != null) {
			access.requireSeen(personId);
		}
		return repository.subsidies(access.seen(), personId, page).map(HardshipViews.SubsidyItem::of);
	}

	HardshipViews.SubsidyDetail subsidy(long id) {
		HardshipRepository.SubsidyRow s = repository.findSubsidy(id).orElseThrow(NotFoundException::new);
		access.requireSeen(s.personId());
		List<HardshipViews.Document> documents = files.ofOwner(Subsidies.SUBSIDY_OWNER, id).stream()
			.map(HardshipViews.Document::of).toList();
		return new HardshipViews.SubsidyDetail(s.id(), s.caseId(), s.personId(), s.personName(), s.amount().toPlainString(),
				s.reason(), s.status().toCodeLabel(), s.createdAt(), s.paidAt(), s.approvalId(), s.txnId(), documents);
	}

	/** What the caller has left under the cap this year (null without a qualifying entry). */
	String capLeft(long personId) {
		return repository.caseOf(personId).filter(c -> HardshipRegister.qualifies(c.reviewDate(), today()))
			.map(c -> Amounts.format(settings.capFor(c.level()).subtract(repository.paidIn(personId, today().getYear()))))
			.orElse(null);
	}

	/** A document of an entry (whole view: logged like one) or of a subsidy, for those who see it. */
	Download document(long fileId) {
		StoredFile f = files.find(fileId).orElseThrow(NotFoundException::new);
		if (HardshipCases.CASE_OWNER.equals(f.ownerType())) {
			HardshipRepository.CaseRow c = repository.findCase(f.ownerId()).orElseThrow(NotFoundException::new);
			access.requireSeen(c.personId());
			CurrentUser user = access.user();
			if (!user.isSelf(c.personId())) {
				audit.recordIndependently(AuditType.PERSONAL_DATA_VIEW, user.accountId(), user.username(),
						HardshipCases.CASE_OWNER, c.id(), AuditLog.SUCCESS,
						Texts.chinese("hardship.audit.document-viewed", c.personName(), f.originalName()), c.orgPath());
			}
		}
		else if (Subsidies.SUBSIDY_OWNER.equals(f.ownerType())) {
			HardshipRepository.SubsidyRow s = repository.findSubsidy(f.ownerId()).orElseThrow(NotFoundException::new);
			access.requireSeen(s.personId());
		}
		else {
			throw new NotFoundException();
		}
		return files.open(fileId);
	}
}
