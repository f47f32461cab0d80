package org.quntuan.volunteer;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.SqlCondition;
import org.quntuan.platform.SqlPages;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The SQL of the hours ledger: inserts and reads only, nothing is updated or deleted. An entry counts
 * as verified when it is an adjustment or a claim with an approving check ({@link #VERIFIED}).
 */
@Repository
class HoursRepository {

	/** Over {@code volunteer_hours h left join volunteer_hours_check c on c.claim_id = h.id}. */
	static final String VERIFIED = "(h.kind = 'ADJUSTMENT' or c.approved = true)";

	static final String LEDGER = "volunteer_hours h left join volunteer_hours_check c on c.claim_id = h.id";

	/**
	 * An entry with its check (claims) and, for a claim, the hours it counts with its adjustments.
	 *
	 * @param approved null while a claim waits for its check (and for adjustments)
	 */
	record EntryRow(long id, long personId, EntryKind kind, Long adjustsId, LocalDate date, BigDecimal hours,
			String description, String reason, String authorName, OffsetDateTime createdAt, Boolean approved,
			String checkReason, String checkerName, BigDecimal adjusted) {

		HoursStatus status() {
			return approved == null ? HoursStatus.PENDING : approved ? HoursStatus.VERIFIED : HoursStatus.REJECTED;
		}

		/** What a claim counts: its hours and adjustments once verified, nothing otherwise. */
		BigDecimal counted() {
			return Boolean.TRUE.equals(approved) ? hours.add(adjusted) : BigDecimal.ZERO;
		}
	}

	record Totals(BigDecimal verified, BigDecimal pending) {
	}

	private static final String COLUMNS = """
			h.id, h.person_id, h.kind, h.adjusts_id, h.service_date, h.hours, h.description, h.reason, h.author_name,
			h.created_at, c.approved, c.reason as check_reason, c.checker_name,
			(select coalesce(sum(a.hours), 0) from volunteer_hours a where a.adjusts_id = h.id) as adjusted""";

	private final JdbcClient jdbc;

	HoursRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insertClaim(long personId, LocalDate date, BigDecimal hours, String description, long author,
			String authorName, OffsetDateTime now) {
		return insert(personId, "CLAIM", null, null, date, hours, description, null, author, authorName, now);
	}

	/** A claim measured by the check-in and check-out of a 志愿 activity; at most one per activity and person. */
	long insertServiceClaim(long personId, long activityId, LocalDate date, BigDecimal hours, String description,
			long author, String authorName, OffsetDateTime now) {
		return insert(personId, "CLAIM", null, activityId, date, hours, description, null, author, authorName, now);
	}

	long insertAdjustment(long personId, long claimId, LocalDate date, BigDecimal hours, String reason, long author,
			String authorName, OffsetDateTime now) {
		return insert(personId, "ADJUSTMENT", claimId, null, date, hours, null, reason, author, authorName, now);
	}

	private long insert(long personId, String kind, Long adjusts, Long activityId, LocalDate date, BigDecimal hours,
			String description, String reason, long author, String authorName, OffsetDateTime now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into volunteer_hours (person_id, kind, adjusts_id, activity_id, service_date, hours, description,
				  reason, author_account_id, author_name, created_at)
				values (:p, :kind, :adjusts, :activity, :date, :hours, :description, :reason, :author, :name, :now)""")
			.param("p", personId).param("kind", kind).param("adjusts", adjusts).param("activity", activityId)
			.param("date", date)
			.param("hours", hours).param("description", description).param("reason", reason).param("author", author)
			.param("name", authorName).param("now", now).update(keys, "id");
		return keys.getKey().longValue();
	}

	/** The one check of a claim; a second one breaks the primary key. */
	void insertCheck(long claimId, boolean approved, String reason, long checker, String checkerName,
			OffsetDateTime now) {
		jdbc.sql("""
				insert into volunteer_hours_check (claim_id, approved, reason, checker_account_id, checker_name, checked_at)
				values (:claim, :approved, :reason, :checker, :name, :now)""")
			.param("claim", claimId).param("approved", approved).param("reason", reason).param("checker", checker)
			.param("name", checkerName).param("now", now).update();
	}

	Optional<EntryRow> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from " + LEDGER + " where h.id = :id").param("id", id)
			.query(HoursRepository::row).optional();
	}

	/** The hours of a person's day that count or may yet count: every entry but rejected claims. */
	BigDecimal dayTotal(long personId, LocalDate date) {
		return jdbc.sql("select coalesce(sum(h.hours), 0) from " + LEDGER
				+ " where h.person_id = :p and h.service_date = :d and (c.approved is null or c.approved = true)")
			.param("p", personId).param("d", date).query(BigDecimal.class).single();
	}

	Totals totals(long personId) {
		return jdbc.sql("select coalesce(sum(case when " + VERIFIED + " then h.hours else 0 end), 0),"
				+ " coalesce(sum(case when h.kind = 'CLAIM' and c.claim_id is null then h.hours else 0 end), 0)"
				+ " from " + LEDGER + " where h.person_id = :p")
			.param("p", personId).query((rs, i) -> new Totals(rs.getBigDecimal(1), rs.getBigDecimal(2))).single();
	}

	List<EntryRow> entries(long personId) {
		return jdbc.sql("select " + COLUMNS + " from " + LEDGER + " where h.person_id = :p order by h.id desc")
			.param("p", personId).query(HoursRepository::row).list();
	}

	record ClaimRow(EntryRow entry, String name, String organName) {
	}

	/** Claims of the people in the scope: waiting for their check (oldest first), or all (newest first). */
	PageResult<ClaimRow> claims(SqlCondition scope, boolean pendingOnly, PageRequest page) {
		String from = "from " + LEDGER + " join person p on p.id = h.person_id join org organ on organ.id = p.organ_id"
				+ " where h.kind = 'CLAIM' and " + scope.sql() + (pendingOnly ? " and c.claim_id is null" : "");
		Map<String, Object> params = scope.params();
		return SqlPages.page(jdbc, COLUMNS + ", p.name as person_name, organ.name as organ_name", from,
				pendingOnly ? "h.created_at, h.id" : "h.created_at desc, h.id desc", params, page,
				(rs, i) -> new ClaimRow(row(rs, i), rs.getString("person_name"), rs.getString("organ_name")));
	}

	private static EntryRow row(ResultSet rs, int i) throws SQLException {
		return new EntryRow(rs.getLong("id"), rs.getLong("person_id"), EntryKind.valueOf(rs.getString("kind")),
				(Long) rs.getObject("adjusts_id", Long.class), rs.getObject("service_date", LocalDate.class),
				rs.getBigDecimal("hours"), rs.getString("description"), rs.getString("reason"),
				rs.getString("author_name"), rs.getObject("created_at", OffsetDateTime.class),
				(Boolean) rs.getObject("approved", Boolean.class), rs.getString("check_reason"),
				rs.getString("checker_name"), rs.getBigDecimal("adjusted"));
	}
}
