package org.quntuan.organization;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.quntuan.approval.ApprovalManagement;
import org.quntuan.approval.ApprovalRef;
import org.quntuan.approval.ApprovalRequest;
import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.ConflictException;
import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.Text;
import org.quntuan.platform.TextInput;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.quntuan.platform.files.FileKind;
import org.quntuan.platform.files.FileStorage;
import org.quntuan.platform.files.StoredFile;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps an org takes in a re-election: file the request (换届请示), after its approval report the
 * result (选举结果报告), withdraw, attach documents. Each step checks the step before it, so none can
 * be skipped; the approvals' outcomes are applied by {@link ReelectionOutcomes}.
 */
@Service
@Transactional
public class Reelections {

	static final String REQUEST = "REELECTION_REQUEST";

	static final String RESULT = "REELECTION_RESULT";

	static final String FILE_OWNER = "REELECTION";

	static final Set<FileKind> ATTACHMENT_KINDS = EnumSet.of(FileKind.PDF, FileKind.DOCX);

	private static final int MAX_CANDIDATES = 60;

	private static final int MAX_ATTACHMENTS = 20;

	/** What a filing returns: carry {@code approvalId} in the 201. */
	public record Filed(long id, long approvalId, ReelectionStatus status) {
	}

	private final ReelectionRepository reelections;

	private final OrgAccess access;

	private final TermSettings terms;

	private final LeadershipPeople people;

	private final ApprovalManagement approvals;

	private final AuditLog audit;

	private final CurrentUserProvider users;

	private final FileStorage files;

	private final Clock clock;

	Reelections(ReelectionRepository reelections, OrgAccess access, TermSettings terms, LeadershipPeople people,
			ApprovalManagement approvals, AuditLog audit, CurrentUserProvider users, FileStorage files, Clock clock) {
		this.reelections = reelections;
		this.access = access;
		this.terms = terms;
		this.people = people;
		this.approvals = approvals;
		this.audit = audit;
		this.users = users;
		this.clock = clock;
		this.files = files;
	}

	public Filed file(long orgId, ReelectionInput.Request input) {
		OrgSummary org = managedMassOrg(orgId);
		if (!org.active()) {
			throw new BusinessRuleException("organization.reelection.error.org-inactive");
		}
		Checked request = check(org, input);
		reelections.open(orgId).ifPresent(open -> {
			throw alreadyOpen(open.status());
		});
		OffsetDateTime now = OffsetDateTime.now(clock);
		long id;
		try {
			id = reelections.insert(orgId, input.plannedDate(), request.reason(), request.seats(),
					users.current().accountId(), now);
		}
		catch (DuplicateKeyException raced) {
			throw new ConflictException("organization.reelection.error.already-open");
		}
		reelections.replaceCandidates(id, request.candidates());
		ApprovalRef approval = approvals.request(new ApprovalRequest(REQUEST, id,
				Texts.chinese("organization.reelection.approval.request-title", org.name()), org.id(),
				org.path()));
		reelections.setRequestApproval(id, approval.id());
		audit.record(AuditType.CREATE, FILE_OWNER, id, AuditLog.SUCCESS,
				Texts.chinese("organization.reelection.audit.filed", org.name(), input.plannedDate().toString()), org.path());
		return new Filed(id, approval.id(), ReelectionStatus.REQUEST_PENDING);
	}

	/** After the superior returned the request: edit it and send it to the same step again. */
	public Filed resubmit(long id, ReelectionInput.Request input, String comment) {
		ReelectionRepository.Row row = lockManaged(id);
		OrgSummary org = access.visible(row.orgId());
		if (row.status() != ReelectionStatus.REQUEST_RETURNED) {
			throw new BusinessRuleException("organization.reelection.error.resubmit-not-returned", row.status());
		}
		Checked request = check(org, input);
		reelections.updateRequest(id, input.plannedDate(), request.reason(), request.seats(), OffsetDateTime.now(clock));
		reelections.replaceCandidates(id, request.candidates());
		approvals.resubmit(row.requestApprovalId(), TextInput.normalize(comment));
		reelections.transition(id, ReelectionStatus.REQUEST_RETURNED, ReelectionStatus.REQUEST_PENDING,
				OffsetDateTime.now(clock));
		audit.record(AuditType.UPDATE, FILE_OWNER, id, AuditLog.SUCCESS, Texts.chinese("organization.reelection.audit.resubmitted", org.name()), org.path());
		return new Filed(id, row.requestApprovalId(), ReelectionStatus.REQUEST_PENDING);
	}

