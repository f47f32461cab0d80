package org.quntuan.care.pairing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.SqlCondition;
import org.quntuan.platform.SqlPages;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The problems pairs raise, their steps, and the open ones by category and age. */
@Repository
class ProblemRepository {

	record ProblemRow(long id, long pairId, long organId, String organName, String organPath, String partnerName,
			ProblemCategory category, String description, String owner, RaisedBy raisedBy, LocalDate raisedOn,
			LocalDate dueDate, ProblemStatus status, OffsetDateTime escalatedAt, LocalDate closedOn, int version) {
	}

	record StepRow(ProblemStatus from, ProblemStatus to, String note, String actorName, OffsetDateTime at) {
	}

	/** An open problem's category and the day it was raised, for the board. */
	record OpenRow(ProblemCategory category, LocalDate raisedOn, LocalDate dueDate) {
	}

	private static final String COLUMNS = """
			pb.*, organ.id as organ_id, organ.name as organ_name, organ.path as organ_path, pt.name as partner_name""";

	private static final String FROM = """
			from care_pair_problem pb join care_pair pr on pr.id = pb.pair_id join org organ on organ.id = pr.organ_id
			  join care_pair_partner pt on pt.id = pr.partner_id""";

	private final JdbcClient jdbc;

	ProblemRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long pairId, ProblemCategory category, String description, String owner, RaisedBy raisedBy,
			LocalDate raisedOn, LocalDate dueDate, String creator, OffsetDateTime now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into care_pair_problem (pair_id, category, description, owner_text, raised_by, raised_on, due_date,
				  status, creator_name, created_at)
				values (:pair, :category, :description, :owner, :by, :raisedOn, :due, 'RAISED', :creator, :now)""")
			.param("pair", pairId).param("category", category.name()).param("description", description)
			.param("owner", owner).param("by", raisedBy.name()).param("raisedOn", raisedOn).param("due", dueDate)
			.param("creator", creator).param("now", now).update(keys, "id");
		return keys.getKey().longValue();
	}

	void insertStep(long problemId, ProblemStatus from, ProblemStatus to, String note, String actor, OffsetDateTime now) {
		jdbc.sql("""
				insert into care_pair_problem_step (problem_id, from_status, to_status, note, actor_name, created_at)
				values (:problem, :from, :to, :note, :actor, :now)""")
			.param("problem", problemId).param("from", from == null ? null : from.name(), Types.VARCHAR)
			.param("to", to.name()).param("note", note).param("actor", actor).param("now", now).update();
	}

	/** @return false when the version read is no longer the problem's (another step came first) */
	boolean move(long id, int version, ProblemStatus to, LocalDate closedOn) {
		return jdbc.sql("""
				update care_pair_problem set status = :to, closed_on = :closed, version = version + 1
				where id = :id and version = :v""")
			.param("to", to.name()).param("closed", closedOn, Types.DATE).param("id", id).param("v", version)
			.update() == 1;
	}

	/** Marks an open problem escalated, once: false when it already was or is closed. */
	boolean escalate(long id, OffsetDateTime now) {
		return jdbc.sql("""
				update care_pair_problem set escalated_at = :now
				where id = :id and escalated_at is null and status in ('RAISED', 'ACCEPTED', 'COORDINATING')""")
			.param("now", now).param("id", id).update() == 1;
	}

	Optional<ProblemRow> find(long id) {
		return jdbc.sql("select " + COLUMNS + " " + FROM + " where pb.id = :id").param("id", id)
			.query(ProblemRepository::map).optional();
	}

	List<StepRow> steps(long problemId) {
		return jdbc.sql("select * from care_pair_problem_step where problem_id = :p order by created_at, id")
			.param("p", problemId)
			.query((rs, i) -> new StepRow(rs.getString("from_status") == null ? null
					: ProblemStatus.valueOf(rs.getString("from_status")), ProblemStatus.valueOf(rs.getString("to_status")),
					rs.getString("note"), rs.getString("actor_name"), rs.getObject("created_at", OffsetDateTime.class)))
			.list();
	}

	/** The problems the scope (over {@code org organ}) admits, filtered, newest first. */
	PageResult<ProblemRow> list(SqlCondition scope, ProblemStatus status, Boolean overdue, Long pairId, LocalDate today,
			PageRequest page) {
		SqlCondition where = scope;
		if (status != null) {
			where = where.and(SqlCondition.of("pb.status = :status", "status", status.name()));
		}
		if (overdue != null) {
			String open = "pb.status in ('RAISED', 'ACCEPTED', 'COORDINATING') and pb.due_date < :today";
			where = where.and(SqlCondition.of(overdue ? "(" + open + ")" : "not (" + open + ")", "today", today));
		}
		if (pairId != null) {
			where = where.and(SqlCondition.of("pb.pair_id = :pair", "pair", pairId));
		}
		return SqlPages.page(jdbc, COLUMNS, FROM + " where " + where.sql(), "pb.raised_on desc, pb.id desc",
				where.params(), page, ProblemRepository::map);
	}

	/** The pair's problems raised in the year or still open then, by raise date. */
	List<ProblemRow> ofPairInYear(long pairId, int year) {
		return jdbc.sql("select " + COLUMNS + " " + FROM + " " + """
				 where pb.pair_id = :pair and pb.raised_on < :to
				  and (pb.raised_on >= :from or pb.closed_on is null or pb.closed_on >= :from)
				order by pb.raised_on, pb.id""")
			.param("pair", pairId).param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year + 1, 1, 1))
			.query(ProblemRepository::map).list();
	}

	/** Open problems past their due date and not yet escalated. */
	List<ProblemRow> overdueUnescalated(LocalDate today) {
		return jdbc.sql("select " + COLUMNS + " " + FROM + " " + """
				 where pb.status in ('RAISED', 'ACCEPTED', 'COORDINATING') and pb.due_date < :today
				  and pb.escalated_at is null order by pb.id""")
			.param("today", today).query(ProblemRepository::map).list();
	}

	List<OpenRow> open() {
		return jdbc.sql("""
				select category, raised_on, due_date from care_pair_problem
				where status in ('RAISED', 'ACCEPTED', 'COORDINATING')""")
			.query((rs, i) -> new OpenRow(ProblemCategory.valueOf(rs.getString(1)), rs.getObject(2, LocalDate.class),
					rs.getObject(3, LocalDate.class)))
			.list();
	}

	private static ProblemRow map(ResultSet rs, int i) throws SQLException {
		return new ProblemRow(rs.getLong("id"), rs.getLong("pair_id"), rs.getLong("organ_id"), rs.getString("organ_name"),
				rs.getString("organ_path"), rs.getString("partner_name"), ProblemCategory.valueOf(rs.getString("category")),
				rs.getString("description"), rs.getString("owner_text"), RaisedBy.valueOf(rs.getString("raised_by")),
				rs.getObject("raised_on", LocalDate.class), rs.getObject("due_date", LocalDate.class),
				ProblemStatus.valueOf(rs.getString("status")), rs.getObject("escalated_at", OffsetDateTime.class),
				rs.getObject("closed_on", LocalDate.class), rs.getInt("version"));
	}
}
