package org.quntuan.organization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL of re-elections. Every change of status names the status it expects to leave. */
@Repository
class ReelectionRepository {

	record Row(long id, long orgId, ReelectionStatus status, LocalDate plannedDate, String reason, int seats,
			Long requestApprovalId, OffsetDateTime requestApprovedAt, LocalDate heldOn, Long resultApprovalId,
			Long newTeamId, OffsetDateTime filedAt, int version) {
	}

	record CandidateRow(long personId, String name, Integer votes, LeadershipPosition electedPosition) {
	}

	private static final String COLUMNS = """
			select id, org_id, status, planned_date, reason, seats, request_approval_id, request_approved_at, held_on,
			  result_approval_id, new_team_id, filed_at, version from reelection""";

	private final JdbcClient jdbc;

	ReelectionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Row> find(long id) {
		return jdbc.sql(COLUMNS + " where id = :id").param("id", id).query(ReelectionRepository::map).optional();
	}

	/** The row, locked until the end of the transaction: status changes of one re-election queue up. */
	Optional<Row> lock(long id) {
		return jdbc.sql(COLUMNS + " where id = :id for update").param("id", id).query(ReelectionRepository::map)
			.optional();
	}

	Optional<Row> open(long orgId) {
		return jdbc.sql(COLUMNS + " where open_org_id = :org").param("org", orgId).query(ReelectionRepository::map)
			.optional();
	}

	List<Row> ofOrg(long orgId) {
		return jdbc.sql(COLUMNS + " where org_id = :org order by filed_at desc, id desc").param("org", orgId)
			.query(ReelectionRepository::map).list();
	}

	/** @throws org.springframework.dao.DuplicateKeyException if the org has a re-election under way */
	long insert(long orgId, LocalDate plannedDate, String reason, int seats, Long filedBy, OffsetDateTime now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into reelection (org_id, open_org_id, status, planned_date, reason, seats, filed_by, filed_at,
				  updated_at, version)
				values (:org, :org, :status, :planned, :reason, :seats, :by, :now, :now, 0)""")
			.param("org", orgId).param("status", ReelectionStatus.REQUEST_PENDING.name()).param("planned", plannedDate)
			.param("reason", reason).param("seats", seats).param("by", filedBy, Types.BIGINT)
			.param("now", now).update(keys, "id");
		return keys.getKey().longValue();
	}

	void replaceCandidates(long id, List<LeadershipPeople.Person> people) {
		jdbc.sql("delete from reelection_candidate where reelection_id = :id").param("id", id).update();
		int order = 0;
		for (LeadershipPeople.Person p : people) {
			jdbc.sql("""
					insert into reelection_candidate (reelection_id, person_id, person_name, sort_order)
					values (:id, :person, :name, :order)""")
				.param("id", id).param("person", p.id()).param("name", p.name()).param("order", order++).update();
		}
	}

	List<CandidateRow> candidates(long id) {
		return jdbc.sql("""
				select person_id, person_name, votes, elected_position from reelection_candidate
				where reelection_id = :id order by sort_order""")
			.param("id", id)
			.query((rs, i) -> new CandidateRow(rs.getLong("person_id"), rs.getString("person_name"),
					rs.getObject("votes", Integer.class),
					rs.getString("elected_position") == null ? null
							: LeadershipPosition.valueOf(rs.getString("elected_position"))))
			.list();
	}

	void recordVotes(long id, long personId, int votes, LeadershipPosition elected) {
		jdbc.sql("""
				update reelection_candidate set votes = :votes, elected_position = :position
				where reelection_id = :id and person_id = :person""")
			.param("votes", votes).param("position", elected == null ? null : elected.name(), Types.VARCHAR)
			.param("id", id).param("person", personId).update();
	}

	void setRequestApproval(long id, long approvalId) {
		jdbc.sql("update reelection set request_approval_id = :a where id = :id").param("a", approvalId).param("id", id)
			.update();
	}

	/** A new result report of a re-election: its own subject of approval. */
	long insertReport(long reelectionId, LocalDate heldOn, OffsetDateTime now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("insert into reelection_report (reelection_id, held_on, filed_at) values (:r, :held, :now)")
			.param("r", reelectionId).param("held", heldOn).param("now", now).update(keys, "id");
		return keys.getKey().longValue();
	}

	void setReportApproval(long reportId, long approvalId) {
		jdbc.sql("update reelection_report set approval_id = :a where id = :id").param("a", approvalId)
			.param("id", reportId).update();
	}

	void setReportHeldOn(long approvalId, LocalDate heldOn) {
		jdbc.sql("update reelection_report set held_on = :held where approval_id = :a").param("held", heldOn)
			.param("a", approvalId).update();
	}

	Optional<Long> reelectionOfReport(long reportId) {
		return jdbc.sql("select reelection_id from reelection_report where id = :id").param("id", reportId)
			.query(Long.class).optional();
	}

	void setResultApproval(long id, long approvalId) {
		jdbc.sql("update reelection set result_approval_id = :a where id = :id").param("a", approvalId).param("id", id)
			.update();
	}

	void updateRequest(long id, LocalDate plannedDate, String reason, int seats, OffsetDateTime now) {
		jdbc.sql("""
				update reelection set planned_date = :planned, reason = :reason, seats = :seats, updated_at = :now,
				  version = version + 1 where id = :id""")
			.param("planned", plannedDate).param("reason", reason).param("seats", seats).param("now", now)
			.param("id", id).update();
	}

	void setHeldOn(long id, LocalDate heldOn) {
		jdbc.sql("update reelection set held_on = :d where id = :id").param("d", heldOn).param("id", id).update();
	}

	void markRequestApproved(long id, OffsetDateTime at) {
		jdbc.sql("update reelection set request_approved_at = :at where id = :id").param("at", at).param("id", id)
			.update();
	}

	void setNewTeam(long id, long teamId) {
		jdbc.sql("update reelection set new_team_id = :t where id = :id").param("t", teamId).param("id", id).update();
	}

	/** Moves from one status to the next; closes the re-election when the next is final. */
	int transition(long id, ReelectionStatus from, ReelectionStatus to, OffsetDateTime now) {
		return jdbc.sql("""
				update reelection set status = :to, open_org_id = case when :open then org_id else null end,
				  updated_at = :now, version = version + 1
				where id = :id and status = :from""")
			.param("to", to.name()).param("open", to.isOpen()).param("now", now).param("id", id)
			.param("from", from.name()).update();
	}

	private static Row map(ResultSet rs, int i) throws SQLException {
		return new Row(rs.getLong("id"), rs.getLong("org_id"), ReelectionStatus.valueOf(rs.getString("status")),
				rs.getObject("planned_date", LocalDate.class), rs.getString("reason"), rs.getInt("seats"),
				rs.getObject("request_approval_id", Long.class),
				rs.getObject("request_approved_at", OffsetDateTime.class), rs.getObject("held_on", LocalDate.class),
				rs.getObject("result_approval_id", Long.class), rs.getObject("new_team_id", Long.class),
				rs.getObject("filed_at", OffsetDateTime.class), rs.getInt("version"));
	}
}
