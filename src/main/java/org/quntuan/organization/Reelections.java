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
import org.quntuan.platform.TextInput;
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
			throw new BusinessRuleException("该组织已停用，不能提交换届请示");
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
			throw new ConflictException("该组织已有正在进行的换届，不能重复提交");
		}
		reelections.replaceCandidates(id, request.candidates());
		ApprovalRef approval = approvals.request(new ApprovalRequest(REQUEST, id, org.name() + "换届请示", org.id(),
				org.path()));
		reelections.setRequestApproval(id, approval.id());
		audit.record(AuditType.CREATE, FILE_OWNER, id, AuditLog.SUCCESS,
				"提交换届请示：" + org.name() + "，拟于 " + input.plannedDate() + " 选举", org.path());
		return new Filed(id, approval.id(), ReelectionStatus.REQUEST_PENDING);
	}

	/** After the superior returned the request: edit it and send it to the same step again. */
	public Filed resubmit(long id, ReelectionInput.Request input, String comment) {
		ReelectionRepository.Row row = lockManaged(id);
		OrgSummary org = access.visible(row.orgId());
		if (row.status() != ReelectionStatus.REQUEST_RETURNED) {
			throw new BusinessRuleException("只有被退回修改的换届请示可以重新提交（当前：" + row.status().label() + "）");
		}
		Checked request = check(org, input);
		reelections.updateRequest(id, input.plannedDate(), request.reason(), request.seats(), OffsetDateTime.now(clock));
		reelections.replaceCandidates(id, request.candidates());
		approvals.resubmit(row.requestApprovalId(), TextInput.normalize(comment));
		reelections.transition(id, ReelectionStatus.REQUEST_RETURNED, ReelectionStatus.REQUEST_PENDING,
				OffsetDateTime.now(clock));
		audit.record(AuditType.UPDATE, FILE_OWNER, id, AuditLog.SUCCESS, "重新提交换届请示：" + org.name(), org.path());
		return new Filed(id, row.requestApprovalId(), ReelectionStatus.REQUEST_PENDING);
	}

	/** The election was held: report the result for approval. Only after the request was approved. */
	public Filed reportResult(long id, ReelectionInput.Result input) {
		ReelectionRepository.Row row = lockManaged(id);
		OrgSummary org = access.visible(row.orgId());
		switch (row.status()) {
			case APPROVED, RESULT_RETURNED -> {
			}
			case REQUEST_PENDING, REQUEST_RETURNED -> throw new BusinessRuleException("换届请示尚未批准，不能报送选举结果");
			case RESULT_PENDING -> throw new ConflictException("选举结果已报送，正在审批中");
			default -> throw new BusinessRuleException("该换届已结束（" + row.status().label() + "），不能报送选举结果");
		}
		LocalDate today = LocalDate.now(clock.withZone(Zones.BUSINESS));
		if (input.heldOn() == null) {
			throw new InvalidValueException("heldOn", "请填写选举日期");
		}
		if (input.heldOn().isAfter(today)) {
			throw new InvalidValueException("heldOn", "选举日期不能晚于今天");
		}
		if (row.requestApprovedAt() != null
				&& input.heldOn().isBefore(row.requestApprovedAt().atZoneSameInstant(Zones.BUSINESS).toLocalDate())) {
			throw new InvalidValueException("heldOn", "选举日期不能早于换届请示批准日期");
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
			approvals.resubmit(approvalId, "已修改选举结果报告");
		}
		else {
			// a report after a rejected or withdrawn one is approved anew: a new subject of approval
			long reportId = reelections.insertReport(id, input.heldOn(), OffsetDateTime.now(clock));
			approvalId = approvals.request(new ApprovalRequest(RESULT, reportId, org.name() + "选举结果报告", org.id(),
					org.path())).id();
			reelections.setReportApproval(reportId, approvalId);
			reelections.setResultApproval(id, approvalId);
		}
		reelections.transition(id, row.status(), ReelectionStatus.RESULT_PENDING, OffsetDateTime.now(clock));
		audit.record(AuditType.UPDATE, FILE_OWNER, id, AuditLog.SUCCESS,
				"报送选举结果：" + org.name() + "，" + input.heldOn() + " 选举，当选 " + elected.size() + " 人", org.path());
		return new Filed(id, approvalId, ReelectionStatus.RESULT_PENDING);
	}

	/** Withdraws whatever awaits a decision: the request (the re-election ends) or the result (back to the election). */
	public ReelectionStatus withdraw(long id, String rawReason) {
		ReelectionRepository.Row row = lockManaged(id);
		OrgSummary org = access.visible(row.orgId());
		String reason = TextInput.normalize(rawReason);
		if (reason == null || reason.length() > 500) {
			throw new InvalidValueException("reason", "请填写撤回原因（不超过 500 字）");
		}
		boolean request = row.status() == ReelectionStatus.REQUEST_PENDING
				|| row.status() == ReelectionStatus.REQUEST_RETURNED;
		boolean result = row.status() == ReelectionStatus.RESULT_PENDING
				|| row.status() == ReelectionStatus.RESULT_RETURNED;
		if (!request && !result) {
			throw new BusinessRuleException("当前没有可撤回的请示或报告（" + row.status().label() + "）");
		}
		approvals.withdraw(request ? row.requestApprovalId() : row.resultApprovalId(), reason);
		// the approval's WITHDRAWN outcome normally moves the status already (ReelectionOutcomes)
		ReelectionStatus next = request ? ReelectionStatus.WITHDRAWN : ReelectionStatus.APPROVED;
		reelections.transition(id, row.status(), next, OffsetDateTime.now(clock));
		audit.record(AuditType.UPDATE, FILE_OWNER, id, AuditLog.SUCCESS,
				(request ? "撤回换届请示：" : "撤回选举结果报告：") + org.name() + "；原因：" + reason, org.path());
		return next;
	}

	/** A PDF or Word document of the request or the result (请示文件, 候选人材料, 选举报告). */
	public StoredFile attach(long id, String name, InputStream content, long size) {
		ReelectionRepository.Row row = lockManaged(id);
		if (!row.status().isOpen()) {
			throw new BusinessRuleException("该换届已结束，不能再上传附件");
		}
		if (files.ofOwner(FILE_OWNER, id).size() >= MAX_ATTACHMENTS) {
			throw new BusinessRuleException("附件最多 " + MAX_ATTACHMENTS + " 个");
		}
		if (content == null) {
			throw new InvalidValueException("file", "请选择要上传的文件");
		}
		StoredFile stored = files.store(FILE_OWNER, id, name, content, size, ATTACHMENT_KINDS);
		audit.record(AuditType.CREATE, FILE_OWNER, id, AuditLog.SUCCESS, "上传换届附件：" + stored.originalName(),
				access.visible(row.orgId()).path());
		return stored;
	}

	private record Checked(String reason, int seats, List<LeadershipPeople.Person> candidates) {
	}

	private Checked check(OrgSummary org, ReelectionInput.Request input) {
		LocalDate today = LocalDate.now(clock.withZone(Zones.BUSINESS));
		if (input.plannedDate() == null) {
			throw new InvalidValueException("plannedDate", "请填写拟选举日期");
		}
		if (input.plannedDate().isBefore(today)) {
			throw new InvalidValueException("plannedDate", "拟选举日期不能早于今天");
		}
		if (input.plannedDate().isAfter(today.plusYears(1))) {
			throw new InvalidValueException("plannedDate", "拟选举日期不能晚于一年以后");
		}
		String reason = TextInput.normalize(input.reason());
		if (reason == null || reason.length() > 1000) {
			throw new InvalidValueException("reason", "请填写换届事由（不超过 1000 字）");
		}
		List<Long> ids = input.candidates() == null ? List.of() : input.candidates();
		if (ids.isEmpty()) {
			throw new InvalidValueException("candidates", "请至少提名一名候选人");
		}
		if (ids.size() > MAX_CANDIDATES) {
			throw new InvalidValueException("candidates", "候选人不能超过 " + MAX_CANDIDATES + " 名");
		}
		if (ids.contains(null) || new HashSet<>(ids).size() != ids.size()) {
			throw new InvalidValueException("candidates", "候选人名单有重复或空项");
		}
		Map<Long, LeadershipPeople.Person> found = new HashMap<>();
		people.find(ids).forEach(p -> found.put(p.id(), p));
		List<LeadershipPeople.Person> candidates = new ArrayList<>();
		for (Long personId : ids) {
			LeadershipPeople.Person p = found.get(personId);
			if (p == null) {
				throw new InvalidValueException("candidates", "候选人不存在（编号 " + personId + "）");
			}
			if (!p.active() || org.parentId() == null || p.organId() != org.parentId()) {
				throw new InvalidValueException("candidates", "候选人「" + p.name() + "」不是本单位在册人员");
			}
			candidates.add(p);
		}
		int seats = input.seats() != null ? input.seats() : Math.min(terms.seats(org.type()), candidates.size());
		if (seats < 1) {
			throw new InvalidValueException("seats", "应选名额至少为 1");
		}
		if (seats > candidates.size()) {
			throw new InvalidValueException("seats", "应选名额（" + seats + "）不能多于候选人数（" + candidates.size() + "）");
		}
		return new Checked(reason, seats, candidates);
	}

	private static Map<Long, Integer> votes(List<ReelectionInput.Votes> input,
			Map<Long, ReelectionRepository.CandidateRow> candidates) {
		Map<Long, Integer> votes = new HashMap<>();
		for (ReelectionInput.Votes v : input == null ? List.<ReelectionInput.Votes>of() : input) {
			if (v == null || v.personId() == null || !candidates.containsKey(v.personId())) {
				throw new InvalidValueException("votes", "得票记录中有不是候选人的人员");
			}
			if (v.votes() == null || v.votes() < 0) {
				throw new InvalidValueException("votes", "得票数不能为空或负数");
			}
			if (votes.put(v.personId(), v.votes()) != null) {
				throw new InvalidValueException("votes", "同一候选人的得票数填写了两次");
			}
		}
		for (ReelectionRepository.CandidateRow c : candidates.values()) {
			if (!votes.containsKey(c.personId())) {
				throw new InvalidValueException("votes", "请填写候选人「" + c.name() + "」的得票数");
			}
		}
		return votes;
	}

	private static Map<Long, LeadershipPosition> elected(List<ReelectionInput.Elected> input,
			Map<Long, ReelectionRepository.CandidateRow> candidates, Map<Long, Integer> votes, int seats, OrgType type) {
		List<ReelectionInput.Elected> list = input == null ? List.of() : input;
		if (list.isEmpty()) {
			throw new InvalidValueException("elected", "请填写当选人员");
		}
		if (list.size() > seats) {
			throw new InvalidValueException("elected", "当选人数（" + list.size() + "）超过应选名额（" + seats + "）");
		}
		Map<Long, LeadershipPosition> elected = new HashMap<>();
		for (ReelectionInput.Elected e : list) {
			if (e == null || e.personId() == null || !candidates.containsKey(e.personId())) {
				throw new InvalidValueException("elected", "当选人员必须是候选人");
			}
			if (votes.get(e.personId()) == 0) {
				throw new InvalidValueException("elected", "候选人「" + candidates.get(e.personId()).name() + "」未得票，不能当选");
			}
			if (elected.put(e.personId(), LeadershipPosition.parse(e.position())) != null) {
				throw new InvalidValueException("elected", "同一人员不能当选两次");
			}
		}
		long chairs = elected.values().stream().filter(p -> p == LeadershipPosition.CHAIR).count();
		if (chairs != 1) {
			throw new InvalidValueException("elected",
					"当选人员中应有且只有一名" + LeadershipPosition.CHAIR.label(type) + "（当前 " + chairs + " 名）");
		}
		return elected;
	}

	private OrgSummary managedMassOrg(long orgId) {
		OrgSummary org = access.visible(orgId);
		access.requireManage(org);
		if (!org.type().isMassOrganization()) {
			throw new BusinessRuleException("只有工会、团组织、妇委会办理换届");
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
		return new ConflictException("该组织已有正在进行的换届（" + status.label() + "），不能重复提交");
	}
}
