package org.quntuan.activity.ranking;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.quntuan.activity.ranking.GroupRankings.Group;
import org.quntuan.platform.reads.ReadsJdbc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Ranking runs, their results, and the figures a run is computed from. A run changes only under
 * {@link #lockRun}.
 */
@Repository
class GroupRankingRepository {

	/** The activities a group held: organized by it or below, not cancelled, started in the period. */
	private static final String HELD = " a.organizer_path like :p and a.status <> 'CANCELLED' and a.start_at >= :from"
			+ " and a.start_at < :until";

	private final JdbcClient jdbc;

	/** The board's reads ({@link #board}, {@link #years}): the read-only standby when there is one. */
	private final JdbcClient reads;

	GroupRankingRepository(JdbcClient jdbc, ReadsJdbc reads) {
		this.jdbc = jdbc;
		this.reads = reads.client();
	}

	/** The run of a year, its row locked until the transaction ends. */
	Optional<Long> lockRun(int year) {
		return jdbc.sql("select id from group_ranking_run where year = :y for update").param("y", year)
			.query(Long.class).optional();
	}

	String status(long runId) {
		return jdbc.sql("select status from group_ranking_run where id = :id").param("id", runId).query(String.class)
			.single();
	}

	void deleteResults(long runId) {
		jdbc.sql("delete from group_ranking_result where run_id = :id").param("id", runId).update();
	}

	void updateRun(long runId, GroupRankingRequest.Weights w, List<Integer> quotas, OffsetDateTime now, long by) {
		jdbc.sql("update group_ranking_run set weight_activities = :wa, weight_participation = :wp,"
				+ " weight_feedback = :wf, extra_quotas = :q, run_at = :now, run_by_account_id = :by,"
				+ " version = version + 1 where id = :id")
			.param("wa", w.activities()).param("wp", w.participation()).param("wf", w.feedback())
			.param("q", join(quotas)).param("now", now).param("by", by).param("id", runId).update();
	}

	long insertRun(int year, GroupRankingRequest.Weights w, List<Integer> quotas, OffsetDateTime now, long by) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into group_ranking_run (year, weight_activities, weight_participation, weight_feedback,"
				+ " extra_quotas, status, run_at, run_by_account_id) values (:y, :wa, :wp, :wf, :q, 'DRAFT', :now, :by)")
			.param("y", year).param("wa", w.activities()).param("wp", w.participation()).param("wf", w.feedback())
			.param("q", join(quotas)).param("now", now).param("by", by).update(keys, "id");
		return keys.getKey().longValue();
	}

	void insertResult(long runId, GroupRankingView.Row row) {
		jdbc.sql("insert into group_ranking_result (run_id, group_id, group_name, activities, attendees, members,"
				+ " participation_rate, feedback_count, average_feedback, score, ranking, extra_award_quota)"
				+ " values (:run, :g, :n, :a, :att, :m, :pr, :fc, :af, :s, :r, :x)")
			.param("run", runId).param("g", row.groupId()).param("n", row.groupName()).param("a", row.activities())
			.param("att", row.attendees()).param("m", row.members()).param("pr", row.participationRate())
			.param("fc", row.feedbackCount()).param("af", row.averageFeedback()).param("s", row.score())
			.param("r", row.rank()).param("x", row.extraAwardQuota()).update();
	}

	void publish(long runId, OffsetDateTime now, long by) {
		jdbc.sql("update group_ranking_run set status = 'PUBLISHED', published_at = :now, published_by_account_id = :by,"
				+ " version = version + 1 where id = :id")
			.param("now", now).param("by", by).param("id", runId).update();
	}

	/** Years with a published ranking, or with any ranking for an admin, newest first. */
	List<Integer> years(boolean admin) {
		return reads.sql("select year from group_ranking_run where status = 'PUBLISHED' or :admin = true order by year desc")
			.param("admin", admin).query(Integer.class).list();
	}

	/** The active 片组 groups in their display order. */
	List<Group> groups() {
		return jdbc.sql("select id, name, path from org where type = 'GROUP' and active = true"
				+ " order by sort_order, id")
			.query((rs, i) -> new Group(rs.getLong("id"), rs.getString("name"), rs.getString("path"))).list();
	}

	int activitiesHeld(String groupPath, OffsetDateTime from, OffsetDateTime until) {
		return jdbc.sql("select count(*) from activity a where" + HELD)
			.param("p", groupPath + "%").param("from", from).param("until", until).query(Integer.class).single();
	}

	/** Distinct people checked in to the activities a group held. */
	int attendees(String groupPath, OffsetDateTime from, OffsetDateTime until) {
		return jdbc.sql("select count(distinct r.person_id) from activity_registration r"
				+ " join activity a on a.id = r.activity_id where r.attended_at is not null and" + HELD)
			.param("p", groupPath + "%").param("from", from).param("until", until).query(Integer.class).single();
	}

	/** The feedback on the activities a group held, as {count, sum of stars}. */
	Object[] feedback(String groupPath, OffsetDateTime from, OffsetDateTime until) {
		return jdbc.sql("select count(r.feedback_stars), sum(r.feedback_stars) from activity_registration r"
				+ " join activity a on a.id = r.activity_id where r.feedback_stars is not null and" + HELD)
			.param("p", groupPath + "%").param("from", from).param("until", until)
			.query((rs, i) -> new Object[] { rs.getLong(1), rs.getLong(2) }).single();
	}

	/** The run of a year with its results, as its computing or publishing transaction wrote it (the primary). */
	Optional<GroupRankingView> view(int year) {
		return view(jdbc, year);
	}

	/** The run of a year with its results, for the board (the standby when there is one). */
	Optional<GroupRankingView> board(int year) {
		return view(reads, year);
	}

	private Optional<GroupRankingView> view(JdbcClient via, int year) {
		return via.sql("select id, year, weight_activities, weight_participation, weight_feedback, extra_quotas, status,"
				+ " run_at, published_at from group_ranking_run where year = :y")
			.param("y", year)
			.query((rs, i) -> new GroupRankingView(rs.getInt("year"), rs.getInt("weight_activities"),
					rs.getInt("weight_participation"), rs.getInt("weight_feedback"), split(rs.getString("extra_quotas")),
					rs.getString("status"), rs.getObject("run_at", OffsetDateTime.class),
					rs.getObject("published_at", OffsetDateTime.class), results(via, rs.getLong("id"))))
			.optional();
	}

	private static List<GroupRankingView.Row> results(JdbcClient via, long runId) {
		return via.sql("select * from group_ranking_result where run_id = :id order by ranking, group_id")
			.param("id", runId)
			.query((rs, i) -> new GroupRankingView.Row(rs.getLong("group_id"), rs.getString("group_name"),
					rs.getInt("activities"), rs.getInt("attendees"), rs.getInt("members"),
					rs.getBigDecimal("participation_rate"), rs.getInt("feedback_count"),
					rs.getBigDecimal("average_feedback"), rs.getBigDecimal("score"), rs.getInt("ranking"),
					rs.getInt("extra_award_quota")))
			.list();
	}

	private static String join(List<Integer> quotas) {
		return quotas.stream().map(String::valueOf).collect(Collectors.joining(","));
	}

	private static List<Integer> split(String quotas) {
		return quotas == null || quotas.isBlank() ? List.of()
				: Arrays.stream(quotas.split(",")).map(Integer::valueOf).toList();
	}
}
