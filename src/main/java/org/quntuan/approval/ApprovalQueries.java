package org.quntuan.approval;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.Texts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of approvals: the caller's pending items and requests, and one approval with its history. */
@Service
@Transactional(readOnly = true)
public class ApprovalQueries {

	/** The bundle keys of a step's status, shown in the reader's language. */
	private static final Map<String, String> STEP_STATUS = Map.of("WAITING", "approval.step-status.waiting", "ACTIVE",
			"approval.step-status.active", "APPROVED", "approval.step-status.approved", "REJECTED",
			"approval.step-status.rejected", "RETURNED", "approval.step-status.returned", "CANCELLED",
			"approval.step-status.cancelled");

	/** The bundle keys of the actions in the history. */
	private static final Map<String, String> ACTIONS = Map.of("SUBMITTED", "approval.event.submitted", "RESUBMITTED",
			"approval.event.resubmitted", "WITHDRAWN", "approval.event.withdrawn", "APPROVE", "approval.event.approve",
			"REJECT", "approval.event.reject", "RETURN", "approval.event.return", "REMINDED", "approval.event.reminded");

	private final JdbcClient jdbc;

	private final ApprovalRepository approvals;

	private final ApprovalFlows flows;

	private final CurrentUserProvider users;

	private final Clock clock;

	ApprovalQueries(JdbcClient jdbc, ApprovalRepository approvals, ApprovalFlows flows, CurrentUserProvider users,
			Clock clock) {
		this.jdbc = jdbc;
		this.approvals = approvals;
		this.flows = flows;
		this.users = users;
		this.clock = clock;
	}

	/** Items waiting for the caller, due first; optionally of one subject type or only overdue ones. */
	public PageResult<ApprovalViews.PendingItem> pending(String subjectType, boolean overdueOnly, PageRequest page) {
		long me = users.current().accountId();
		OffsetDateTime now = OffsetDateTime.now(clock);
		StringBuilder where = new StringBuilder(" where x.account_id = :me and x.open = true");
		if (subjectType != null) {
			if (flows.find(subjectType).isEmpty()) {
				throw new InvalidValueException("type", "approval.error.unknown-type");
			}
			where.append(" and a.subject_type = :type");
		}
		if (overdueOnly) {
			where.append(" and x.due_at < :now");
		}
		String from = " from approval_assignee x join approval a on a.id = x.approval_id"
				+ " join approval_step s on s.id = x.step_id";
		// the count needs the approval only to filter by type: without it, an index-only range per account
		String countFrom = subjectType == null ? " from approval_assignee x"
				: " from approval_assignee x join approval a on a.id = x.approval_id";
		var count = jdbc.sql("select count(*)" + countFrom + where).param("me", me);
		var list = jdbc.sql("select a.id, a.subject_type, a.title, a.applicant_name, s.name as step_name, x.assigned_at,"
				+ " x.due_at" + from + where + " order by x.due_at, x.id limit :limit offset :offset")
			.param("me", me).param("limit", page.size()).param("offset", page.offset());
		if (subjectType != null) {
			count = count.param("type", subjectType);
			list = list.param("type", subjectType);
		}
		if (overdueOnly) {
			count = count.param("now", now);
			list = list.param("now", now);
		}
		long total = count.query(Long.class).single();
		List<ApprovalViews.PendingItem> items = list.query((rs, i) -> pendingItem(rs, now)).list();
		return PageResult.of(items, page, total);
	}

	/** The number for the badge in the header. */
	public long pendingCount(long accountId) {
		return jdbc.sql("select count(*) from approval_assignee where account_id = :me and open = true")
			.param("me", accountId).query(Long.class).single();
	}

	/** The caller's own requests, newest first, optionally in one state. */
	public PageResult<ApprovalViews.RequestItem> requests(ApprovalStatus status, PageRequest page) {
		long me = users.current().accountId();
		String where = " where a.applicant_account_id = :me" + (status == null ? "" : " and a.status = :status");
		var count = jdbc.sql("select count(*) from approval a" + where).param("me", me);
		var list = jdbc.sql("select a.id, a.subject_type, a.title, a.status, a.created_at, a.decided_at, s.name as step_name"
				+ " from approval a join approval_step s on s.approval_id = a.id and s.seq = a.current_step" + where
				+ " order by a.created_at desc, a.id desc limit :limit offset :offset")
			.param("me", me).param("limit", page.size()).param("offset", page.offset());
		if (status != null) {
			count = count.param("status", status.name());
			list = list.param("status", status.name());
		}
		long total = count.query(Long.class).single();
		return PageResult.of(list.query(this::requestItem).list(), page, total);
	}

	/** One approval, if the caller is its applicant, one of its approvers, or an admin or auditor above it. */
	public ApprovalViews.Detail detail(long id) {
		CurrentUser user = users.current();
		ApprovalRepository.ApprovalRow row = approvals.find(id).orElseThrow(NotFoundException::new);
		boolean involved = approvals.involves(id, user.accountId());
		boolean auditorsRead = flows.find(row.subjectType()).map(ApprovalFlow::readableByAuditors).orElse(true);
		if (row.applicantAccountId() != user.accountId() && !involved
				&& !ApprovalVisibility.covers(user, row.orgPath(), auditorsRead)) {
			throw new NotFoundException();
		}
		return detail(row, user.accountId());
	}

