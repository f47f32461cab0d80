package org.quntuan.activity;

import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.quntuan.activity.ActivityEligibilityRule.AudienceRoot;
import org.quntuan.platform.Databases;
import org.quntuan.platform.SqlCondition;
import org.quntuan.platform.reads.ReadsJdbc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Activities, their audience and registrations. Seat counts change only under the activity's row
 * lock: taken by {@link #lock}, or by the conditional updates {@link #takeSeat} and
 * {@link #joinWaitlist} that a sign-up runs as its last statement.
 */
@Repository
public class ActivityRepository {

	private final JdbcClient jdbc;

	/** Told of every change that can add an activity to a member's list or take one off it. */
	private final OpenActivities open;

	/**
	 * On PostgreSQL the organizer's lock is {@code for no key update}: a sign-up inserts its registration
	 * (a foreign-key check, {@code for key share} on the activity) before it takes the row lock, and a
	 * {@code for update} waiting between the two would deadlock with it. H2 knows only {@code for update}
	 * and takes no lock for the foreign key.
	 */
	private final boolean postgres;

	/** The registrant export's reads: the read-only standby when there is one. */
	private final JdbcClient reads;

	ActivityRepository(JdbcClient jdbc, OpenActivities open, DataSource dataSource, ReadsJdbc reads) {
		this.jdbc = jdbc;
		this.reads = reads.client();
		this.open = open;
		this.postgres = Databases.isPostgres(dataSource);
	}

	record NewActivity(String title, ActivityType type, long organizerOrgId, String organizerPath, Long seriesId,
			Long clubId, String description, String place, OffsetDateTime startAt, OffsetDateTime endAt,
			OffsetDateTime signupOpensAt, OffsetDateTime signupClosesAt, OffsetDateTime cancelDeadline, int seats,
			boolean needsApproval, String gender, Integer minAge, Integer maxAge, String checkinSecret,
			long createdBy, OffsetDateTime createdAt) {
	}

	long insert(NewActivity a) {
		open.changed();
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into activity (title, type, organizer_org_id, organizer_path, series_id, club_id, description, place,
				  start_at, end_at, signup_opens_at, signup_closes_at, cancel_deadline, seats, needs_approval, gender,
				  min_age, max_age, status, confirmed_count, pending_count, waitlist_seq, checkin_secret,
				  created_by_account_id, created_at, version)
				values (:title, :type, :org, :path, :series, :club, :description, :place, :start, :end, :opens, :closes,
				  :deadline, :seats, :approval, :gender, :minAge, :maxAge, 'PUBLISHED', 0, 0, 0, :secret, :by, :now, 0)""")
			.param("title", a.title()).param("type", a.type().name()).param("org", a.organizerOrgId())
			.param("path", a.organizerPath()).param("series", a.seriesId(), Types.BIGINT)
			.param("club", a.clubId(), Types.BIGINT).param("description", a.description(), Types.VARCHAR)
			.param("place", a.place()).param("start", a.startAt()).param("end", a.endAt())
			.param("opens", a.signupOpensAt()).param("closes", a.signupClosesAt())
			.param("deadline", a.cancelDeadline(), Types.TIMESTAMP_WITH_TIMEZONE).param("seats", a.seats())
			.param("approval", a.needsApproval()).param("gender", a.gender(), Types.VARCHAR)
			.param("minAge", a.minAge(), Types.INTEGER).param("maxAge", a.maxAge(), Types.INTEGER)
			.param("secret", a.checkinSecret()).param("by", a.createdBy()).param("now", a.createdAt())
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	record Changes(String title, ActivityType type, String description, String place, OffsetDateTime startAt,
			OffsetDateTime endAt, OffsetDateTime signupOpensAt, OffsetDateTime signupClosesAt,
			OffsetDateTime cancelDeadline, int seats, boolean needsApproval, String gender, Integer minAge,
			Integer maxAge) {
	}

	void update(long id, Changes c) {
		open.changed();
		jdbc.sql("""
				update activity set title = :title, type = :type, description = :description, place = :place,
				  start_at = :start, end_at = :end, signup_opens_at = :opens, signup_closes_at = :closes,
				  cancel_deadline = :deadline, seats = :seats, needs_approval = :approval, gender = :gender,
				  min_age = :minAge, max_age = :maxAge, version = version + 1
				where id = :id""")
			.param("title", c.title()).param("type", c.type().name())
			.param("description", c.description(), Types.VARCHAR).param("place", c.place())
			.param("start", c.startAt()).param("end", c.endAt()).param("opens", c.signupOpensAt())
			.param("closes", c.signupClosesAt()).param("deadline", c.cancelDeadline(), Types.TIMESTAMP_WITH_TIMEZONE)
			.param("seats", c.seats()).param("approval", c.needsApproval()).param("gender", c.gender(), Types.VARCHAR)
			.param("minAge", c.minAge(), Types.INTEGER).param("maxAge", c.maxAge(), Types.INTEGER).param("id", id)
			.update();
	}

	void replaceAudience(long activityId, List<AudienceRoot> roots) {
		open.changed();
		jdbc.sql("delete from activity_audience where activity_id = :a").param("a", activityId).update();
		for (AudienceRoot r : roots) {
			jdbc.sql("insert into activity_audience (activity_id, org_id, org_path, member_organ_id) values (:a, :o, :p, :m)")
				.param("a", activityId).param("o", r.orgId()).param("p", r.orgPath())
				.param("m", r.memberOrganId(), Types.BIGINT).update();
		}
	}

	List<AudienceRoot> audience(long activityId) {
		return jdbc.sql("select org_id, org_path, member_organ_id from activity_audience where activity_id = :a order by org_path")
			.param("a", activityId)
			.query((rs, i) -> new AudienceRoot(rs.getLong("org_id"), rs.getString("org_path"),
					rs.getObject("member_organ_id", Long.class)))
			.list();
	}

	Optional<ActivityRow> find(long id) {
		return jdbc.sql("select " + ActivityRow.COLUMNS + " from activity a where a.id = :id").param("id", id)
			.query(ActivityRow::map).optional();
	}

	/** The activity, its row locked until the transaction ends: seat changes queue up here. */
	Optional<ActivityRow> lock(long id) {
		return jdbc.sql("select " + ActivityRow.COLUMNS + " from activity a where a.id = :id "
				+ (postgres ? "for no key update" : "for update"))
			.param("id", id).query(ActivityRow::map).optional();
	}

	/**
	 * Takes a free seat (a pending one when the organizer decides) in one conditional update, the row
	 * locked from here to the commit: 1, or 0 when every seat is held or the activity was cancelled.
	 */
	int takeSeat(long id, boolean pending) {
		return jdbc.sql("""
				update activity set confirmed_count = confirmed_count + :c, pending_count = pending_count + :p
				where id = :id and status <> 'CANCELLED' and confirmed_count + pending_count < seats""")
			.param("c", pending ? 0 : 1).param("p", pending ? 1 : 0).param("id", id).update();
	}

	/**
	 * Gives the person's registration (already written as waiting) the next wait list number of a full
	 * activity, the row locked from here to the commit; empty when a seat is free again or the activity
	 * was cancelled. On PostgreSQL one statement, so the lock is held for one round trip and the commit.
	 */
	Optional<Integer> joinWaitlist(long id, long personId) {
		if (postgres) {
			return jdbc.sql("""
					with s as (
					  update activity set waitlist_seq = waitlist_seq + 1
					  where id = :id and status <> 'CANCELLED' and confirmed_count + pending_count >= seats
					  returning waitlist_seq)
					update activity_registration r set waitlist_seq = s.waitlist_seq from s
					where r.activity_id = :id and r.person_id = :p
					returning r.waitlist_seq""")
				.param("id", id).param("p", personId).query(Integer.class).optional();
		}
		int taken = jdbc.sql("""
				update activity set waitlist_seq = waitlist_seq + 1
				where id = :id and status <> 'CANCELLED' and confirmed_count + pending_count >= seats""")
			.param("id", id).update();
		if (taken == 0) {
			return Optional.empty();
		}
		int seq = jdbc.sql("select waitlist_seq from activity where id = :id").param("id", id).query(Integer.class)
			.single();
		jdbc.sql("update activity_registration set waitlist_seq = :seq where activity_id = :id and person_id = :p")
			.param("seq", seq).param("id", id).param("p", personId).update();
		return Optional.of(seq);
	}

	void setCounts(long id, int confirmed, int pending, int waitlistSeq) {
		jdbc.sql("update activity set confirmed_count = :c, pending_count = :p, waitlist_seq = :w where id = :id")
			.param("c", confirmed).param("p", pending).param("w", waitlistSeq).param("id", id).update();
	}

	void setStatus(long id, ActivityStatus status) {
		open.changed();
		jdbc.sql("update activity set status = :s, version = version + 1 where id = :id").param("s", status.name())
			.param("id", id).update();
	}

	/** A club merged into another: its activities go with it. */
	public void moveToClub(long fromClubId, long toClubId) {
		open.changed();
		jdbc.sql("update activity set club_id = :s where club_id = :a").param("s", toClubId).param("a", fromClubId).update();
	}

	void setCover(long id, Long fileId) {
		open.changed();
		jdbc.sql("update activity set cover_file_id = :f where id = :id").param("f", fileId, Types.BIGINT)
			.param("id", id).update();
	}

	// registrations

	Optional<RegistrationRow> registration(long activityId, long personId) {
		return jdbc.sql("select " + RegistrationRow.COLUMNS
				+ " from activity_registration r where r.activity_id = :a and r.person_id = :p")
			.param("a", activityId).param("p", personId).query(RegistrationRow::map).optional();
	}

	Optional<RegistrationRow> registration(long registrationId) {
		return jdbc.sql("select " + RegistrationRow.COLUMNS + " from activity_registration r where r.id = :id")
			.param("id", registrationId).query(RegistrationRow::map).optional();
	}

	void insertRegistration(long activityId, long personId, RegistrationStatus status, Integer waitlistSeq,
			OffsetDateTime now, Long changedBy) {
		jdbc.sql("""
				insert into activity_registration (activity_id, person_id, status, waitlist_seq, registered_at, decided_at,
				  changed_by_account_id)
				values (:a, :p, :s, :seq, :now, :decided, :by)""")
			.param("a", activityId).param("p", personId).param("s", status.name())
			.param("seq", waitlistSeq, Types.INTEGER).param("now", now)
			.param("decided", status == RegistrationStatus.CONFIRMED ? now : null, Types.TIMESTAMP_WITH_TIMEZONE)
			.param("by", changedBy, Types.BIGINT).update();
	}

	/** A cancelled or rejected registration comes back as a new one: same row, fresh times. */
	/**
	 * A cancelled (or removed) registration made anew; answers 0 when it is no longer in the state
	 * it was read in (the same person's other request renewed it first).
	 */
	int renewRegistration(long id, RegistrationStatus was, RegistrationStatus status, Integer waitlistSeq,
			OffsetDateTime now, Long changedBy) {
		return jdbc.sql("""
				update activity_registration set status = :s, waitlist_seq = :seq, registered_at = :now,
				  decided_at = :decided, cancelled_at = null, attended_at = null, feedback_stars = null,
				  feedback_comment = null, feedback_at = null, changed_by_account_id = :by
				where id = :id and status = :was""")
			.param("s", status.name()).param("seq", waitlistSeq, Types.INTEGER).param("now", now)
			.param("decided", status == RegistrationStatus.CONFIRMED ? now : null, Types.TIMESTAMP_WITH_TIMEZONE)
			.param("by", changedBy, Types.BIGINT).param("id", id).param("was", was.name()).update();
	}

	/** Moves a registration on; only from the status the caller saw, so a stale move changes nothing. */
	boolean move(long id, RegistrationStatus from, RegistrationStatus to, OffsetDateTime now, Long changedBy) {
		String time = switch (to) {
			case CANCELLED -> "cancelled_at";
			default -> "decided_at";
		};
		return jdbc.sql("update activity_registration set status = :to, " + time
				+ " = :now, changed_by_account_id = :by where id = :id and status = :from")
			.param("to", to.name()).param("now", now).param("by", changedBy, Types.BIGINT).param("id", id)
			.param("from", from.name()).update() == 1;
	}

	Optional<RegistrationRow> firstWaiting(long activityId) {
		return jdbc.sql("select " + RegistrationRow.COLUMNS + """
				 from activity_registration r where r.activity_id = :a and r.status = 'WAITLISTED'
				order by r.waitlist_seq fetch first 1 rows only""")
			.param("a", activityId).query(RegistrationRow::map).optional();
	}

	int waitlistPosition(long activityId, int seq) {
		return jdbc.sql("""
				select count(*) from activity_registration
				where activity_id = :a and status = 'WAITLISTED' and waitlist_seq <= :seq""")
			.param("a", activityId).param("seq", seq).query(Integer.class).single();
	}

	List<RegistrationRow> registrations(long activityId) {
		return registrations(jdbc, activityId);
	}

	/** {@link #registrations(long)} on the standby, for the export: a sign-up of a moment ago may be missing. */
	List<RegistrationRow> registrationsToExport(long activityId) {
		return registrations(reads, activityId);
	}

	private static List<RegistrationRow> registrations(JdbcClient via, long activityId) {
		return via.sql("select " + RegistrationRow.COLUMNS + """
				 from activity_registration r where r.activity_id = :a
				order by case r.status when 'CONFIRMED' then 0 when 'PENDING' then 1 when 'WAITLISTED' then 2 else 3 end,
				  r.waitlist_seq, r.registered_at, r.id""")
			.param("a", activityId).query(RegistrationRow::map).list();
	}

	List<RegistrationRow> withStatus(long activityId, RegistrationStatus status) {
		return jdbc.sql("select " + RegistrationRow.COLUMNS
				+ " from activity_registration r where r.activity_id = :a and r.status = :s order by r.waitlist_seq, r.id")
			.param("a", activityId).param("s", status.name()).query(RegistrationRow::map).list();
	}

	/** Checks out one who checked in and has not checked out; false if another request did it first. */
	boolean checkOut(long registrationId, OffsetDateTime now) {
		return jdbc.sql("""
				update activity_registration set checked_out_at = :now
				where id = :id and attended_at is not null and checked_out_at is null""")
			.param("now", now).param("id", registrationId).update() == 1;
	}

	boolean checkIn(long registrationId, OffsetDateTime now) {
		return jdbc.sql("update activity_registration set attended_at = :now where id = :id and attended_at is null")
			.param("now", now).param("id", registrationId).update() == 1;
	}

	/** Whether the person is active and meets the condition on {@code person p} (such as being administered by the caller). */
	boolean isActivePerson(long personId, SqlCondition people) {
		return jdbc.sql("select count(*) from person p where p.id = :personId and p.active = true and " + people.sql())
			.params(people.params()).param("personId", personId).query(Long.class).single() > 0;
	}

	void feedback(long registrationId, int stars, String comment, OffsetDateTime now) {
		jdbc.sql("update activity_registration set feedback_stars = :s, feedback_comment = :c, feedback_at = :now where id = :id")
			.param("s", stars).param("c", comment, Types.VARCHAR).param("now", now).param("id", registrationId)
			.update();
	}
}
