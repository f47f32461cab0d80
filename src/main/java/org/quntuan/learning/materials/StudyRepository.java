package org.quntuan.learning.materials;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.quntuan.platform.SqlCondition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A person's study: the assigned materials not yet completed, and the completions of a period. */
@Repository
class StudyRepository {

	private final JdbcClient jdbc;

	StudyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Assigned to the person's audience and not completed: one row per material, its earliest due date first. */
	List<LearningViews.Todo> todo(long personId, SqlCondition audience, LocalDate today, int limit) {
		return jdbc.sql("""
				select m.id, m.title, m.kind, min(a.due_date) as due_date, min(a.title) as assignment_title
				from learning_assignment a
				join learning_assignment_material am on am.assignment_id = a.id
				join learning_material m on m.id = am.material_id
				where exists (select 1 from learning_assignment_audience au where au.assignment_id = a.id and """ + " "
				+ audience.sql() + """
				)
				  and m.withdrawn_at is null
				  and not exists (select 1 from learning_completion c where c.material_id = m.id and c.person_id = :person)
				group by m.id, m.title, m.kind
				order by min(a.due_date), m.id fetch first :limit rows only""")
			.params(audience.paramsWith("person", personId)).param("limit", limit)
			.query((rs, i) -> {
				LocalDate due = rs.getObject("due_date", LocalDate.class);
				return new LearningViews.Todo(rs.getLong("id"), rs.getString("title"),
						MaterialKind.valueOf(rs.getString("kind")).toCodeLabel(), due, rs.getString("assignment_title"), due.isBefore(today));
			})
			.list();
	}

	long todoCount(long personId, SqlCondition audience) {
		return jdbc.sql("""
				select count(distinct am.material_id)
				from learning_assignment a join learning_assignment_material am on am.assignment_id = a.id
				  join learning_material m on m.id = am.material_id and m.withdrawn_at is null
				where exists (select 1 from learning_assignment_audience au where au.assignment_id = a.id and """ + " "
				+ audience.sql() + """
				)
				  and not exists (select 1 from learning_completion c where c.material_id = am.material_id and c.person_id = :person)""")
			.params(audience.paramsWith("person", personId)).query(Long.class).single();
	}

	List<LearningViews.Done> done(long personId, OffsetDateTime from, OffsetDateTime to) {
		return jdbc.sql("""
				select m.id, m.title, m.kind, c.completed_at, c.points
				from learning_completion c join learning_material m on m.id = c.material_id
				where c.person_id = :person and c.completed_at >= :from and c.completed_at < :to
				order by c.completed_at desc, m.id desc""")
			.param("person", personId).param("from", from).param("to", to)
			.query((rs, i) -> new LearningViews.Done(rs.getLong("id"), rs.getString("title"),
					MaterialKind.valueOf(rs.getString("kind")).toCodeLabel(), rs.getObject("completed_at", OffsetDateTime.class),
					rs.getInt("points")))
			.list();
	}
}
