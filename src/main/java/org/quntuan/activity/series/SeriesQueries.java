package org.quntuan.activity.series;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.quntuan.organization.OrganizationQueries;
import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.SqlCondition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of the 四季有你 series. The quarters themselves are public to every signed-in user; the
 * activities listed under them are those the caller may see ({@link SeriesScope}).
 */
@Service
@Transactional(readOnly = true)
public class SeriesQueries {

	private static final String QUARTER = "select id, year, quarter, theme, description from activity_series";

	private final JdbcClient jdbc;

	private final CurrentUserProvider users;

	private final OrganizationQueries orgs;

	SeriesQueries(JdbcClient jdbc, CurrentUserProvider users, OrganizationQueries orgs) {
		this.jdbc = jdbc;
		this.users = users;
		this.orgs = orgs;
	}

	/** The quarters of a year, in order; empty when the year is not planned. For activity forms too. */
	public List<SeriesQuarter> year(int year) {
		return jdbc.sql(QUARTER + " where year = :y order by quarter").param("y", year).query(SeriesQueries::quarter)
			.list();
	}

	/** Unscoped: a series quarter by id, e.g. to check the series an activity names. */
	public Optional<SeriesQuarter> find(long id) {
		return jdbc.sql(QUARTER + " where id = :id").param("id", id).query(SeriesQueries::quarter).optional();
	}

	/** Planned years, newest first. */
	public List<Integer> years() {
		return jdbc.sql("select distinct year from activity_series order by year desc").query(Integer.class).list();
	}

	/** What is on in a quarter and how many took part, within the caller's sight; 404 for an unknown id. */
	public SeriesParticipation participation(long id) {
		SeriesQuarter quarter = find(id).orElseThrow(NotFoundException::new);
		return SeriesParticipation.of(quarter, items(quarter.id()));
	}

	/** The four quarters of a year with their participation. */
	public List<SeriesParticipation> participationOfYear(int year) {
		return year(year).stream().map(q -> SeriesParticipation.of(q, items(q.id()))).toList();
	}

	private List<SeriesParticipation.Item> items(long seriesId) {
		SqlCondition scope = SeriesScope.of(users.current(), orgs);
		return jdbc.sql("""
				select a.id, a.title, a.type, o.name as organizer, a.place, a.start_at, a.end_at, a.status, a.seats,
				  (select count(*) from activity_registration r where r.activity_id = a.id and r.status = 'CONFIRMED') as registered,
				  (select count(*) from activity_registration r where r.activity_id = a.id and r.attended_at is not null) as attended
				from activity a join org o on o.id = a.organizer_org_id
				where a.series_id = :series and """ + scope.sql() + " order by a.start_at, a.id")
			.param("series", seriesId).params(scope.params())
			.query((rs, i) -> new SeriesParticipation.Item(rs.getLong("id"), rs.getString("title"), rs.getString("type"),
					rs.getString("organizer"), rs.getString("place"), rs.getObject("start_at", OffsetDateTime.class),
					rs.getObject("end_at", OffsetDateTime.class), rs.getString("status"), rs.getInt("seats"),
					rs.getLong("registered"), rs.getLong("attended")))
			.list();
	}

	static SeriesQuarter quarter(ResultSet rs, int i) throws SQLException {
		return new SeriesQuarter(rs.getLong("id"), rs.getInt("year"), rs.getInt("quarter"), rs.getString("theme"),
				rs.getString("description"));
	}
}
