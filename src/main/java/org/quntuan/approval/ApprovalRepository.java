package org.quntuan.approval;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.quntuan.platform.Zones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL of the approval tables; every value bound. */
@Repository
class ApprovalRepository {

	record ApprovalRow(long id, String subjectType, long subjectId, String title, long orgId, String orgPath,
			long applicantAccountId, String applicantName, ApprovalStatus status, int currentStep,
			OffsetDateTime createdAt, OffsetDateTime decidedAt) {
	}

	record StepRow(long id, long approvalId, int seq, String name, String role, String reach, boolean allRequired,
			Integer dueDays, String status, Long approverOrgId, String approverOrgName, int rounds,
			OffsetDateTime activatedAt, OffsetDateTime dueAt, OffsetDateTime decidedAt) {
	}

	record AssigneeRow(long id, long stepId, long accountId, int round, boolean open, String decision, String decider,
			String comment, OffsetDateTime decidedAt) {
	}

	private static final String APPROVAL = "select id, subject_type, subject_id, title, org_id, org_path, applicant_account_id,"
			+ " applicant_name, status, current_step, created_at, decided_at from approval";

	private static final String STEP = "select id, approval_id, seq, name, role, reach, all_required, due_days, status,"
			+ " approver_org_id, approver_org_name, rounds, activated_at, due_at, decided_at from approval_step";

	private final JdbcClient jdbc;

	ApprovalRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(ApprovalRequest r, long applicant, String applicantName, OffsetDateTime now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("insert into approval (subject_type, subject_id, title, org_id, org_path, applicant_account_id,"
				+ " applicant_name, status, current_step, created_at, updated_at)"
				+ " values (:type, :subject, :title, :org, :path, :applicant, :name, 'IN_PROGRESS', 1, :now, :now)")
			.param("type", r.subjectType()).param("subject", r.subjectId()).param("title", r.title())
			.param("org", r.orgId()).param("path", r.orgPath()).param("applicant", applicant)
			.param("name", applicantName).param("now", now)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void insertStep(long approvalId, int seq, ApprovalStep step) {
		jdbc.sql("insert into approval_step (approval_id, seq, name, role, reach, all_required, due_days, status)"
				+ " values (:a, :seq, :name, :role, :reach, :all, :due, 'WAITING')")
			.param("a", approvalId).param("seq", seq).param("name", step.name())
			.param("role", step.approvers().role().name()).param("reach", step.approvers().reach().name())
			.param("all", step.allMustAgree())
			.param("due", step.dueIn() == null ? null : (int) Math.max(1, step.dueIn().toDays()))
			.update();
	}

	Optional<ApprovalRow> find(long id) {
		return jdbc.sql(APPROVAL + " where id = :id").param("id", id).query(ApprovalRepository::approval).optional();
	}

	Optional<ApprovalRow> findBySubject(String type, long subjectId) {
		return jdbc.sql(APPROVAL + " where subject_type = :t and subject_id = :s").param("t", type)
			.param("s", subjectId).query(ApprovalRepository::approval).optional();
	}

	/** Takes the row lock that serialises every decision on one approval. */
	Optional<ApprovalRow> lock(long id) {
		return jdbc.sql(APPROVAL + " where id = :id for update").param("id", id).query(ApprovalRepository::approval)
			.optional();
	}

	void setStatus(long id, ApprovalStatus status, int currentStep, OffsetDateTime now) {
		jdbc.sql("update approval set status = :s, current_step = :step, updated_at = :now, decided_at = :decided"
				+ " where id = :id")
			.param("s", status.name()).param("step", currentStep).param("now", now)
			.param("decided", status.isFinal() ? now : null, Types.TIMESTAMP_WITH_TIMEZONE).param("id", id)
			.update();
	}

	List<StepRow> steps(long approvalId) {
		return jdbc.sql(STEP + " where approval_id = :a order by seq").param("a", approvalId)
			.query(ApprovalRepository::step).list();
	}

	void activateStep(long stepId, Long orgId, String orgName, int round, OffsetDateTime now, OffsetDateTime dueAt) {
		jdbc.sql("update approval_step set status = 'ACTIVE', approver_org_id = :org, approver_org_name = :name,"
				+ " rounds = :round, activated_at = :now, due_at = :due, decided_at = null where id = :id")
			.param("org", orgId).param("name", orgName).param("round", round).param("now", now)
			.param("due", dueAt, Types.TIMESTAMP_WITH_TIMEZONE)
			.param("id", stepId).update();
	}

	void finishStep(long stepId, String status, OffsetDateTime now) {
		jdbc.sql("update approval_step set status = :s, decided_at = :now where id = :id").param("s", status)
			.param("now", now).param("id", stepId).update();
		jdbc.sql("update approval_assignee set open = false where step_id = :id and open = true").param("id", stepId)
			.update();
	}

	void closeAll(long approvalId) {
		jdbc.sql("update approval_assignee set open = false where approval_id = :a and open = true").param("a", approvalId)
			.update();
	}

	void assign(long stepId, long approvalId, Collection<Long> accounts, int round, OffsetDateTime now,
			OffsetDateTime due) {
		for (Long account : accounts) {
			jdbc.sql("insert into approval_assignee (step_id, approval_id, account_id, round, open, assigned_at, due_at)"
					+ " values (:step, :a, :acc, :round, true, :now, :due)")
				.param("step", stepId).param("a", approvalId).param("acc", account).param("round", round)
				.param("now", now).param("due", due, Types.TIMESTAMP_WITH_TIMEZONE).update();
		}
	}

	List<AssigneeRow> assignees(long stepId, int round) {
		return jdbc.sql("select id, step_id, account_id, round, open, decision, decider, comment, decided_at from approval_assignee"
				+ " where step_id = :s and round = :r order by id")
			.param("s", stepId).param("r", round).query(ApprovalRepository::assignee).list();
	}

	void recordDecision(long assigneeId, Decision decision, String decider, String comment, OffsetDateTime now) {
		jdbc.sql("update approval_assignee set decision = :d, decider = :who, comment = :c, decided_at = :now, open = false"
				+ " where id = :id")
			.param("d", decision.name()).param("who", decider).param("c", comment).param("now", now).param("id", assigneeId)
			.update();
	}

	/**
	 * Accounts that decided another step of the approval: none of them may decide this one too (a
	 * step that returned a request decides it again after resubmission, by the same people).
	 */
	List<Long> decidersOfOtherSteps(long approvalId, int seq) {
		return jdbc.sql("select distinct x.account_id from approval_assignee x join approval_step s on s.id = x.step_id"
				+ " where x.approval_id = :a and x.decision is not null and s.seq <> :seq")
			.param("a", approvalId).param("seq", seq).query(Long.class).list();
	}

	boolean involves(long approvalId, long accountId) {
		return jdbc.sql("select count(*) from approval_assignee where approval_id = :a and account_id = :acc")
			.param("a", approvalId).param("acc", accountId).query(Long.class).single() > 0;
	}

	void event(long approvalId, Integer stepSeq, String action, Long actor, String actorName, String comment,
			OffsetDateTime now) {
		jdbc.sql("insert into approval_event (approval_id, step_seq, action, actor_account_id, actor_name, comment, at)"
				+ " values (:a, :seq, :action, :actor, :name, :comment, :now)")
			.param("a", approvalId).param("seq", stepSeq).param("action", action).param("actor", actor)
			.param("name", actorName).param("comment", comment).param("now", now).update();
	}

	/** Times as the business zone sees them (+08:00), whatever the driver returns. */
	static OffsetDateTime at(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.atZoneSameInstant(Zones.BUSINESS).toOffsetDateTime();
	}

	static ApprovalRow approval(ResultSet rs, int row) throws SQLException {
		return new ApprovalRow(rs.getLong("id"), rs.getString("subject_type"), rs.getLong("subject_id"),
				rs.getString("title"), rs.getLong("org_id"), rs.getString("org_path"), rs.getLong("applicant_account_id"),
				rs.getString("applicant_name"), ApprovalStatus.valueOf(rs.getString("status")), rs.getInt("current_step"),
				ApprovalRepository.at(rs, "created_at"), ApprovalRepository.at(rs, "decided_at"));
	}

	static StepRow step(ResultSet rs, int row) throws SQLException {
		return new StepRow(rs.getLong("id"), rs.getLong("approval_id"), rs.getInt("seq"), rs.getString("name"),
				rs.getString("role"), rs.getString("reach"), rs.getBoolean("all_required"),
				rs.getObject("due_days", Integer.class), rs.getString("status"), rs.getObject("approver_org_id", Long.class),
				rs.getString("approver_org_name"), rs.getInt("rounds"), ApprovalRepository.at(rs, "activated_at"),
				ApprovalRepository.at(rs, "due_at"), ApprovalRepository.at(rs, "decided_at"));
	}

	static AssigneeRow assignee(ResultSet rs, int row) throws SQLException {
		return new AssigneeRow(rs.getLong("id"), rs.getLong("step_id"), rs.getLong("account_id"), rs.getInt("round"),
				rs.getBoolean("open"), rs.getString("decision"), rs.getString("decider"), rs.getString("comment"),
				ApprovalRepository.at(rs, "decided_at"));
	}
}
