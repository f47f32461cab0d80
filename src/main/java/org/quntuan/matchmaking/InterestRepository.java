package org.quntuan.matchmaking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.SqlPages;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Interests, matches, blocks and reports between profiles. */
@Repository
class InterestRepository {

	record InterestRow(long id, long fromProfileId, long toProfileId, InterestStatus status, OffsetDateTime createdAt) {
	}

	/** A match with the other side's contact details, read only for the two of the match. */
	record MatchRow(long id, long otherProfileId, String nickname, String name, String organName, String mobile,
			OffsetDateTime createdAt) {
	}

	record ReportRow(long id, long reportedProfileId, String reportedNickname, String reason, OffsetDateTime createdAt) {
	}

	private final JdbcClient jdbc;

	InterestRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<InterestRow> find(long id) {
		return jdbc.sql("select id, from_profile_id, to_profile_id, status, created_at from matchmaking_interest where id = :id")
			.param("id", id).query(InterestRepository::map).optional();
	}

	Optional<InterestRow> between(long from, long to) {
		return jdbc.sql("""
				select id, from_profile_id, to_profile_id, status, created_at from matchmaking_interest
				where from_profile_id = :f and to_profile_id = :t""")
			.param("f", from).param("t", to).query(InterestRepository::map).optional();
	}

	long insert(long from, long to, InterestStatus status, OffsetDateTime now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into matchmaking_interest (from_profile_id, to_profile_id, status, created_at, answered_at)
				values (:f, :t, :s, :now, :answered)""")
			.param("f", from).param("t", to).param("s", status.name()).param("now", now)
			.param("answered", status == InterestStatus.PENDING ? null : now, Types.TIMESTAMP_WITH_TIMEZONE)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void answer(long id, InterestStatus status, OffsetDateTime now) {
		jdbc.sql("update matchmaking_interest set status = :s, answered_at = :now where id = :id")
			.param("s", status.name()).param("now", now).param("id", id).update();
	}

	/** @return the match's id, made once per pair */
	long match(long a, long b, OffsetDateTime now) {
		long low = Math.min(a, b);
		long high = Math.max(a, b);
		Optional<Long> existing = jdbc.sql("""
				select id from matchmaking_match where low_profile_id = :l and high_profile_id = :h""")
			.param("l", low).param("h", high).query(Long.class).optional();
		if (existing.isPresent()) {
			return existing.get();
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("insert into matchmaking_match (low_profile_id, high_profile_id, created_at) values (:l, :h, :now)")
			.param("l", low).param("h", high).param("now", now).update(keys, "id");
		return keys.getKey().longValue();
	}

	/** The member's interests, sent and received, between profiles not deleted, newest first. */
	PageResult<InterestRow> ofProfile(long profileId, PageRequest page) {
		return SqlPages.page(jdbc, "i.id, i.from_profile_id, i.to_profile_id, i.status, i.created_at", """
				from matchmaking_interest i
				  join matchmaking_profile f on f.id = i.from_profile_id join matchmaking_profile t on t.id = i.to_profile_id
				where (i.from_profile_id = :p or i.to_profile_id = :p) and f.deleted_at is null and t.deleted_at is null""",
				"i.created_at desc, i.id desc", Map.of("p", profileId), page, InterestRepository::map);
	}

	/** The member's matches with the other side's real name, organ and mobile. */
	PageResult<MatchRow> matches(long profileId, PageRequest page) {
		return SqlPages.page(jdbc, """
				m.id, o.id as other_id, o.nickname, p.name, organ.name as organ_name, p.mobile, m.created_at""", """
				from matchmaking_match m
				  join matchmaking_profile o on o.id = case when m.low_profile_id = :p then m.high_profile_id
				    else m.low_profile_id end
				  join matchmaking_profile me on me.id = :p
				  join person p on p.id = o.person_id join org organ on organ.id = p.organ_id
				where (m.low_profile_id = :p or m.high_profile_id = :p) and o.deleted_at is null and me.deleted_at is null""",
				"m.created_at desc, m.id desc", Map.of("p", profileId), page,
				(rs, i) -> new MatchRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
						rs.getString(6), rs.getObject(7, OffsetDateTime.class)));
	}

	boolean matched(long a, long b) {
		return jdbc.sql("select count(*) from matchmaking_match where low_profile_id = :l and high_profile_id = :h")
			.param("l", Math.min(a, b)).param("h", Math.max(a, b)).query(Integer.class).single() > 0;
	}

	boolean blocked(long blocker, long blocked) {
		return jdbc.sql("""
				select count(*) from matchmaking_block where blocker_profile_id = :a and blocked_profile_id = :b""")
			.param("a", blocker).param("b", blocked).query(Integer.class).single() > 0;
	}

	void block(long blocker, long blocked, OffsetDateTime now) {
		jdbc.sql("""
				insert into matchmaking_block (blocker_profile_id, blocked_profile_id, created_at) values (:a, :b, :now)""")
			.param("a", blocker).param("b", blocked).param("now", now).update();
	}

	long report(long reporter, long reported, String reason, OffsetDateTime now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into matchmaking_report (reporter_profile_id, reported_profile_id, reason, created_at)
				values (:a, :b, :r, :now)""")
			.param("a", reporter).param("b", reported).param("r", reason).param("now", now).update(keys, "id");
		return keys.getKey().longValue();
	}

	PageResult<ReportRow> reports(PageRequest page) {
		return SqlPages.page(jdbc, "r.id, r.reported_profile_id, mp.nickname, r.reason, r.created_at", """
				from matchmaking_report r join matchmaking_profile mp on mp.id = r.reported_profile_id
				where mp.deleted_at is null""", "r.created_at desc, r.id desc", Map.of(), page,
				(rs, i) -> new ReportRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
						rs.getObject(5, OffsetDateTime.class)));
	}

	List<Long> pendingTo(long profileId) {
		return jdbc.sql("select id from matchmaking_interest where to_profile_id = :p and status = 'PENDING'")
			.param("p", profileId).query(Long.class).list();
	}

	/** The root of the org tree, where the work committee's reviewers hold their role. */
	long root() {
		return jdbc.sql("select id from org where parent_id is null order by id fetch first 1 rows only").query(Long.class)
			.single();
	}

	private static InterestRow map(ResultSet rs, int i) throws SQLException {
		return new InterestRow(rs.getLong("id"), rs.getLong("from_profile_id"), rs.getLong("to_profile_id"),
				InterestStatus.valueOf(rs.getString("status")), rs.getObject("created_at", OffsetDateTime.class));
	}
}
