package org.quntuan.learning;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A year's training classes, for the study record, the annual assessment and the dashboard: per person and
 * per org (the people whose organ lies in the org's subtree, or, for a 工会 / 团组织 / 妇委会, the people of its
 * organ). A class counts in the year (Beijing time) of its last day; confirmed and finished classes only,
 * since a list still taking nominations is not yet a fact.
 */
@Service
@Transactional(readOnly = true)
public class TrainingFigures {

	/** Classes the person was on the list of, and those they completed (a certificate each). */
	public record PersonYear(long personId, int year, int classes, int completed) {
	}

	/** Trainees (person-class pairs) of the org's people and how many completed. */
	public record OrgYear(long orgId, int year, int trainees, int completed) {
	}

	private static final String COUNTED = """
			from learning_training_trainee tr join learning_training t on t.id = tr.training_id
			where t.status in ('CONFIRMED', 'FINISHED') and t.ends_on >= :from and t.ends_on < :to""";

	private final JdbcClient jdbc;

	TrainingFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public PersonYear person(long personId, int year) {
		return jdbc.sql("select count(*), coalesce(sum(case when tr.completed = true then 1 else 0 end), 0) " + COUNTED
				+ " and tr.person_id = :person")
			.param("person", personId).param("from", LocalDate.of(year, 1, 1))
			.param("to", LocalDate.of(year + 1, 1, 1))
			.query((rs, i) -> new PersonYear(personId, year, rs.getInt(1), rs.getInt(2))).single();
	}

	public OrgYear org(long orgId, int year) {
		return jdbc.sql("select count(*), coalesce(sum(case when tr.completed = true then 1 else 0 end), 0) " + COUNTED
				+ " and exists (select 1 from person p join org organ on organ.id = p.organ_id, org o"
				+ " where p.id = tr.person_id and o.id = :org and (organ.path like o.path || '%'"
				+ " or (o.type in ('UNION', 'LEAGUE', 'WOMEN') and p.organ_id = o.parent_id)))")
			.param("org", orgId).param("from", LocalDate.of(year, 1, 1))
			.param("to", LocalDate.of(year + 1, 1, 1))
			.query((rs, i) -> new OrgYear(orgId, year, rs.getInt(1), rs.getInt(2))).single();
	}

	/** Every organ with a trainee in the year, at once (organ id → figures; the person's organ now, as {@link #org}). */
	public Map<Long, OrgYear> byOrgan(int year) {
		Map<Long, OrgYear> result = new LinkedHashMap<>();
		jdbc.sql("select p.organ_id, count(*), coalesce(sum(case when tr.completed = true then 1 else 0 end), 0)"
				+ " from learning_training_trainee tr join learning_training t on t.id = tr.training_id"
				+ " join person p on p.id = tr.person_id where t.status in ('CONFIRMED', 'FINISHED') and t.ends_on >= :from"
				+ " and t.ends_on < :to group by p.organ_id order by p.organ_id")
			.param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year + 1, 1, 1))
			.query(rs -> {
				long organ = rs.getLong(1);
				result.put(organ, new OrgYear(organ, year, rs.getInt(2), rs.getInt(3)));
			});
		return result;
	}
}
