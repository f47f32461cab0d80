package org.quntuan.governance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.Optional;

import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.SqlCondition;
import org.quntuan.platform.SqlPages;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class MeetingRepository {

	record Row(long id, long orgId, Long organId, String title, MeetingKind kind, OffsetDateTime startsAt,
			String place, String agenda, MeetingStatus status, String minutes, OffsetDateTime minutesPublishedAt,
			int version) {
	}

	record InviteeRow(long personId, Attendance attendance) {
	}

	record ResolutionRow(long id, long meetingId, String meetingTitle, long orgId, String content, long ownerId,
			LocalDate dueDate, ResolutionStatus status, String closingNote, OffsetDateTime closedAt, int version) {
	}

	private static final String COLUMNS = "m.id, m.org_id, m.organ_id, m.title, m.kind, m.starts_at, m.place, m.agenda,"
			+ " m.status, m.minutes, m.minutes_published_at, m.version";

	private static final String RESOLUTION_COLUMNS = "r.id, r.meeting_id, m.title, m.org_id, r.content,"
			+ " r.owner_person_id, r.due_date, r.status, r.closing_note, r.closed_at, r.version";

	private final JdbcClient jdbc;

	MeetingRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long orgId, Long organId, String title, MeetingKind kind, OffsetDateTime startsAt, String place,
			String agenda, Long createdBy, OffsetDateTime now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into meeting (org_id, organ_id, title, kind, starts_at, place, agenda, status, created_by, created_at)
				values (:org, :organ, :title, :kind, :startsAt, :place, :agenda, 'SCHEDULED', :by, :now)""")
			.param("org", orgId).param("organ", organId).param("title", title).param("kind", kind.name())
			.param("startsAt", startsAt).param("place", place).param("agenda", agenda).param("by", createdBy)
			.param("now", now)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void addInvitees(long meetingId, List<Long> personIds) {
		for (Long p : personIds) {
			jdbc.sql("insert into meeting_invitee (meeting_id, person_id) values (:m, :p)").param("m", meetingId)
				.param("p", p).update();
		}
	}

	Optional<Row> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from meeting m where m.id = :id").param("id", id).query(this::row)
			.optional();
	}

	long count(SqlCondition scope, Long orgId, boolean publishedOnly) {
		return jdbc.sql("select count(*) from meeting m where " + scope.sql() + filters(orgId, publishedOnly))
			.params(scope.params()).param("orgId", orgId == null ? -1L : orgId)
			.query(Long.class).single();
	}

	List<Row> page(SqlCondition scope, Long orgId, boolean publishedOnly, long offset, int size) {
		return jdbc.sql("select " + COLUMNS + " from meeting m where " + scope.sql() + filters(orgId, publishedOnly)
				+ " order by m.starts_at desc, m.id desc offset :offset rows fetch first :size rows only")
			.params(scope.params()).param("orgId", orgId == null ? -1L : orgId)
			.param("offset", offset).param("size", size)
			.query(this::row).list();
	}

	private static String filters(Long orgId, boolean publishedOnly) {
		return (orgId == null ? " and :orgId = -1" : " and m.org_id = :orgId")
				+ (publishedOnly ? " and m.minutes_published_at is not null" : "");
	}

	List<InviteeRow> invitees(long meetingId) {
		return jdbc.sql("select person_id, attendance from meeting_invitee where meeting_id = :m order by person_id")
			.param("m", meetingId)
			.query((rs, i) -> new InviteeRow(rs.getLong(1),
					rs.getString(2) == null ? null : Attendance.valueOf(rs.getString(2))))
			.list();
	}

	boolean isInvited(long meetingId, long personId) {
		return jdbc.sql("select count(*) from meeting_invitee where meeting_id = :m and person_id = :p")
			.param("m", meetingId).param("p", personId).query(Long.class).single() > 0;
	}

	void setAttendance(long meetingId, long personId, Attendance attendance) {
		jdbc.sql("update meeting_invitee set attendance = :a where meeting_id = :m and person_id = :p")
			.param("a", attendance.name()).param("m", meetingId).param("p", personId).update();
	}

	/** Optimistic: false when the version is stale. */
	boolean saveMinutes(long id, int version, String minutes, OffsetDateTime publishedAt) {
		return jdbc.sql("""
				update meeting set minutes = :minutes, minutes_published_at = :publishedAt, version = version + 1
				where id = :id and version = :version""")
			.param("minutes", minutes).param("publishedAt", publishedAt).param("id", id).param("version", version)
			.update() == 1;
	}

	boolean touch(long id, int version) {
		return jdbc.sql("update meeting set version = version + 1 where id = :id and version = :version")
			.param("id", id).param("version", version).update() == 1;
	}

	boolean cancel(long id, int version) {
		return jdbc.sql("update meeting set status = 'CANCELLED', version = version + 1 where id = :id and version = :version")
			.param("id", id).param("version", version).update() == 1;
	}

	long insertResolution(long meetingId, String content, long ownerId, LocalDate due, OffsetDateTime now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into meeting_resolution (meeting_id, content, owner_person_id, due_date, status, created_at)
				values (:m, :content, :owner, :due, 'OPEN', :now)""")
			.param("m", meetingId).param("content", content).param("owner", ownerId).param("due", due)
			.param("now", now).update(keys, "id");
		return keys.getKey().longValue();
	}

	List<ResolutionRow> resolutionsOf(long meetingId) {
		return jdbc.sql("select " + RESOLUTION_COLUMNS
				+ " from meeting_resolution r join meeting m on m.id = r.meeting_id where r.meeting_id = :m order by r.id")
			.param("m", meetingId).query(this::resolution).list();
	}

	Optional<ResolutionRow> findResolution(long id) {
		return jdbc.sql("select " + RESOLUTION_COLUMNS
				+ " from meeting_resolution r join meeting m on m.id = r.meeting_id where r.id = :id")
			.param("id", id).query(this::resolution).optional();
	}

	/**
	 * Resolutions of the meetings in a scope, open first by due date.
	 *
	 * @param ownerId also those this person owns, whatever the scope
	 */
	List<ResolutionRow> resolutions(SqlCondition scope, Long ownerId, ResolutionStatus status, Long orgId,
			int limit) {
		return jdbc.sql("select " + RESOLUTION_COLUMNS + " from meeting_resolution r join meeting m on m.id = r.meeting_id"
				+ " where (" + scope.sql() + " or r.owner_person_id = :owner)"
				+ (status == null ? " and :status = ''" : " and r.status = :status")
				+ (orgId == null ? " and :orgId = -1" : " and m.org_id = :orgId")
				+ " order by r.status desc, r.due_date, r.id fetch first :limit rows only")
			.params(scope.params()).param("owner", ownerId == null ? -1L : ownerId)
			.param("status", status == null ? "" : status.name()).param("orgId", orgId == null ? -1L : orgId)
			.param("limit", limit)
			.query(this::resolution).list();
	}

	/** A page of {@link #resolutions(SqlCondition, Long, ResolutionStatus, Long, int)}. */
	PageResult<ResolutionRow> resolutions(SqlCondition scope, Long ownerId, ResolutionStatus status, Long orgId,
			PageRequest page) {
		Map<String, Object> params = new HashMap<>(scope.params());
		params.put("owner", ownerId == null ? -1L : ownerId);
		params.put("status", status == null ? "" : status.name());
		params.put("orgId", orgId == null ? -1L : orgId);
		return SqlPages.page(jdbc, RESOLUTION_COLUMNS, "from meeting_resolution r join meeting m on m.id = r.meeting_id"
				+ " where (" + scope.sql() + " or r.owner_person_id = :owner)"
				+ (status == null ? " and :status = ''" : " and r.status = :status")
				+ (orgId == null ? " and :orgId = -1" : " and m.org_id = :orgId"),
				"r.status desc, r.due_date, r.id", params, page, this::resolution);
	}

	boolean closeResolution(long id, int version, String note, Long by, OffsetDateTime now) {
		return jdbc.sql("""
				update meeting_resolution set status = 'CLOSED', closing_note = :note, closed_by = :by, closed_at = :now,
				version = version + 1 where id = :id and version = :version and status = 'OPEN'""")
			.param("note", note).param("by", by).param("now", now).param("id", id).param("version", version)
			.update() == 1;
	}

	/** Open resolutions due on or before a date, for reminders (unscoped: a job). */
	List<ResolutionRow> openDueBy(LocalDate date) {
		return jdbc.sql("select " + RESOLUTION_COLUMNS + " from meeting_resolution r join meeting m on m.id = r.meeting_id"
				+ " where r.status = 'OPEN' and r.due_date <= :date order by r.id")
			.param("date", date).query(this::resolution).list();
	}

	private Row row(ResultSet rs, int i) throws SQLException {
		return new Row(rs.getLong("id"), rs.getLong("org_id"), rs.getObject("organ_id", Long.class),
				rs.getString("title"), MeetingKind.valueOf(rs.getString("kind")),
				rs.getObject("starts_at", OffsetDateTime.class), rs.getString("place"), rs.getString("agenda"),
				MeetingStatus.valueOf(rs.getString("status")), rs.getString("minutes"),
				rs.getObject("minutes_published_at", OffsetDateTime.class), rs.getInt("version"));
	}

	private ResolutionRow resolution(ResultSet rs, int i) throws SQLException {
		return new ResolutionRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5),
				rs.getLong(6), rs.getObject(7, LocalDate.class), ResolutionStatus.valueOf(rs.getString(8)),
				rs.getString(9), rs.getObject(10, OffsetDateTime.class), rs.getInt(11));
	}
}
