package org.quntuan.learning;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A year's study figures, for the annual assessment and the dashboard: per person, and per org (the
 * people whose organ lies in the org's subtree, or, for a 工会 / 团组织 / 妇委会, the people of its organ).
 * The year is the calendar year in Beijing time; a completion counts in the year it was earned, a lecture
 * or forum attended (see {@link LectureAttendance}) in the year of its check-in; points count both.
 */
@Service
@Transactional(readOnly = true)
public class StudyFigures {

	/** Materials completed, lectures and forums attended, and the points they earned. */
	public record PersonYear(long personId, int year, int materialsCompleted, int points, int lecturesAttended) {
	}

	/** People who completed a material or attended a lecture or forum, the completions, the attendances, the points. */
	public record OrgYear(long orgId, int year, int peopleStudying, int materialsCompleted, int points,
			int lecturesAttended) {
	}

	private static final int CHUNK = 1000;

	private final JdbcClient jdbc;

	private final LectureAttendance lectures;

	StudyFigures(JdbcClient jdbc, LectureAttendance lectures) {
		this.jdbc = jdbc;
		this.lectures = lectures;
	}

	public PersonYear person(long personId, int year) {
		int attended = lectures.of(personId, year).size();
		return jdbc.sql("""
				select count(*), coalesce(sum(points), 0) from learning_completion
				where person_id = :person and completed_at >= :from and completed_at < :to""")
			.param("person", personId).param("from", start(year)).param("to", start(year + 1))
			.query((rs, i) -> new PersonYear(personId, year, rs.getInt(1), rs.getInt(2) + attended * lectures.pointsEach(),
					attended))
			.single();
	}

	public OrgYear org(long orgId, int year) {
		OrgYear materials = jdbc.sql("""
				select count(distinct c.person_id), count(c.id), coalesce(sum(c.points), 0)
				from learning_completion c join person p on p.id = c.person_id join org organ on organ.id = p.organ_id,
				  org o
				where o.id = :org and c.completed_at >= :from and c.completed_at < :to
				  and (organ.path like o.path || '%' or (o.type in ('UNION', 'LEAGUE', 'WOMEN') and p.organ_id = o.parent_id))""")
			.param("org", orgId).param("from", start(year)).param("to", start(year + 1))
			.query((rs, i) -> new OrgYear(orgId, year, rs.getInt(1), rs.getInt(2), rs.getInt(3), 0)).single();
		Map<Long, Integer> attended = lectures.countsByPerson(year);
		Set<Long> inOrg = new HashSet<>();
		chunks(attended.keySet(), ids -> inOrg.addAll(jdbc.sql("""
				select p.id from person p join org organ on organ.id = p.organ_id, org o
				where o.id = :org and p.id in (:ids)
				  and (organ.path like o.path || '%' or (o.type in ('UNION', 'LEAGUE', 'WOMEN') and p.organ_id = o.parent_id))""")
			.param("org", orgId).param("ids", ids).query(Long.class).list()));
		return withLectures(materials, inOrg, attended, year);
	}

	/** Every organ with a completion or an attendance in the year, at once (organ id → figures). */
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
				result.put(organ, new OrgYear(organ, year, rs.getInt(2), rs.getInt(3), rs.getInt(4), 0));
			});
		Map<Long, Integer> attended = lectures.countsByPerson(year);
		Map<Long, Set<Long>> byOrgan = new LinkedHashMap<>();
		chunks(attended.keySet(), ids -> jdbc.sql("select id, organ_id from person where id in (:ids) and organ_id is not null")
			.param("ids", ids).query(rs -> {
				byOrgan.computeIfAbsent(rs.getLong(2), k -> new HashSet<>()).add(rs.getLong(1));
			}));
		byOrgan.forEach((organ, people) -> result.put(organ, withLectures(
				result.getOrDefault(organ, new OrgYear(organ, year, 0, 0, 0, 0)), people, attended, year)));
		return result;
	}

	/** Adds the attendances of these people; those with no completion this year join the people studying. */
	private OrgYear withLectures(OrgYear materials, Set<Long> people, Map<Long, Integer> attended, int year) {
		if (people.isEmpty()) {
			return materials;
		}
		int count = people.stream().mapToInt(attended::get).sum();
		Set<Long> completed = new HashSet<>();
		chunks(people, ids -> completed.addAll(jdbc.sql("""
				select distinct person_id from learning_completion
				where person_id in (:ids) and completed_at >= :from and completed_at < :to""")
			.param("ids", ids).param("from", start(year)).param("to", start(year + 1)).query(Long.class).list()));
		int newcomers = (int) people.stream().filter(p -> !completed.contains(p)).count();
		return new OrgYear(materials.orgId(), materials.year(), materials.peopleStudying() + newcomers,
				materials.materialsCompleted(), materials.points() + count * lectures.pointsEach(), count);
	}

	private static void chunks(Collection<Long> ids, Consumer<List<Long>> each) {
		List<Long> all = new ArrayList<>(ids);
		for (int i = 0; i < all.size(); i += CHUNK) {
			each.accept(all.subList(i, Math.min(all.size(), i + CHUNK)));
		}
	}

	private static OffsetDateTime start(int year) {
		return LectureAttendance.start(year);
	}
}
