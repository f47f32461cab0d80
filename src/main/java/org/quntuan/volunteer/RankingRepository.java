package org.quntuan.volunteer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.SqlCondition;
import org.quntuan.platform.SqlPages;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A year's verified hours summed per person, team or organ, set-based. A row's {@code lifetime} is a
 * person's verified hours of all years (for the star level); teams and organs count their approved
 * volunteers.
 */
@Repository
class RankingRepository {

	record Row(long id, String name, String organName, long volunteers, BigDecimal hours, BigDecimal lifetime) {
	}

	record OrganFigures(long organId, String organPath, BigDecimal hours, long volunteers) {
	}

	private static final String YEAR_HOURS = """
			select h.person_id, sum(h.hours) as hours from volunteer_hours h
			left join volunteer_hours_check c on c.claim_id = h.id
			where %s and h.service_date >= :from and h.service_date < :to
			group by h.person_id""".formatted(HoursRepository.VERIFIED);

	private final JdbcClient jdbc;

	RankingRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	PageResult<Row> persons(SqlCondition scope, int year, PageRequest page) {
		String inner = """
				select p.id, p.name, organ.name as organ_name, 1 as volunteers, y.hours,
				  (select sum(h.hours) from volunteer_hours h left join volunteer_hours_check c on c.claim_id = h.id
				   where h.person_id = p.id and %s) as lifetime
				from (%s) y join person p on p.id = y.person_id join org organ on organ.id = p.organ_id
				where y.hours > 0 and %s""".formatted(HoursRepository.VERIFIED, YEAR_HOURS, scope.sql());
		return page(inner, params(scope.params(), year), page);
	}

	PageResult<Row> teams(int year, PageRequest page) {
		String inner = """
				select t.id, t.name, organ.name as organ_name, count(*) as volunteers, coalesce(sum(y.hours), 0) as hours,
				  0 as lifetime
				from volunteer_team t join org organ on organ.id = t.organ_id
				join volunteer v on v.team_id = t.id and v.status = 'APPROVED'
				left join (%s) y on y.person_id = v.person_id
				group by t.id, t.name, organ.name""".formatted(YEAR_HOURS);
		return page(inner, params(Map.of(), year), page);
	}

	PageResult<Row> organs(int year, PageRequest page) {
		String inner = """
				select organ.id, organ.name, organ.name as organ_name,
				  (select count(*) from volunteer v join person vp on vp.id = v.person_id
				   where vp.organ_id = organ.id and v.status = 'APPROVED') as volunteers,
				  sum(y.hours) as hours, 0 as lifetime
				from (%s) y join person p on p.id = y.person_id join org organ on organ.id = p.organ_id
				group by organ.id, organ.name""".formatted(YEAR_HOURS);
		return page(inner, params(Map.of(), year), page);
	}

	/** Every organ with volunteers or verified hours in the year: its path, hours and approved volunteers. */
	List<OrganFigures> organFigures(int year) {
		return jdbc.sql("""
				select organ.id, organ.path, coalesce(sum(y.hours), 0),
				  (select count(*) from volunteer v join person vp on vp.id = v.person_id
				   where vp.organ_id = organ.id and v.status = 'APPROVED')
				from org organ join person p on p.organ_id = organ.id
				left join (%s) y on y.person_id = p.id
				where exists (select 1 from volunteer v2 where v2.person_id = p.id) or y.hours is not null
				group by organ.id, organ.path""".formatted(YEAR_HOURS))
			.params(params(Map.of(), year))
			.query((rs, i) -> new OrganFigures(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3), rs.getLong(4)))
			.list();
	}

	private PageResult<Row> page(String inner, Map<String, Object> params, PageRequest page) {
		return SqlPages.page(jdbc, "r.id, r.name, r.organ_name, r.volunteers, r.hours, r.lifetime",
				"from (" + inner + ") r", "r.hours desc, r.id", params, page,
				(rs, i) -> new Row(rs.getLong("id"), rs.getString("name"), rs.getString("organ_name"),
						rs.getLong("volunteers"), rs.getBigDecimal("hours"), rs.getBigDecimal("lifetime")));
	}

	private static Map<String, Object> params(Map<String, Object> scope, int year) {
		Map<String, Object> params = new HashMap<>(scope);
		params.put("from", LocalDate.of(year, 1, 1));
		params.put("to", LocalDate.of(year + 1, 1, 1));
		return params;
	}
}