	/** The election was held: report the result for approval. Only after the request was approved. */
	public Filed reportResult(long id, ReelectionInput.Result input) {
		ReelectionRepository.Row row = lockManaged(id);
		OrgSummary org = access.visible(row.orgId());
		switch (row.status()) {
			case APPROVED, RESULT_RETURNED -> {
			}
			case REQUEST_PENDING, REQUEST_RETURNED -> throw new BusinessRuleException("organization.reelection.error.request-not-approved");
			case RESULT_PENDING -> throw new ConflictException("organization.reelection.error.result-pending");
			default -> throw new BusinessRuleException("organization.reelection.error.ended-result", row.status());
		}
		LocalDate today = LocalDate.now(clock.withZone(Zones.BUSINESS));
		if (input.heldOn() == null) {
			throw new InvalidValueException("heldOn", "organization.reelection.error.held-on-required");
		}
		if (input.heldOn().isAfter(today)) {
			throw new InvalidValueException("heldOn", "organization.reelection.error.held-on-future");
		}
		if (row.requestApprovedAt() != null
				&& input.heldOn().isBefore(row.requestApprovedAt().atZoneSameInstant(Zones.BUSINESS).toLocalDate())) {
			throw new InvalidValueException("heldOn", "organization.reelection.error.held-on-before-approval");
		}
		Map<Long, ReelectionRepository.CandidateRow> candidates = new HashMap<>();
		reelections.candidates(id).forEach(c -> candidates.put(c.personId(), c));
		Map<Long, Integer> votes = votes(input.votes(), candidates);
		Map<Long, LeadershipPosition> elected = elected(input.elected(), candidates, votes, row.seats(), org.type());
		for (long personId : candidates.keySet()) {
			reelections.recordVotes(id, personId, votes.get(personId), elected.get(personId));
		}
		reelections.setHeldOn(id, input.heldOn());
		long approvalId;
		if (row.status() == ReelectionStatus.RESULT_RETURNED) {
			approvalId = row.resultApprovalId();
			reelections.setReportHeldOn(approvalId, input.heldOn());
			approvals.resubmit(approvalId, Texts.chinese("organization.reelection.approval.result-resubmitted"));
		}
		else {
			// a report after a rejected or withdrawn one is approved anew: a new subject of approval
			long reportId = reelections.insertReport(id, input.heldOn(), OffsetDateTime.now(clock));
			approvalId = approvals.request(new ApprovalRequest(RESULT, reportId,
					Texts.chinese("organization.reelection.approval.result-title", org.name()), org.id(), org.path())).id();
			reelections.setReportApproval(reportId, approvalId);
			reelections.setResultApproval(id, approvalId);
		}
		reelections.transition(id, row.status(), ReelectionStatus.RESULT_PENDING, OffsetDateTime.now(clock));
		audit.record(AuditType.UPDATE, FILE_OWNER, id, AuditLog.SUCCESS,
				Texts.chinese("organization.reelection.audit.result-reported", org.name(), input.heldOn().toString(),
						elected.size()), org.path());
		return new Filed(id, approvalId, ReelectionStatus.RESULT_PENDING);
	}

