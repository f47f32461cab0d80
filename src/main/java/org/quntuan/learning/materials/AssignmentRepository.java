package org.quntuan.learning.materials;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.quntuan.platform.SqlCondition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Assignments (学习任务): their materials, their audience, and who of the audience is done. */
@Repository
class AssignmentRepository {

	record AudienceRoot(long orgId, String orgPath, Long memberOrganId) {
	}

	record AssignmentRow(long id, String title, LocalDate dueDate, long ownerOrgId, String ownerOrgName,
			String ownerOrgPath, String creatorName, OffsetDateTime createdAt) {
	}

	/** A person of the audience (within the caller's reach) with how many of the assignment's materials they completed. */
	record PersonProgress(long personId, String name, long organId, String organName, int completed) {
	}

	private static final String SELECT = """
			select a.id, a.title, a.due_date, a.owner_org_id, so.name as owner_org_name, so.path as owner_org_path,
			  a.creator_name, a.created_at
			from learning_assignment a join org so on so.id = a.owner_org_id""";

	private final JdbcClient jdbc;

	AssignmentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(String title, LocalDate dueDate, String targetsJson, long ownerOrgId, long accountId, String name,
			OffsetDateTime now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into learning_assignment (title, due_date, targets_json, owner_org_id, creator_account_id,
				  creator_name, created_at)
				values (:title, :due, :targets, :org, :account, :name, :now)""")
			.param("title", title).param("due", dueDate).param("targets", targetsJson).param("org", ownerOrgId)
			.param("account", accountId).param("name", name).param("now", now)
			.update(keys, "id");
		long id = keys.getKey().longValue();
		return id;
	}

	void insertMaterials(long assignmentId, List<Long> materialIds) {
		for (Long m : materialIds) {
			jdbc.sql("insert into learning_assignment_material (assignment_id, material_id) values (:a, :m)")
				.param("a", assignmentId).param("m", m).update();
		}
	}

	void insertAudience(long assignmentId, List<AudienceRoot> roots) {
		for (AudienceRoot r : roots) {
			jdbc.sql("""
					insert into learning_assignment_audience (assignment_id, org_id, org_path, member_organ_id)
					values (:a, :o, :p, :m)""")
				.param("a", assignmentId).param("o", r.orgId()).param("p", r.orgPath())
				.param("m", r.memberOrganId(), Types.BIGINT).update();
		}
	}

	Optional<AssignmentRow> find(long id) {
		return jdbc.sql(SELECT + " where a.id = :id").param("id", id).query(AssignmentRepository::map).optional();
	}

	/** Whether an audience root of the assignment matches the condition over {@code au}. */
	boolean audienceMatches(long id, SqlCondition audience) {
		return jdbc.sql("select count(*) from learning_assignment_audience au where au.assignment_id = :assignment and "
				+ audience.sql()).params(audience.paramsWith("assignment", id)).query(Long.class).single() > 0;
	}

	List<Long> materialIds(long assignmentId) {
		return jdbc.sql("""
				select am.material_id from learning_assignment_material am join learning_material m on m.id = am.material_id
				where am.assignment_id = :a and m.withdrawn_at is null order by am.material_id""")
			.param("a", assignmentId).query(Long.class).list();
	}

	List<String> materialTitles(long assignmentId) {
		return jdbc.sql("""
				select m.title from learning_assignment_material am join learning_material m on m.id = am.material_id
				where am.assignment_id = :a and m.withdrawn_at is null order by m.id""").param("a", assignmentId)
			.query(String.class).list();
	}

	/** Assignments whose audience matches, newest due date last. */
	List<AssignmentRow> withAudience(SqlCondition audience) {
		return jdbc.sql(SELECT + """
				 where exists (select 1 from learning_assignment_audience au where au.assignment_id = a.id and """ + " "
				+ audience.sql() + ") order by a.due_date, a.id").params(audience.params())
			.query(AssignmentRepository::map).list();
	}

	/** Assignments the caller published or whose audience their grants reach, newest first. */
	List<AssignmentRow> managedOrReached(SqlCondition owned, SqlCondition reached, int limit) {
		SqlCondition either = owned.or(new SqlCondition("exists (select 1 from learning_assignment_audience au"
				+ " where au.assignment_id = a.id and " + reached.sql() + ")", reached.params()));
		return jdbc.sql(SELECT + " where " + either.sql() + " order by a.created_at desc, a.id desc fetch first :limit rows only")
			.params(either.paramsWith("limit", limit)).query(AssignmentRepository::map).list();
	}

	/**
	 * The audience's active people among those the caller administers ({@code people}, over {@code person p}),
	 * each with the number of the assignment's materials they completed, by organ.
	 */
	List<PersonProgress> progress(long assignmentId, SqlCondition people) {
		return jdbc.sql("""
				select p.id, p.name, p.organ_id, organ.name as organ_name,
				  (select count(*) from learning_completion c join learning_assignment_material am
				     on am.material_id = c.material_id and am.assignment_id = :assignment
				   join learning_material m on m.id = c.material_id and m.withdrawn_at is null
				   where c.person_id = p.id) as completed
				from person p join org organ on organ.id = p.organ_id
				where p.active = true and exists (select 1 from learning_assignment_audience au
				    where au.assignment_id = :assignment and (organ.path like au.org_path || '%' or au.member_organ_id = p.organ_id))
				  and """ + " " + people.sql() + " order by organ.path, p.name_pinyin, p.id")
			.params(people.paramsWith("assignment", assignmentId))
			.query((rs, i) -> new PersonProgress(rs.getLong("id"), rs.getString("name"), rs.getLong("organ_id"),
					rs.getString("organ_name"), rs.getInt("completed")))
			.list();
	}

	/** Assignments due on this day, for the reminders. */
	List<AssignmentRow> dueOn(LocalDate day) {
		return jdbc.sql(SELECT + " where a.due_date = :day order by a.id").param("day", day)
			.query(AssignmentRepository::map).list();
	}

	private static AssignmentRow map(ResultSet rs, int i) throws SQLException {
		return new AssignmentRow(rs.getLong("id"), rs.getString("title"), rs.getObject("due_date", LocalDate.class),
				rs.getLong("owner_org_id"), rs.getString("owner_org_name"), rs.getString("owner_org_path"),
				rs.getString("creator_name"), rs.getObject("created_at", OffsetDateTime.class));
	}
}
