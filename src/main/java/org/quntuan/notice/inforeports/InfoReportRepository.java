package org.quntuan.notice.inforeports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.quntuan.platform.SqlCondition;
import org.quntuan.platform.reads.ReadsJdbc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * SQL of information reports. The export of the list and the yearly ranking read on the standby when
 * there is one ({@link ReadsJdbc}); the page list, one item and every write use the primary.
 */
@Repository
class InfoReportRepository {

	record Row(long id, String title, String body, long organId, String organName, String organPath,
			long authorAccountId, String authorName, InfoReportStatus status, String publishedWhere,
			OffsetDateTime submittedAt, OffsetDateTime markedAt, int version) {
	}

	record OfficerTotals(long accountId, String name, String organName, long items, long received, long adopted,
			long published, long points) {
	}

	record OrganTotals(long organId, String organName, long officers, long items, long adopted, long published,
			long points) {
	}

	private static final String SELECT = """
			select r.id, r.title, r.body, r.organ_id, o.name as organ_name, o.path as organ_path, r.author_account_id,
			  r.author_name, r.status, r.published_where, r.submitted_at, r.marked_at, r.version
			from info_report r join org o on o.id = r.organ_id""";

	/** Points by status as bound values: the scheme comes from the properties at query time. */
	private static final String POINTS = "case r.status when 'RECEIVED' then :pr when 'ADOPTED' then :pa"
			+ " when 'PUBLISHED' then :pp else 0 end";

	private final JdbcClient jdbc;

	/** The export's and the ranking's reads: the read-only standby when there is one. */
	private final JdbcClient reads;

	InfoReportRepository(JdbcClient jdbc, ReadsJdbc reads) {
		this.jdbc = jdbc;
		this.reads = reads.client();
	}

	long insert(String title, String body, long organId, long author, String authorName, OffsetDateTime now,
			int year) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into info_report (title, body, organ_id, author_account_id, author_name, status, submitted_at,
				  report_year, version)
				values (:title, :body, :organ, :author, :name, 'SUBMITTED', :now, :year, 0)""")
			.param("title", title).param("body", body).param("organ", organId).param("author", author)
			.param("name", authorName).param("now", now).param("year", year)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	Optional<Row> find(long id) {
		return jdbc.sql(SELECT + " where r.id = :id").param("id", id).query(InfoReportRepository::row).optional();
	}

	/** Visible ones of a year (and status), newest first. */
	List<Row> list(SqlCondition scope, Integer year, InfoReportStatus status, int limit, long offset) {
		return list(jdbc, scope, year, status, limit, offset);
	}

	/** {@link #list} for the export, on the standby: the first ones, up to the limit. */
	List<Row> exported(SqlCondition scope, Integer year, InfoReportStatus status, int limit) {
		return list(reads, scope, year, status, limit, 0);
	}

	private static List<Row> list(JdbcClient via, SqlCondition scope, Integer year, InfoReportStatus status, int limit,
			long offset) {
		return via.sql(SELECT + " where " + scope.sql() + (year == null ? "" : " and r.report_year = :year")
				+ (status == null ? "" : " and r.status = :status") + " order by r.submitted_at desc, r.id desc"
				+ " limit :limit offset :offset")
			.params(scope.params()).params(filters(year, status)).param("limit", limit).param("offset", offset)
			.query(InfoReportRepository::row).list();
	}

	long count(SqlCondition scope, Integer year, InfoReportStatus status) {
		return jdbc.sql("select count(*) from info_report r join org o on o.id = r.organ_id where " + scope.sql()
				+ (year == null ? "" : " and r.report_year = :year") + (status == null ? "" : " and r.status = :status"))
			.params(scope.params()).params(filters(year, status)).query(Long.class).single();
	}

	private static Map<String, Object> filters(Integer year, InfoReportStatus status) {
		Map<String, Object> p = new HashMap<>();
		if (year != null) {
			p.put("year", year);
		}
		if (status != null) {
			p.put("status", status.name());
		}
		return p;
	}

	boolean mark(long id, int version, InfoReportStatus status, String where, long by, OffsetDateTime now) {
		return jdbc.sql("""
				update info_report set status = :status, published_where = :where, marked_by = :by, marked_at = :now,
				  version = version + 1
				where id = :id and version = :version""")
			.param("status", status.name()).param("where", where, Types.VARCHAR).param("by", by).param("now", now)
			.param("id", id).param("version", version).update() == 1;
	}

	List<OfficerTotals> officers(SqlCondition scope, int year, InfoReportPoints points) {
		return reads.sql("select r.author_account_id, max(r.author_name) as name, max(o.name) as organ_name,"
				+ " count(*) as items, sum(case when r.status = 'RECEIVED' then 1 else 0 end) as received,"
				+ " sum(case when r.status = 'ADOPTED' then 1 else 0 end) as adopted,"
				+ " sum(case when r.status = 'PUBLISHED' then 1 else 0 end) as published,"
				+ " sum(" + POINTS + ") as points"
				+ " from info_report r join org o on o.id = r.organ_id where r.report_year = :year and " + scope.sql()
				+ " group by r.author_account_id order by points desc, items desc, r.author_account_id")
			.params(scope.params()).param("year", year).params(points(points))
			.query((rs, i) -> new OfficerTotals(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
					rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)))
			.list();
	}

	List<OrganTotals> organs(SqlCondition scope, int year, InfoReportPoints points) {
		return reads.sql("select r.organ_id, max(o.name) as organ_name, count(distinct r.author_account_id) as officers,"
				+ " count(*) as items, sum(case when r.status = 'ADOPTED' then 1 else 0 end) as adopted,"
				+ " sum(case when r.status = 'PUBLISHED' then 1 else 0 end) as published,"
				+ " sum(" + POINTS + ") as points"
				+ " from info_report r join org o on o.id = r.organ_id where r.report_year = :year and " + scope.sql()
				+ " group by r.organ_id order by points desc, items desc, r.organ_id")
			.params(scope.params()).param("year", year).params(points(points))
			.query((rs, i) -> new OrganTotals(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
					rs.getLong(5), rs.getLong(6), rs.getLong(7)))
			.list();
	}

	private static Map<String, Object> points(InfoReportPoints points) {
		return Map.of("pr", points.of(InfoReportStatus.RECEIVED), "pa", points.of(InfoReportStatus.ADOPTED),
				"pp", points.of(InfoReportStatus.PUBLISHED));
	}

	private static Row row(ResultSet rs, int i) throws SQLException {
		return new Row(rs.getLong("id"), rs.getString("title"), rs.getString("body"), rs.getLong("organ_id"),
				rs.getString("organ_name"), rs.getString("organ_path"), rs.getLong("author_account_id"),
				rs.getString("author_name"), InfoReportStatus.valueOf(rs.getString("status")),
				rs.getString("published_where"), rs.getObject("submitted_at", OffsetDateTime.class),
				rs.getObject("marked_at", OffsetDateTime.class), rs.getInt("version"));
	}
}