	/** Withdraws whatever awaits a decision: the request (the re-election ends) or the result (back to the election). */
	public ReelectionStatus withdraw(long id, String rawReason) {
		ReelectionRepository.Row row = lockManaged(id);
		OrgSummary org = access.visible(row.orgId());
		String reason = TextInput.normalize(rawReason);
		if (reason == null || reason.length() > 500) {
			throw new InvalidValueException("reason", "organization.reelection.error.withdraw-reason-required");
		}
		boolean request = row.status() == ReelectionStatus.REQUEST_PENDING
				|| row.status() == ReelectionStatus.REQUEST_RETURNED;
		boolean result = row.status() == ReelectionStatus.RESULT_PENDING
				|| row.status() == ReelectionStatus.RESULT_RETURNED;
		if (!request && !result) {
			throw new BusinessRuleException("organization.reelection.error.nothing-to-withdraw", row.status());
		}
		approvals.withdraw(request ? row.requestApprovalId() : row.resultApprovalId(), reason);
		// the approval's WITHDRAWN outcome normally moves the status already (ReelectionOutcomes)
		ReelectionStatus next = request ? ReelectionStatus.WITHDRAWN : ReelectionStatus.APPROVED;
		reelections.transition(id, row.status(), next, OffsetDateTime.now(clock));
		audit.record(AuditType.UPDATE, FILE_OWNER, id, AuditLog.SUCCESS,
				Texts.chinese(request ? "organization.reelection.audit.request-withdrawn"
						: "organization.reelection.audit.result-withdrawn", org.name(), reason), org.path());
		return next;
	}

	/** A PDF or Word document of the request or the result (请示文件, 候选人材料, 选举报告). */
	public StoredFile attach(long id, String name, InputStream content, long size) {
		ReelectionRepository.Row row = lockManaged(id);
		if (!row.status().isOpen()) {
			throw new BusinessRuleException("organization.reelection.error.ended-attach");
		}
		if (files.ofOwner(FILE_OWNER, id).size() >= MAX_ATTACHMENTS) {
			throw new BusinessRuleException("organization.reelection.error.too-many-attachments", MAX_ATTACHMENTS);
		}
		if (content == null) {
			throw new InvalidValueException("file", "organization.reelection.error.file-required");
		}
		StoredFile stored = files.store(FILE_OWNER, id, name, content, size, ATTACHMENT_KINDS);
		audit.record(AuditType.CREATE, FILE_OWNER, id, AuditLog.SUCCESS, Texts.chinese("organization.reelection.audit.attached", stored.originalName()),
				access.visible(row.orgId()).path());
		return stored;
	}

	private record Checked(String reason, int seats, List<LeadershipPeople.Person> candidates) {
	}

	private Checked check(OrgSummary org, ReelectionInput.Request input) {
		LocalDate today = LocalDate.now(clock.withZone(Zones.BUSINESS));
		if (input.plannedDate() == null) {
			throw new InvalidValueException("plannedDate", "organization.reelection.error.planned-date-required");
		}
		if (input.plannedDate().isBefore(today)) {
			throw new InvalidValueException("plannedDate", "organization.reelection.error.planned-date-past");
		}
		if (input.plannedDate().isAfter(today.plusYears(1))) {
			throw new InvalidValueException("plannedDate", "organization.reelection.error.planned-date-too-late");
		}
		String reason = TextInput.normalize(input.reason());
		if (reason == null || reason.length() > 1000) {
			throw new InvalidValueException("reason", "organization.reelection.error.reason-required");
		}
		List<Long> ids = input.candidates() == null ? List.of() : input.candidates();
		if (ids.isEmpty()) {
			throw new InvalidValueException("candidates", "organization.reelection.error.candidates-required");
		}
		if (ids.size() > MAX_CANDIDATES) {
			throw new InvalidValueException("candidates", Text.of("organization.reelection.error.too-many-candidates", MAX_CANDIDATES));
		}
		if (ids.contains(null) || new HashSet<>(ids).size() != ids.size()) {
			throw new InvalidValueException("candidates", "organization.reelection.error.candidates-duplicate");
		}
		Map<Long, LeadershipPeople.Person> found = new HashMap<>();
		people.find(ids).forEach(p -> found.put(p.id(), p));
		List<LeadershipPeople.Person> candidates = new ArrayList<>();
		for (Long personId : ids) {
			LeadershipPeople.Person p = found.get(personId);
			if (p == null) {
				throw new InvalidValueException("candidates", Text.of("organization.reelection.error.candidate-not-found", personId));
			}
			if (!p.active() || org.parentId() == null || p.organId() != org.parentId()) {
				throw new InvalidValueException("candidates", Text.of("organization.reelection.error.candidate-not-member", p.name()));
			}
			candidates.add(p);
		}
		int seats = input.seats() != null ? input.seats() : Math.min(terms.seats(org.type()), candidates.size());
		if (seats < 1) {
			throw new InvalidValueException("seats", "organization.reelection.error.seats-min");
		}
		if (seats > candidates.size()) {
			throw new InvalidValueException("seats",
					Text.of("organization.reelection.error.seats-over-candidates", seats, candidates.size()));
		}
		return new Checked(reason, seats, candidates);
	}

