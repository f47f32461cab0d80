package org.quntuan.care.hardship;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.quntuan.approval.ApprovalDecided;
import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.finance.Amounts;
import org.quntuan.finance.Categories;
import org.quntuan.finance.Category;
import org.quntuan.finance.Journal;
import org.quntuan.identity.PersonAccounts;
import org.quntuan.notification.Channel;
import org.quntuan.notification.NotificationRequest;
import org.quntuan.notification.Notifications;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a subsidy approval's outcome inside the deciding transaction. Approved: the register entry's
 * row is locked (so payouts to one person queue), the entry must still qualify and the year's payouts
 * plus this one must stay within the cap; then the subsidy is posted to the union's journal under
 * 维权支出 (once: posting is idempotent on the subsidy, and only an unpaid subsidy is marked paid) and the
 * person is notified. A refusal (overdue entry, cap reached, closed year) leaves the decision unrecorded.
 */
@Component
class SubsidyOutcomes {

	static final String CATEGORY = "RIGHTS";

	private final HardshipRepository repository;

	private final Subsidies subsidies;

	private final Journal journal;

	private final Categories categories;

	private final PersonAccounts accounts;

	private final Notifications notifications;

	private final AuditLog audit;

	private final Clock clock;

	SubsidyOutcomes(HardshipRepository repository, Subsidies subsidies, Journal journal, Categories categories,
			PersonAccounts accounts, Notifications notifications, AuditLog audit, Clock clock) {
		this.repository = repository;
		this.subsidies = subsidies;
		this.journal = journal;
		this.categories = categories;
		this.accounts = accounts;
		this.notifications = notifications;
		this.audit = audit;
		this.clock = clock;
	}

	@EventListener
	@Transactional
	public void on(ApprovalDecided decided) {
		if (!SubsidyFlow.SUBJECT.equals(decided.subjectType())) {
			return;
		}
		HardshipRepository.SubsidyRow peek = repository.findSubsidy(decided.subjectId()).orElseThrow(NotFoundException::new);
		// the entry first, then the subsidy: every payout to a person takes the locks in this order
		HardshipRepository.CaseRow c = repository.lockCase(peek.caseId()).orElseThrow(NotFoundException::new);
		HardshipRepository.SubsidyRow s = repository.lockSubsidy(peek.id()).orElseThrow(NotFoundException::new);
		if (s.approvalId() != null && s.approvalId() != decided.approvalId()) {
			throw new BusinessRuleException("hardship.error.stale-approval");
		}
		SubsidyStatus to = switch (decided.outcome()) {
			case APPROVED -> SubsidyStatus.APPROVED;
			case REJECTED -> SubsidyStatus.REJECTED;
			case RETURNED -> SubsidyStatus.RETURNED;
			case WITHDRAWN -> SubsidyStatus.WITHDRAWN;
			default -> null;
		};
		if (to == null || s.status() == to) {
			return;
		}
		if (s.status() != SubsidyStatus.PENDING && s.status() != SubsidyStatus.RETURNED) {
			throw new BusinessRuleException("hardship.error.cannot-become", s.status(), to);
		}
		OffsetDateTime now = OffsetDateTime.now(clock);
		if (to == SubsidyStatus.APPROVED) {
			pay(c, s, decided.decidedByAccountId(), now);
			notifyPerson(s, "care-hardship-subsidy-paid");
		}
		else {
			repository.setStatus(s.id(), to, now);
			if (to == SubsidyStatus.REJECTED) {
				notifyPerson(s, "care-hardship-subsidy-rejected");
			}
		}
	}

	private void pay(HardshipRepository.CaseRow c, HardshipRepository.SubsidyRow s, long decidedBy, OffsetDateTime now) {
		LocalDate today = LocalDate.now(clock.withZone(Zones.BUSINESS));
		Subsidies.requireQualifying(c, today);
		subsidies.requireWithinCap(c, repository.paidIn(s.personId(), today.getYear()), s.amount());
		Category category = categories.find(CATEGORY).orElseThrow();
		String memo = Texts.chinese("hardship.journal.memo", s.id(), s.personName());
		long txnId = journal.post(Journal.simple(s.orgId(), today, category, s.amount(), s.personName(), memo,
				SubsidyFlow.SUBJECT, s.id(), "PAY", decidedBy)).txnId();
		if (!repository.markPaid(s.id(), txnId, today.getYear(), now)) {
			throw new BusinessRuleException("hardship.error.paid-already");
		}
		audit.record(AuditType.CREATE, "FIN_TXN", txnId, AuditLog.SUCCESS,
				Texts.chinese("hardship.audit.paid", s.id(), s.personName(), Amounts.format(s.amount())), s.orgPath());
	}

	private void notifyPerson(HardshipRepository.SubsidyRow s, String template) {
		Long account = accounts.accountsOf(List.of(s.personId())).get(s.personId());
		if (account == null) {
			return;
		}
		notifications.send(NotificationRequest.of(template + ":" + s.id(), template, List.of(account),
				Amounts.format(s.amount()))
			.withLink("/care/hardship/subsidies/" + s.id())
			.via(Channel.INBOX, Channel.SMS));
	}
}
