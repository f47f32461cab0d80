package org.quntuan.care.visits;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
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

/** The SQL of the sick reports (患病住院登记). */
@Repository
class SickReportRepository {

	/** A report with its person's current name and organ (path for the scope and the audit). */
	record ReportRow(SickReportViews.Report view, String organPath) {
	}

	private static final String COLUMNS = """
			s.*, p.name as person_name, p.organ_id as person_organ_id, o.name as organ_name, o.path as organ_path""";

	private static final String FROM = """
			from care_visit_sick_report s join person p on p.id = s.person_id join org o on o.id = p.organ_id""";

	private final JdbcClient jdbc;

	SickReportRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long personId, long organId, LocalDate admittedOn, LocalDate dischargedOn, String hospital,
			String diagnosis, long accountId, String name, OffsetDateTime now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into care_visit_sick_report (person_id, organ_id, admitted_on, discharged_on, hospital, diagnosis,
				  filed_by_account_id, filed_by_name, filed_at)
				values (:person, :organ, :admitted, :discharged, :hospital, :diagnosis, :account, :name, :now)""")
			.param("person", personId).param("organ", organId).param("admitted", admittedOn)
			.param("discharged", dischargedOn, Types.DATE).param("hospital", hospital)
			.param("diagnosis", diagnosis, Types.VARCHAR).param("account", accountId).param("name", name)
			.param("now", now)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	Optional<ReportRow> report(long id) {
		return jdbc.sql("select " + COLUMNS + " " + FROM + " where s.id = :id").param("id", id)
			.query(SickReportRepository::map).optional();
	}

	/** Changes the dates, hospital and note if the version is still the one read; false otherwise. */
	boolean update(long id, int version, LocalDate admittedOn, LocalDate dischargedOn, String hospital,
			String diagnosis) {
		return jdbc.sql("""
				update care_visit_sick_report set admitted_on = :admitted, discharged_on = :discharged, hospital = :hospital,
				  diagnosis = :diagnosis, version = version + 1
				where id = :id and version = :v and closed_at is null""")
			.param("admitted", admittedOn).param("discharged", dischargedOn, Types.DATE).param("hospital", hospital)
			.param("diagnosis", diagnosis, Types.VARCHAR).param("id", id).param("v", version).update() == 1;
	}

	/** Closes an open report once; false when it was closed already. */
	boolean close(long id, String name, OffsetDateTime now) {
		return jdbc.sql("""
				update care_visit_sick_report set closed_at = :now, closed_by_name = :name, version = version + 1
				where id = :id and closed_at is null""")
			.param("now", now).param("name", name).param("id", id).update() == 1;
	}

	/**
	 * The active people the condition over {@code person p} admits with a report admitted in the period, or
	 * still open and admitted before its end: the 患病住院 a visit plan of the period can take.
	 */
	List<Long> sickPeople(SqlCondition people, LocalDate from, LocalDate to) {
		Map<String, Object> params = new HashMap<>(people.paramsWith("sickFrom", from));
		params.put("sickTo", to);
		return jdbc.sql("""
				select distinct s.person_id from care_visit_sick_report s join person p on p.id = s.person_id
				where p.active = true and s.admitted_on <= :sickTo
				  and (s.admitted_on >= :sickFrom or s.closed_at is null) and """ + people.sql() + " order by s.person_id")
			.params(params).query(Long.class).list();
	}

	/**
	 * The reports of the people the condition over {@code person p} admits, the latest admission first.
	 *
	 * @param open only the open (true), only the closed (false), or all
	 */
	PageResult<SickReportViews.Report> reports(SqlCondition people, Boolean open, PageRequest page) {
		StringBuilder where = new StringBuilder(" where ").append(people.sql());
		Map<String, Object> params = new HashMap<>(people.params());
		if (open != null) {
			where.append(open ? " and s.closed_at is null" : " and s.closed_at is not null");
		}
		return SqlPages.page(jdbc, COLUMNS, FROM + where, "s.admitted_on desc, s.id desc", params, page,
				(rs, i) -> map(rs, i).view());
	}

	private static ReportRow map(ResultSet rs, int i) throws SQLException {
		OffsetDateTime closedAt = rs.getObject("closed_at", OffsetDateTime.class);
		return new ReportRow(new SickReportViews.Report(rs.getLong("id"), rs.getLong("person_id"),
				rs.getString("person_name"), rs.getLong("person_organ_id"), rs.getString("organ_name"),
				rs.getObject("admitted_on", LocalDate.class), rs.getObject("discharged_on", LocalDate.class),
				rs.getString("hospital"), rs.getString("diagnosis"), rs.getString("filed_by_name"),
				rs.getObject("filed_at", OffsetDateTime.class), closedAt == null, closedAt, rs.getString("closed_by_name"),
				rs.getInt("version")), rs.getString("organ_path"));
	}
}