	private static Map<Long, Integer> votes(List<ReelectionInput.Votes> input,
			Map<Long, ReelectionRepository.CandidateRow> candidates) {
		Map<Long, Integer> votes = new HashMap<>();
		for (ReelectionInput.Votes v : input == null ? List.<ReelectionInput.Votes>of() : input) {
			if (v == null || v.personId() == null || !candidates.containsKey(v.personId())) {
				throw new InvalidValueException("votes", "organization.reelection.error.votes-not-candidate");
			}
			if (v.votes() == null || v.votes() < 0) {
				throw new InvalidValueException("votes", "organization.reelection.error.votes-invalid");
			}
			if (votes.put(v.personId(), v.votes()) != null) {
				throw new InvalidValueException("votes", "organization.reelection.error.votes-twice");
			}
		}
		for (ReelectionRepository.CandidateRow c : candidates.values()) {
			if (!votes.containsKey(c.personId())) {
				throw new InvalidValueException("votes", Text.of("organization.reelection.error.votes-missing", c.name()));
			}
		}
		return votes;
	}

	private static Map<Long, LeadershipPosition> elected(List<ReelectionInput.Elected> input,
			Map<Long, ReelectionRepository.CandidateRow> candidates, Map<Long, Integer> votes, int seats, OrgType type) {
		List<ReelectionInput.Elected> list = input == null ? List.of() : input;
		if (list.isEmpty()) {
			throw new InvalidValueException("elected", "organization.reelection.error.elected-required");
		}
		if (list.size() > seats) {
			throw new InvalidValueException("elected", Text.of("organization.reelection.error.elected-over-seats", list.size(), seats));
		}
		Map<Long, LeadershipPosition> elected = new HashMap<>();
		for (ReelectionInput.Elected e : list) {
			if (e == null || e.personId() == null || !candidates.containsKey(e.personId())) {
				throw new InvalidValueException("elected", "organization.reelection.error.elected-not-candidate");
			}
			if (votes.get(e.personId()) == 0) {
				throw new InvalidValueException("elected",
						Text.of("organization.reelection.error.elected-no-votes", candidates.get(e.personId()).name()));
			}
			if (elected.put(e.personId(), LeadershipPosition.parse(e.position())) != null) {
				throw new InvalidValueException("elected", "organization.reelection.error.elected-twice");
			}
		}
		long chairs = elected.values().stream().filter(p -> p == LeadershipPosition.CHAIR).count();
		if (chairs != 1) {
			throw new InvalidValueException("elected",
					Text.of("organization.reelection.error.one-chair", Text.label(LeadershipPosition.CHAIR.label(type)), chairs));
		}
		return elected;
	}

	private OrgSummary managedMassOrg(long orgId) {
		OrgSummary org = access.visible(orgId);
		access.requireManage(org);
		if (!org.type().isMassOrganization()) {
			throw new BusinessRuleException("organization.reelection.error.mass-org-only");
		}
		return org;
	}

	/** The re-election, locked, if the caller manages its org; 404 if they cannot see it. */
	private ReelectionRepository.Row lockManaged(long id) {
		ReelectionRepository.Row row = reelections.lock(id).orElseThrow(NotFoundException::new);
		access.requireManage(access.visible(row.orgId()));
		return row;
	}

	private static ConflictException alreadyOpen(ReelectionStatus status) {
		return new ConflictException("organization.reelection.error.already-open-status", status);
	}
}
