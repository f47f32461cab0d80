package org.quntuan.learning;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import org.quntuan.platform.Zones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A year's study figures, for the annual assessment and the dashboard: per person, and per org (the
 * people whose organ lies in the org's subtree, or, for a 工会 / 团组织 / 妇委会, the people of its organ).
 * The year is the calendar year in Beijing time; a completion counts in the year it was earned.
 */
@Service
@Transactional(readOnly = true)
public class StudyFigures {

	/** Materials completed and the points they earned. */
	public record PersonYear(long personId, int year, int materialsCompleted, int points) {
	}

	/** People who completed at least one material, the completions and their points. */
	public record OrgYear(long orgId, int year, int peopleStudying, int materialsCompleted, int points) {
	}

	private final JdbcClient jdbc;

	StudyFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public PersonYear person(long personId, int year) {
		return jdbc.sql("""
				select count(*), coalesce(sum(points), 0) from learning_completion
				where person_id = :person and completed_at >= :from and completed_at < :to""")
			.param("person", personId).param("from", start(year)).param("to", start(year + 1))
			.query((rs, i) -> new PersonYear(personId, year, rs.getInt(1), rs.getInt(2))).single();
	}

	public OrgYear org(long orgId, int year) {
		return jdbc.sql("""
				select count(distinct c.person_id), count(c.id), coalesce(sum(c.points), 0)
				from learning_completion c join person p on p.id = c.person_id join org organ on organ.id = p.organ_id,
				  org o
				where o.id = :org and c.completed_at >= :from and c.completed_at < :to
				  and (organ.path like o.path || '%' or (o.type in ('UNION', 'LEAGUE', 'WOMEN') and p.organ_id = o.parent_id))""")
			.param("org", orgId).param("from", start(year)).param("to", start(year + 1))
			.query((rs, i) -> new OrgYear(orgId, year, rs.getInt(1), rs.getInt(2), rs.getInt(3))).single();
	}

	/** Every organ with a completion in the year, at once (organ id → figures). */
	public Map<Long, OrgYear> byOrgan(int year) {
		Map<Long, OrgYear> result = new LinkedHashMap<>();
		jdbc.sql("""
				select p.organ_id, count(distinct c.person_id), count(c.id), coalesce(sum(c.points), 0)
				from learning_completion c join person p on p.id = c.person_id
				where c.completed_at >= :from and c.completed_at < :to
				group by p.organ_id order by p.organ_id""")
			.param("from", start(year)).param("to", start(year + 1))
			.query(rs -> {
				long organ = rs.getLong(1);
				result.put(organ, new OrgYear(organ, year, rs.getInt(2), rs.getInt(3), rs.getInt(4)));
			});
		return result;
	}

	private static OffsetDateTime start(int year) {
		return LocalDate.of(year, 1, 1).atStartOfDay(Zones.BUSINESS).toOffsetDateTime();
	}
}
