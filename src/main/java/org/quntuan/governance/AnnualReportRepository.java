package org.quntuan.governance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class AnnualReportRepository {

	record Row(long id, long orgId, int year, LocalDate reportedOn, long fileId, OffsetDateTime submittedAt,
			OffsetDateTime confirmedAt, int version) {
	}

	private static final String COLUMNS = "id, org_id, report_year, reported_on, file_id, submitted_at, confirmed_at, version";

	private final JdbcClient jdbc;

	AnnualReportRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Row> find(long orgId, int year) {
		return jdbc.sql("select " + COLUMNS + " from annual_report where org_id = :org and report_year = :year")
			.param("org", orgId).param("year", year).query(this::row).optional();
	}

	Optional<Row> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from annual_report where id = :id").param("id", id).query(this::row)
			.optional();
	}

	List<Row> ofYear(int year) {
		return jdbc.sql("select " + COLUMNS + " from annual_report where report_year = :year").param("year", year)
			.query(this::row).list();
	}

	long insert(long orgId, int year, LocalDate reportedOn, long fileId, Long by, OffsetDateTime now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into annual_report (org_id, report_year, reported_on, file_id, submitted_by, submitted_at)
				values (:org, :year, :on, :file, :by, :now)""")
			.param("org", orgId).param("year", year).param("on", reportedOn).param("file", fileId).param("by", by)
			.param("now", now).update(keys, "id");
		return keys.getKey().longValue();
	}

	/** Replaces an unconfirmed report; false if it was confirmed or changed meanwhile. */
	boolean replace(long id, int version, LocalDate reportedOn, long fileId, Long by, OffsetDateTime now) {
		return jdbc.sql("""
				update annual_report set reported_on = :on, file_id = :file, submitted_by = :by, submitted_at = :now,
				version = version + 1 where id = :id and version = :version and confirmed_at is null""")
			.param("on", reportedOn).param("file", fileId).param("by", by).param("now", now).param("id", id)
			.param("version", version).update() == 1;
	}

	boolean confirm(long id, Long by, OffsetDateTime now) {
		return jdbc.sql("""
				update annual_report set confirmed_by = :by, confirmed_at = :now, version = version + 1
				where id = :id and confirmed_at is null""")
			.param("by", by).param("now", now).param("id", id).update() == 1;
	}

	/**
	 * Every active 工会 / 团组织 / 妇委会, for the reminder job, which runs without a caller. Reads the
	 * organization module's table directly: its facade resolves orgs only within a caller's scope.
	 */
	List<Long> allMassOrgIds() {
		return jdbc.sql("select id from org where active = true and type in ('UNION', 'LEAGUE', 'WOMEN') order by path")
			.query(Long.class).list();
	}

	private Row row(ResultSet rs, int i) throws SQLException {
		return new Row(rs.getLong("id"), rs.getLong("org_id"), rs.getInt("report_year"),
				rs.getObject("reported_on", LocalDate.class), rs.getLong("file_id"),
				rs.getObject("submitted_at", OffsetDateTime.class), rs.getObject("confirmed_at", OffsetDateTime.class),
				rs.getInt("version"));
	}
}
