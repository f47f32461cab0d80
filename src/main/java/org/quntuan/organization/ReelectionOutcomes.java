package org.quntuan.organization;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;

import org.quntuan.approval.ApprovalDecided;
import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.Text;
import org.quntuan.platform.Texts;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies the approvals' outcomes inside the deciding transaction: an approved request lets the org
 * hold the election; an approved result puts the new team in office (the old one kept as history)
 * and hands the org admin role over. A refusal here (an unexpected status) undoes the decision.
 */
@Component
class ReelectionOutcomes {

	private final ReelectionRepository reelections;

	private final LeadershipRepository teams;

	private final OrgRepository orgs;

	private final TermSettings terms;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ReelectionOutcomes(ReelectionRepository reelections, LeadershipRepository teams, OrgRepository orgs,
			TermSettings terms, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
		this.reelections = reelections;
		this.teams = teams;
		this.orgs = orgs;
		this.terms = terms;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	@EventListener
	@Transactional
	public void on(ApprovalDecided decided) {
		boolean request = Reelections.REQUEST.equals(decided.subjectType());
		if (!request && !Reelections.RESULT.equals(decided.subjectType())) {
			return;
		}
		// the request's subject is the re-election, the result's subject is one report of it
		long reelectionId = request ? decided.subjectId()
				: reelections.reelectionOfReport(decided.subjectId()).orElseThrow(NotFoundException::new);
		ReelectionRepository.Row row = reelections.lock(reelectionId).orElseThrow(NotFoundException::new);
		Long expected = request ? row.requestApprovalId() : row.resultApprovalId();
		// the approval is created within the filing transaction, so it is known by the time anyone decides
		if (expected != null && expected != decided.approvalId()) {
			throw new BusinessRuleException("organization.reelection.error.not-current-approval");
		}
		OffsetDateTime now = OffsetDateTime.now(clock);
		if (request) {
			onRequest(row, decided, now);
		}
		else {
			onResult(row, decided, now);
		}
	}

	/**
	 * A returned request may also have been resubmitted unchanged on the approval pages, so a decision
	 * may find the re-election still marked as returned.
	 */
	private void onRequest(ReelectionRepository.Row row, ApprovalDecided decided, OffsetDateTime now) {
		ReelectionStatus[] awaiting = { ReelectionStatus.REQUEST_PENDING, ReelectionStatus.REQUEST_RETURNED };
		switch (decided.outcome()) {
			case APPROVED -> {
				move(row, ReelectionStatus.APPROVED, now, awaiting);
				reelections.markRequestApproved(row.id(), decided.decidedAt() == null ? now : decided.decidedAt());
			}
			case REJECTED -> move(row, ReelectionStatus.REQUEST_REJECTED, now, awaiting);
			case RETURNED -> move(row, ReelectionStatus.REQUEST_RETURNED, now, awaiting);
			case WITHDRAWN -> move(row, ReelectionStatus.WITHDRAWN, now, awaiting);
			default -> {
			}
		}
	}

	private void onResult(ReelectionRepository.Row row, ApprovalDecided decided, OffsetDateTime now) {
		ReelectionStatus[] awaiting = { ReelectionStatus.RESULT_PENDING, ReelectionStatus.RESULT_RETURNED };
		switch (decided.outcome()) {
			case APPROVED -> {
				if (row.status() != ReelectionStatus.COMPLETED) {
					move(row, ReelectionStatus.COMPLETED, now, awaiting);
					installTeam(row, now);
				}
			}
			// a rejected result means the election must be held (or reported) again
			case REJECTED -> move(row, ReelectionStatus.APPROVED, now, awaiting);
			case RETURNED -> move(row, ReelectionStatus.RESULT_RETURNED, now, awaiting);
			case WITHDRAWN -> move(row, ReelectionStatus.APPROVED, now, awaiting);
			default -> {
			}
		}
	}

	/** Idempotent: a status already moved (by the withdrawing command) stays. */
	private void move(ReelectionRepository.Row row, ReelectionStatus to, OffsetDateTime now, ReelectionStatus... from) {
		if (row.status() == to) {
			return;
		}
		if (!List.of(from).contains(row.status())) {
			throw new BusinessRuleException("organization.reelection.error.transition", row.status(), to);
		}
		reelections.transition(row.id(), row.status(), to, now);
	}

	private void installTeam(ReelectionRepository.Row row, OffsetDateTime now) {
		OrgSummary org = orgs.findById(row.orgId()).orElseThrow(NotFoundException::new);
		List<ReelectionRepository.CandidateRow> elected = reelections.candidates(row.id()).stream()
			.filter(c -> c.electedPosition() != null)
			.sorted(Comparator.comparing(ReelectionRepository.CandidateRow::electedPosition)
				.thenComparing(c -> -c.votes()))
			.toList();
		long chair = elected.stream().filter(c -> c.electedPosition() == LeadershipPosition.CHAIR).findFirst()
			.orElseThrow(() -> new BusinessRuleException("organization.reelection.error.no-chair",
					Text.label(LeadershipPosition.CHAIR.label(org.type()))))
			.personId();
		Long previousChair = null;
		var previous = teams.current(org.id());
		if (previous.isPresent()) {
			previousChair = teams.members(List.of(previous.get().id())).stream()
				.filter(m -> m.position() == LeadershipPosition.CHAIR).map(LeadershipRepository.MemberRow::personId)
				.findFirst().orElse(null);
			teams.retire(previous.get().id(), now);
		}
		LocalDate start = row.heldOn();
		LocalDate end = start.plusYears(terms.years(org.type())).minusDays(1);
		long teamId = teams.insertCurrent(org.id(), start, end, row.id(), elected.stream()
			.map(c -> new LeadershipRepository.NewMember(c.personId(), c.name(), c.electedPosition()))
			.toList(), now);
		reelections.setNewTeam(row.id(), teamId);
		audit.record(AuditType.UPDATE, "LEADERSHIP_TEAM", teamId, AuditLog.SUCCESS,
				Texts.chinese("organization.reelection.audit.team-installed", org.name(), start.toString(), end.toString()), org.path());
		Long before = previousChair;
		boolean stays = before != null && elected.stream().anyMatch(c -> c.personId() == before);
		events.publishEvent(new LeadershipTeamReplaced(org.id(), org.path(), org.name(), chair, before, stays, now));
	}
}