	/**
	 * The approval of a subject, for the subject module's own pages; unscoped: the module has checked
	 * that the caller may see the subject.
	 */
	public Optional<ApprovalViews.Detail> ofSubject(String subjectType, long subjectId) {
		long me = users.currentIfAny().map(CurrentUser::accountId).orElse(-1L);
		return approvals.findBySubject(subjectType, subjectId).map(row -> detail(row, me));
	}

	boolean bulkApprovable(String subjectType) {
		return flows.find(subjectType).map(ApprovalFlow::bulkApprovable).orElse(false);
	}

	/** The subject types with a flow, for the filter. */
	public List<Map.Entry<String, String>> subjectTypes() {
		return flows.all().stream().map(f -> Map.entry(f.subjectType(), f.label())).toList();
	}

	private ApprovalViews.Detail detail(ApprovalRepository.ApprovalRow row, long me) {
		OffsetDateTime now = OffsetDateTime.now(clock);
		List<ApprovalViews.StepView> steps = new ArrayList<>();
		boolean canDecide = false;
		for (ApprovalRepository.StepRow s : approvals.steps(row.id())) {
			List<ApprovalViews.Decided> decided = new ArrayList<>();
			for (ApprovalRepository.AssigneeRow a : approvals.assignees(s.id(), s.rounds())) {
				if (a.decision() != null) {
					Decision d = Decision.valueOf(a.decision());
					decided.add(new ApprovalViews.Decided(a.decider(), d.name(), d.label(), a.comment(),
							a.decidedAt()));
				}
				else if (a.open() && a.accountId() == me && "ACTIVE".equals(s.status())) {
					canDecide = true;
				}
			}
			boolean overdue = "ACTIVE".equals(s.status()) && s.dueAt() != null && s.dueAt().isBefore(now);
			steps.add(new ApprovalViews.StepView(s.seq(), s.name(), s.status(), stepStatus(s.status()),
					s.approverOrgName(), s.allRequired(), s.activatedAt(), s.dueAt(), overdue, decided));
		}
		List<ApprovalViews.HistoryEntry> history = jdbc.sql("select at, action, actor_name, step_seq, comment"
				+ " from approval_event where approval_id = :a order by id")
			.param("a", row.id())
			.query((rs, i) -> new ApprovalViews.HistoryEntry(ApprovalRepository.at(rs, "at"),
					rs.getString("action"), action(rs.getString("action")),
					rs.getString("actor_name"), rs.getObject("step_seq", Integer.class), rs.getString("comment")))
			.list();
		boolean applicant = row.applicantAccountId() == me;
		return new ApprovalViews.Detail(row.id(), row.subjectType(), flows.label(row.subjectType()), row.subjectId(),
				flows.link(row.subjectType(), row.subjectId()), row.title(), row.orgId(), row.applicantName(),
				row.status(), row.status().label(), row.createdAt(), row.decidedAt(), steps, history,
				canDecide && row.status() == ApprovalStatus.IN_PROGRESS, applicant && !row.status().isFinal(),
				applicant && row.status() == ApprovalStatus.RETURNED && !flows.get(row.subjectType()).resubmittedOnItsPage(),
				flows.get(row.subjectType()).summary(row.subjectId()),
				row.status() == ApprovalStatus.IN_PROGRESS ? flows.get(row.subjectType()).approvalCaveat(row.subjectId()) : null);
	}

	private static String stepStatus(String status) {
		String key = STEP_STATUS.get(status);
		return key == null ? null : Texts.localized(key);
	}

	private static String action(String action) {
		String key = ACTIONS.get(action);
		return key == null ? action : Texts.localized(key);
	}

	private ApprovalViews.PendingItem pendingItem(ResultSet rs, OffsetDateTime now) throws SQLException {
		String type = rs.getString("subject_type");
		OffsetDateTime due = ApprovalRepository.at(rs, "due_at");
		return new ApprovalViews.PendingItem(rs.getLong("id"), type, flows.label(type), rs.getString("title"),
				rs.getString("applicant_name"), rs.getString("step_name"), ApprovalRepository.at(rs, "assigned_at"),
				due, due != null && due.isBefore(now), flows.find(type).map(ApprovalFlow::bulkApprovable).orElse(false));
	}

	private ApprovalViews.RequestItem requestItem(ResultSet rs, int i) throws SQLException {
		String type = rs.getString("subject_type");
		ApprovalStatus status = ApprovalStatus.valueOf(rs.getString("status"));
		return new ApprovalViews.RequestItem(rs.getLong("id"), type, flows.label(type), rs.getString("title"), status,
				status.label(), status == ApprovalStatus.IN_PROGRESS ? rs.getString("step_name") : null,
				ApprovalRepository.at(rs, "created_at"), ApprovalRepository.at(rs, "decided_at"));
	}
}
