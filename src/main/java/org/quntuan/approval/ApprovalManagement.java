package org.quntuan.approval;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.notification.NotificationRequest;
import org.quntuan.notification.Notifications;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.ConflictException;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.Role;
import org.quntuan.platform.Text;
import org.quntuan.platform.TextInput;
import org.quntuan.platform.Texts;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Commands on approvals, for subject modules and for the approval pages and API.
 * <p>
 * Every command on an existing approval first takes its row lock ({@code SELECT … FOR UPDATE}), then
 * re-reads the state: two approvers deciding at once are serialised, and the second finds the step
 * decided and gets a 409 with a clear message, never a second decision.
 */
@Service
@Transactional
public class ApprovalManagement {

	static final int MAX_COMMENT = 1000;

	private final ApprovalRepository approvals;

	private final ApprovalFlows flows;

	private final ApproverDirectory directory;

	private final CurrentUserProvider users;

	private final Notifications notifications;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final AuditLog audit;

	ApprovalManagement(ApprovalRepository approvals, ApprovalFlows flows, ApproverDirectory directory,
			CurrentUserProvider users, Notifications notifications, ApplicationEventPublisher events, Clock clock,
			AuditLog audit) {
		this.audit = audit;
		this.approvals = approvals;
		this.flows = flows;
		this.directory = directory;
		this.users = users;
		this.notifications = notifications;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Starts an approval for the current user as applicant, inside the caller's transaction: the
	 * approval exists at once and its first step is active (approvers notified). Asking again for the
	 * same subject returns the approval that exists. Writes no audit event: the subject module records
	 * the application in its own words (as it does for {@link #resubmit} and {@link #withdraw}), so the
	 * applicant's one action is one event; the approval pages use the *Here methods, which record.
	 */
	public ApprovalRef request(ApprovalRequest request) {
		ApprovalFlow flow = flows.get(request.subjectType());
		List<ApprovalStep> steps = flow.steps(request);
		if (steps.isEmpty()) {
			throw new IllegalStateException("flow " + flow.subjectType() + " gave no steps");
		}
		var existing = approvals.findBySubject(request.subjectType(), request.subjectId());
		if (existing.isPresent()) {
			return new ApprovalRef(existing.get().id(), existing.get().status());
		}
		CurrentUser user = users.current();
		OffsetDateTime now = OffsetDateTime.now(clock);
		long id;
		try {
			id = approvals.insert(request, user.accountId(), user.displayName(), now);
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("approval.error.already-submitted");
		}
		for (int i = 0; i < steps.size(); i++) {
			approvals.insertStep(id, i + 1, steps.get(i));
		}
		approvals.event(id, null, "SUBMITTED", user.accountId(), user.displayName(), null, now);
		ApprovalRepository.ApprovalRow row = approvals.find(id).orElseThrow();
		activate(row, approvals.steps(id).get(0), now);
		return new ApprovalRef(id, ApprovalStatus.IN_PROGRESS);
	}

	/** The applicant resubmits a RETURNED approval after editing the subject; the returning step decides again. */
	public ApprovalRef resubmit(long approvalId, String comment) {
		ApprovalRepository.ApprovalRow row = lockAsApplicant(approvalId);
		if (row.status() != ApprovalStatus.RETURNED) {
			throw new ConflictException("approval.error.resubmit-not-returned");
		}
		CurrentUser user = users.current();
		OffsetDateTime now = OffsetDateTime.now(clock);
		approvals.setStatus(approvalId, ApprovalStatus.IN_PROGRESS, row.currentStep(), now);
		approvals.event(approvalId, row.currentStep(), "RESUBMITTED", user.accountId(), user.displayName(),
				clean(comment), now);
		activate(row, currentStep(row), now);
		return new ApprovalRef(approvalId, ApprovalStatus.IN_PROGRESS);
	}

	/**
	 * A resubmission from the approval pages: refused for flows whose subject resubmits on its own
	 * page ({@link ApprovalFlow#resubmittedOnItsPage()}).
	 */
	public ApprovalRef resubmitHere(long approvalId, String comment) {
		ApprovalRepository.ApprovalRow row = lockAsApplicant(approvalId);
		ApprovalFlow flow = flows.get(row.subjectType());
		if (flow.resubmittedOnItsPage()) {
			throw new BusinessRuleException("approval.error.resubmit-on-subject-page", Text.label(flow.label()));
		}
		ApprovalRef ref = resubmit(approvalId, comment);
		record(AuditType.UPDATE, row, Texts.chinese("approval.audit.resubmitted", row.title()));
		return ref;
	}

	/** A withdrawal from the approval pages (the subject's own pages record theirs themselves). */
	public ApprovalRef withdrawHere(long approvalId, String reason) {
		ApprovalRef ref = withdraw(approvalId, reason);
		ApprovalRepository.ApprovalRow row = approvals.find(approvalId).orElseThrow();
		String why = clean(reason);
		record(AuditType.WITHDRAW, row, why == null ? Texts.chinese("approval.audit.withdrawn", row.title())
				: Texts.chinese("approval.audit.withdrawn-reason", row.title(), why));
		return ref;
	}

	private void record(AuditType type, ApprovalRepository.ApprovalRow row, String summary) {
		audit.record(type, "APPROVAL", row.id(), AuditLog.SUCCESS, summary, row.orgPath());
	}

	/** The applicant withdraws an approval that is not decided yet. */
	public ApprovalRef withdraw(long approvalId, String reason) {
		ApprovalRepository.ApprovalRow row = lockAsApplicant(approvalId);
		if (row.status().isFinal()) {
			throw new ConflictException("approval.error.withdraw-status", row.status());
		}
		CurrentUser user = users.current();
		OffsetDateTime now = OffsetDateTime.now(clock);
		ApprovalRepository.StepRow step = currentStep(row);
		if ("ACTIVE".equals(step.status())) {
			approvals.finishStep(step.id(), "CANCELLED", now);
		}
		approvals.closeAll(approvalId);
		approvals.setStatus(approvalId, ApprovalStatus.WITHDRAWN, row.currentStep(), now);
		String text = clean(reason);
		approvals.event(approvalId, row.currentStep(), "WITHDRAWN", user.accountId(), user.displayName(), text, now);
		events.publishEvent(new ApprovalDecided(approvalId, row.subjectType(), row.subjectId(), ApprovalStatus.WITHDRAWN,
				user.accountId(), text, now));
		return new ApprovalRef(approvalId, ApprovalStatus.WITHDRAWN);
	}

	/** The current user decides the active step; 409 if it was decided already. */
	public ApprovalRef decide(long approvalId, Decision decision, String comment) {
		if (decision == null) {
			throw new InvalidValueException("decision", "approval.error.decision-required");
		}
		String text = clean(comment);
		if (decision != Decision.APPROVE && text == null) {
			throw new InvalidValueException("comment", decision == Decision.REJECT ? "approval.error.reject-reason-required"
					: "approval.error.return-reason-required");
		}
		CurrentUser user = users.current();
		ApprovalRepository.ApprovalRow row = approvals.lock(approvalId).orElseThrow(NotFoundException::new);
		boolean involved = approvals.involves(approvalId, user.accountId());
		if (!involved && row.applicantAccountId() != user.accountId()
				&& !ApprovalVisibility.covers(user, row.orgPath(), auditorsRead(row))) {
			throw new NotFoundException();
		}
		if (row.applicantAccountId() == user.accountId()) {
			throw new ForbiddenException("approval.error.own-request");
		}
		if (row.status() != ApprovalStatus.IN_PROGRESS) {
			throw new ConflictException("approval.error.decide-status", row.status());
		}
		ApprovalRepository.StepRow step = currentStep(row);
		ApprovalRepository.AssigneeRow mine = approvals.assignees(step.id(), step.rounds()).stream()
			.filter(a -> a.accountId() == user.accountId()).findFirst().orElse(null);
		if (mine == null) {
			if (involved) {
				throw new ConflictException("approval.error.not-your-step");
			}
			throw new ForbiddenException("approval.error.not-approver");
		}
		if (mine.decision() != null) {
			throw new ConflictException("approval.error.already-decided");
		}
		String caveat = decision == Decision.APPROVE ? flows.get(row.subjectType()).approvalCaveat(row.subjectId()) : null;
		if (caveat != null && text == null) {
			throw new InvalidValueException("comment", caveat);
		}
		OffsetDateTime now = OffsetDateTime.now(clock);
		approvals.recordDecision(mine.id(), decision, user.displayName(), text, now);
		approvals.event(approvalId, step.seq(), decision.name(), user.accountId(), user.displayName(), text, now);
		record(AuditType.DECIDE, row, text == null
				? Texts.chinese("approval.audit.decided", row.title(), step.name(), decision)
				: Texts.chinese("approval.audit.decided-comment", row.title(), step.name(), decision, text));
		return switch (decision) {
			case REJECT -> finish(row, step, "REJECTED", ApprovalStatus.REJECTED, user, text, now);
			case RETURN -> finish(row, step, "RETURNED", ApprovalStatus.RETURNED, user, text, now);
			case APPROVE -> approve(row, step, user, text, now);
		};
	}

	private ApprovalRef approve(ApprovalRepository.ApprovalRow row, ApprovalRepository.StepRow step, CurrentUser user,
			String text, OffsetDateTime now) {
		if (step.allRequired() && approvals.assignees(step.id(), step.rounds()).stream().anyMatch(a -> a.decision() == null)) {
			return new ApprovalRef(row.id(), ApprovalStatus.IN_PROGRESS);
		}
		approvals.finishStep(step.id(), "APPROVED", now);
		List<ApprovalRepository.StepRow> steps = approvals.steps(row.id());
		if (step.seq() < steps.size()) {
			ApprovalRepository.StepRow next = steps.get(step.seq());
			approvals.setStatus(row.id(), ApprovalStatus.IN_PROGRESS, next.seq(), now);
			activate(row, next, now);
			return new ApprovalRef(row.id(), ApprovalStatus.IN_PROGRESS);
		}
		return finish(row, step, null, ApprovalStatus.APPROVED, user, text, now);
	}

	private ApprovalRef finish(ApprovalRepository.ApprovalRow row, ApprovalRepository.StepRow step, String stepStatus,
			ApprovalStatus outcome, CurrentUser user, String text, OffsetDateTime now) {
		if (stepStatus != null) {
			approvals.finishStep(step.id(), stepStatus, now);
		}
		approvals.setStatus(row.id(), outcome, step.seq(), now);
		// the subject module applies the outcome in this transaction; if it refuses, nothing is recorded
		events.publishEvent(new ApprovalDecided(row.id(), row.subjectType(), row.subjectId(), outcome, user.accountId(),
				text, now));
		notifications.send(NotificationRequest.of("approval-" + row.id() + "-" + outcome.name().toLowerCase() + "-"
				+ now.toEpochSecond(), "approval-decided", List.of(row.applicantAccountId()), row.title(),
				outcome.label(), text == null ? "" : text).withLink("/approvals/" + row.id()));
		return new ApprovalRef(row.id(), outcome);
	}

	/** Finds the approvers of a step now and asks them; the applicant and earlier deciders are left out. */
	private void activate(ApprovalRepository.ApprovalRow row, ApprovalRepository.StepRow step, OffsetDateTime now) {
		Set<Long> excluded = new HashSet<>(approvals.decidersOfOtherSteps(row.id(), step.seq()));
		excluded.add(row.applicantAccountId());
		ApproverRule rule = new ApproverRule(Role.valueOf(step.role()), ApproverRule.Reach.valueOf(step.reach()));
		ApproverDirectory.Approvers found = directory.resolve(rule, row.orgPath(), excluded)
			.filter(a -> !a.accountIds().isEmpty())
			.orElseThrow(() -> new BusinessRuleException("approval.error.no-approver", step.name()));
		int round = step.rounds() + 1;
		OffsetDateTime due = step.dueDays() == null ? null : now.plus(Duration.ofDays(step.dueDays()));
		approvals.activateStep(step.id(), found.orgId(), found.orgName(), round, now, due);
		approvals.assign(step.id(), row.id(), found.accountIds(), round, now, due);
		notifications.send(NotificationRequest.of("approval-" + row.id() + "-step-" + step.seq() + "-round-" + round,
				"approval-pending", found.accountIds(), row.title(), row.applicantName(), step.name())
			.withLink("/approvals/" + row.id()));
	}

	private boolean auditorsRead(ApprovalRepository.ApprovalRow row) {
		return flows.find(row.subjectType()).map(ApprovalFlow::readableByAuditors).orElse(true);
	}

	private ApprovalRepository.ApprovalRow lockAsApplicant(long approvalId) {
		ApprovalRepository.ApprovalRow row = approvals.lock(approvalId).orElseThrow(NotFoundException::new);
		CurrentUser user = users.current();
		if (row.applicantAccountId() != user.accountId()) {
			if (approvals.involves(approvalId, user.accountId())
					|| ApprovalVisibility.covers(user, row.orgPath(), auditorsRead(row))) {
				throw new ForbiddenException("approval.error.applicant-only");
			}
			throw new NotFoundException();
		}
		return row;
	}

	private ApprovalRepository.StepRow currentStep(ApprovalRepository.ApprovalRow row) {
		return approvals.steps(row.id()).get(row.currentStep() - 1);
	}

	private static String clean(String text) {
		String stripped = TextInput.text("comment", text);
		if (stripped == null) {
			return null;
		}
		if (stripped.length() > MAX_COMMENT) {
			throw new InvalidValueException("comment", Text.of("approval.error.comment-too-long", MAX_COMMENT));
		}
		return stripped;
	}
}
