package org.quntuan.notice.collections;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.quntuan.notice.shared.CollectionText;
import org.quntuan.notice.shared.NoticePaths;
import org.quntuan.platform.CodeLabel;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.files.FileKind;
import org.quntuan.platform.reads.ReadsJdbc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class CollectionRepository {

	/** A submission as stored. */
	record Submission(long id, long taskId, long orgId, SubmissionStatus status, boolean late,
			OffsetDateTime submittedAt, String submittedByName, OffsetDateTime reviewedAt, String returnReason) {
	}

	/**
	 * {@code :sender} and {@code :own} are replaced by the caller's predicates: the collector counts
	 * every target, a target org's admin only the targets in their own scope (their own state).
	 */
	private static final String LIST_COLUMNS = """
			select c.id, c.title, so.name as sender_org_name, c.deadline, c.created_at,
			  case when :sender then 1 else 0 end as collector,
			  (select count(*) from collection_target t join org o on o.id = t.org_id
			    where t.task_id = c.id and (:sender or :own)) as target_count,
			  (select count(*) from collection_submission s join org o on o.id = s.org_id
			    where s.task_id = c.id and (:sender or :own)) as submitted_count,
			  (select count(*) from collection_submission s join org o on o.id = s.org_id
			    where s.task_id = c.id and s.status = 'ACCEPTED' and (:sender or :own)) as accepted_count,
			  (select max(s.status) from collection_submission s join org o on o.id = s.org_id
			    where s.task_id = c.id and (:own)) as own_status
			from collection_task c join org so on so.id = c.sender_org_id""";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	/** The status table's reads: the read-only standby when there is one. */
	private final JdbcClient board;

	CollectionRepository(JdbcClient jdbc, JdbcTemplate template, ReadsJdbc reads) {
		this.jdbc = jdbc;
		this.template = template;
		this.board = reads.client();
	}

	long insert(String title, String instructions, OffsetDateTime deadline, CollectionLatePolicy policy,
			Set<FileKind> kinds, String targetsJson, long account, String senderName, long senderOrgId,
			OffsetDateTime now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into collection_task (title, instructions, deadline, late_policy, allowed_kinds, targets_json,
				  sender_account_id, sender_name, sender_org_id, created_at)
				values (:title, :instructions, :deadline, :policy, :kinds, :targets, :account, :name, :org, :now)""")
			.param("title", title).param("instructions", instructions).param("deadline", deadline)
			.param("policy", policy.name()).param("kinds", kinds.stream().map(Enum::name).collect(Collectors.joining(",")))
			.param("targets", targetsJson).param("account", account).param("name", senderName).param("org", senderOrgId)
			.param("now", now).update(keys, "id");
		return keys.getKey().longValue();
	}

	void insertTargets(long taskId, List<Long> orgIds) {
		template.batchUpdate("insert into collection_target (task_id, org_id) values (?, ?)", orgIds, 500, (ps, org) -> {
			ps.setLong(1, taskId);
			ps.setLong(2, org);
		});
	}

	Optional<CollectionTask> find(long id) {
		return jdbc.sql("""
				select c.*, so.name as sender_org_name, so.path as sender_org_path
				from collection_task c join org so on so.id = c.sender_org_id where c.id = :id""")
			.param("id", id).query(CollectionRepository::mapTask).optional();
	}

	List<CollectionListItem> list(NoticePaths paths, String condition, Map<String, Object> params, PageRequest page,
			OffsetDateTime now) {
		String columns = LIST_COLUMNS.replace(":sender", scope(paths, true, false)).replace(":own", paths.predicate("o.path", "p"));
		return jdbc.sql(columns + " where " + condition
				+ " order by c.created_at desc, c.id desc offset :offset rows fetch next :size rows only")
			.params(params).param("offset", page.offset()).param("size", page.size())
			.query((rs, i) -> new CollectionListItem(rs.getLong("id"), rs.getString("title"),
					rs.getString("sender_org_name"), CollectionText.local(rs.getObject("deadline", OffsetDateTime.class)),
					CollectionText.local(rs.getObject("created_at", OffsetDateTime.class)), rs.getInt("target_count"),
					rs.getInt("submitted_count"), rs.getInt("accepted_count"), rs.getInt("collector") == 1,
					ownState(rs.getInt("collector") == 1, rs.getInt("target_count"), rs.getString("own_status"),
							rs.getObject("deadline", OffsetDateTime.class), now)))
			.list();
	}

	/** A single target org's own state; null for the collector or an admin over several targets. */
	private static CodeLabel ownState(boolean collector, int ownTargets, String status,
			OffsetDateTime deadline, OffsetDateTime now) {
		if (collector || ownTargets != 1) {
			return null;
		}
		return CollectionState.of(status == null ? null : SubmissionStatus.valueOf(status), deadline, now).toCodeLabel();
	}

	long count(String condition, Map<String, Object> params) {
		return jdbc.sql("select count(*) from collection_task c join org so on so.id = c.sender_org_id where " + condition)
			.params(params).query(Long.class).single();
	}

	/** Sender side, or (with {@code targets}) addressed to an org in the caller's subtrees. */
	static String scope(NoticePaths paths, boolean sent, boolean received) {
		String sender = "(c.sender_account_id = :me or " + paths.predicate("so.path", "p") + ")";
		String target = "exists (select 1 from collection_target t join org o on o.id = t.org_id where t.task_id = c.id and "
				+ paths.predicate("o.path", "p") + ")";
		if (sent && received) {
			return "(" + sender + " or " + target + ")";
		}
		return sent ? sender : target;
	}

	static Map<String, Object> scopeParams(long account, NoticePaths paths) {
		Map<String, Object> params = new HashMap<>(paths.params("p"));
		params.put("me", account);
		return params;
	}

	/** The targets of a task, with their org path, in path order. */
	List<Map.Entry<Long, String>> targets(long taskId) {
		return jdbc.sql("select t.org_id, o.path from collection_target t join org o on o.id = t.org_id where t.task_id = :t order by o.path")
			.param("t", taskId).query((rs, i) -> Map.entry(rs.getLong(1), rs.getString(2))).list();
	}

	/** Locks the target row: concurrent uploads for one target wait for each other here. */
	boolean lockTarget(long taskId, long orgId) {
		return !jdbc.sql("select org_id from collection_target where task_id = :t and org_id = :o for update")
			.param("t", taskId).param("o", orgId).query(Long.class).list().isEmpty();
	}

	Optional<Submission> submission(long taskId, long orgId) {
		return jdbc.sql("select * from collection_submission where task_id = :t and org_id = :o")
			.param("t", taskId).param("o", orgId).query(CollectionRepository::mapSubmission).optional();
	}

	long insertSubmission(long taskId, long orgId, boolean late, long account, String name, OffsetDateTime now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into collection_submission (task_id, org_id, status, late, first_submitted_at, submitted_at,
				  submitted_by, submitted_by_name)
				values (:t, :o, 'SUBMITTED', :late, :now, :now, :account, :name)""")
			.param("t", taskId).param("o", orgId).param("late", late).param("now", now).param("account", account)
			.param("name", name).update(keys, "id");
		return keys.getKey().longValue();
	}

	void resubmitted(long submissionId, boolean late, long account, String name, OffsetDateTime now) {
		jdbc.sql("""
				update collection_submission set status = 'SUBMITTED', late = :late, submitted_at = :now,
				  submitted_by = :account, submitted_by_name = :name, reviewed_at = null, reviewed_by = null,
				  version = version + 1
				where id = :id""")
			.param("late", late).param("now", now).param("account", account).param("name", name)
			.param("id", submissionId).update();
	}

	void addFile(long fileId, long submissionId, OffsetDateTime now) {
		jdbc.sql("insert into collection_file (file_id, submission_id, uploaded_at) values (:f, :s, :now)")
			.param("f", fileId).param("s", submissionId).param("now", now).update();
	}

	int removeFile(long fileId, long submissionId, OffsetDateTime now) {
		return jdbc.sql("update collection_file set removed_at = :now where file_id = :f and submission_id = :s and removed_at is null")
			.param("now", now).param("f", fileId).param("s", submissionId).update();
	}

	/** Current files of a submission: file id and upload time. */
	List<Map.Entry<Long, OffsetDateTime>> files(long submissionId) {
		return jdbc.sql("select file_id, uploaded_at from collection_file where submission_id = :s and removed_at is null order by file_id")
			.param("s", submissionId)
			.query((rs, i) -> Map.entry(rs.getLong(1), CollectionText.local(rs.getObject(2, OffsetDateTime.class)))).list();
	}

	/** The submission a current file belongs to, if any. */
	Optional<Long> submissionOfFile(long fileId) {
		return jdbc.sql("select submission_id from collection_file where file_id = :f and removed_at is null")
			.param("f", fileId).query(Long.class).optional();
	}

	Optional<Submission> submissionById(long id) {
		return jdbc.sql("select * from collection_submission where id = :id").param("id", id)
			.query(CollectionRepository::mapSubmission).optional();
	}

	int review(long taskId, long orgId, SubmissionStatus to, String reason, long account, OffsetDateTime now) {
		return jdbc.sql("""
				update collection_submission set status = :to, return_reason = :reason, reviewed_at = :now,
				  reviewed_by = :account, version = version + 1
				where task_id = :t and org_id = :o and status = 'SUBMITTED'""")
			.param("to", to.name()).param("reason", reason).param("now", now).param("account", account)
			.param("t", taskId).param("o", orgId).update();
	}

	/** The status table: every target (or those in the caller's subtrees), in path order; read on the standby. */
	List<StatusRow> status(long taskId, NoticePaths within) {
		String filter = within == null ? "" : " and " + within.predicate("o.path", "p");
		return board.sql("""
				select t.org_id, o.name, o.path, s.status, s.late, s.submitted_at, s.reviewed_at, s.return_reason,
				  (select count(*) from collection_file f where f.submission_id = s.id and f.removed_at is null) as file_count
				from collection_target t join org o on o.id = t.org_id
				  left join collection_submission s on s.task_id = t.task_id and s.org_id = t.org_id
				where t.task_id = :t""" + filter + " order by o.path")
			.params(within == null ? Map.of() : within.params("p")).param("t", taskId)
			.query((rs, i) -> new StatusRow(rs.getLong("org_id"), rs.getString("name"),
					rs.getString("status") == null ? null : SubmissionStatus.valueOf(rs.getString("status")),
					rs.getBoolean("late"), CollectionText.local(rs.getObject("submitted_at", OffsetDateTime.class)),
					CollectionText.local(rs.getObject("reviewed_at", OffsetDateTime.class)), rs.getString("return_reason"),
					rs.getInt("file_count")))
			.list();
	}

	record StatusRow(long orgId, String orgName, SubmissionStatus status, boolean late, OffsetDateTime submittedAt,
			OffsetDateTime reviewedAt, String returnReason, int files) {
	}

	/** Accepted submissions' current files: org name, file id, in path order. */
	List<Map.Entry<String, Long>> acceptedFiles(long taskId) {
		return jdbc.sql("""
				select o.name, f.file_id from collection_submission s join org o on o.id = s.org_id
				  join collection_file f on f.submission_id = s.id and f.removed_at is null
				where s.task_id = :t and s.status = 'ACCEPTED' order by o.path, f.file_id""")
			.param("t", taskId).query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2))).list();
	}

	/** Tasks whose deadline lies between the two times. */
	List<CollectionTask> withDeadlineBetween(OffsetDateTime from, OffsetDateTime to) {
		return jdbc.sql("""
				select c.*, so.name as sender_org_name, so.path as sender_org_path
				from collection_task c join org so on so.id = c.sender_org_id where c.deadline > :from and c.deadline <= :to""")
			.param("from", from).param("to", to).query(CollectionRepository::mapTask).list();
	}

	/** Targets that have nothing awaiting review or accepted: no submission, or returned. */
	public List<Long> targetsToRemind(long taskId) {
		return jdbc.sql("""
				select t.org_id from collection_target t
				  left join collection_submission s on s.task_id = t.task_id and s.org_id = t.org_id
				where t.task_id = :t and (s.id is null or s.status = 'RETURNED') order by t.org_id""")
			.param("t", taskId).query(Long.class).list();
	}

	private static CollectionTask mapTask(ResultSet rs, int i) throws SQLException {
		Set<FileKind> kinds = EnumSet.noneOf(FileKind.class);
		Arrays.stream(rs.getString("allowed_kinds").split(",")).filter(s -> !s.isBlank()).map(FileKind::valueOf)
			.forEach(kinds::add);
		return new CollectionTask(rs.getLong("id"), rs.getString("title"), rs.getString("instructions"),
				CollectionText.local(rs.getObject("deadline", OffsetDateTime.class)), CollectionLatePolicy.valueOf(rs.getString("late_policy")),
				kinds, rs.getLong("sender_account_id"), rs.getString("sender_name"), rs.getLong("sender_org_id"),
				rs.getString("sender_org_name"), rs.getString("sender_org_path"),
				CollectionText.local(rs.getObject("created_at", OffsetDateTime.class)));
	}

	private static Submission mapSubmission(ResultSet rs, int i) throws SQLException {
		return new Submission(rs.getLong("id"), rs.getLong("task_id"), rs.getLong("org_id"),
				SubmissionStatus.valueOf(rs.getString("status")), rs.getBoolean("late"),
				CollectionText.local(rs.getObject("submitted_at", OffsetDateTime.class)), rs.getString("submitted_by_name"),
				CollectionText.local(rs.getObject("reviewed_at", OffsetDateTime.class)), rs.getString("return_reason"));
	}
}
