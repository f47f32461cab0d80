package org.quntuan.volunteer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.SqlCondition;
import org.quntuan.platform.SqlPages;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of registrations, teams, numbers and history. Scopes are conditions over {@code person p}. */
@Repository
class VolunteerRepository {

	/** @param orgPath the path of the organ's union (else the organ's): whose admins see the audit entries */
	record Row(long id, long personId, String name, long organId, String organName, String orgPath,
			VolunteerStatus status, String number, Long teamId, String teamName, String skills, String areas,
			String availability, OffsetDateTime registeredAt, OffsetDateTime decidedAt, String decisionReason,
			int version) {
	}

	record Fields(String skills, String areas, String availability) {
	}

	static final String ORG_PATH = """
			coalesce((select min(u.path) from org u where u.parent_id = p.organ_id and u.type = 'UNION' and u.active = true),
			  organ.path)""";

	private static final String COLUMNS = """
			v.id, v.person_id, p.name, p.organ_id, organ.name as organ_name, %s as org_path, v.status, v.number, v.team_id,
			t.name as team_name, v.skills, v.areas, v.availability, v.registered_at, v.decided_at, v.decision_reason,
			v.version""".formatted(ORG_PATH);

	private static final String FROM = """
			from volunteer v join person p on p.id = v.person_id join org organ on organ.id = p.organ_id
			left join volunteer_team t on t.id = v.team_id""";

	private final JdbcClient jdbc;

	VolunteerRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Row> find(long id) {
		return jdbc.sql("select " + COLUMNS + " " + FROM + " where v.id = :id").param("id", id).query(VolunteerRepository::row)
			.optional();
	}

	boolean isApproved(long personId) {
		return jdbc.sql("select count(*) from volunteer where person_id = :p and status = 'APPROVED'").param("p", personId)
			.query(Long.class).single() > 0;
	}

	Optional<Row> ofPerson(long personId) {
		return jdbc.sql("select " + COLUMNS + " " + FROM + " where v.person_id = :p").param("p", personId)
			.query(VolunteerRepository::row).optional();
	}

	/** Takes the registration's row lock: decisions, claims and checks of its person queue behind it. */
	Optional<Row> lock(long id) {
		return jdbc.sql("select id from volunteer where id = :id for update").param("id", id).query(Long.class).optional()
			.flatMap(this::find);
	}

	Optional<Row> lockOfPerson(long personId) {
		return jdbc.sql("select id from volunteer where person_id = :p for update").param("p", personId).query(Long.class)
			.optional().flatMap(this::find);
	}

	boolean personIn(long personId, SqlCondition scope) {
		return jdbc.sql("select count(*) from person p where p.id = :personId and " + scope.sql())
			.params(scope.paramsWith("personId", personId)).query(Long.class).single() > 0;
	}

	long insert(long personId, Fields f, OffsetDateTime now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into volunteer (person_id, status, skills, areas, availability, consent_at, registered_at, version)
				values (:p, 'PENDING', :skills, :areas, :availability, :now, :now, 0)""")
			.param("p", personId).param("skills", f.skills()).param("areas", f.areas())
			.param("availability", f.availability()).param("now", now).update(keys, "id");
		return keys.getKey().longValue();
	}

	/** Registering again after leaving or a rejection: the same registration, pending again (the caller holds its lock). */
	void reregister(long id, Fields f, OffsetDateTime now) {
		jdbc.sql("""
				update volunteer set status = 'PENDING', skills = :skills, areas = :areas, availability = :availability,
				  consent_at = :now, registered_at = :now, decided_at = null, decided_by = null, decision_reason = null,
				  team_id = null, version = version + 1
				where id = :id""")
			.param("skills", f.skills()).param("areas", f.areas()).param("availability", f.availability())
			.param("now", now).param("id", id).update();
	}

	void decide(long id, VolunteerStatus status, String number, Long teamId, long by, String reason,
			OffsetDateTime now) {
		jdbc.sql("""
				update volunteer set status = :s, number = :n, team_id = :t, decided_at = :now, decided_by = :by,
				  decision_reason = :r, version = version + 1
				where id = :id""")
			.param("s", status.name()).param("n", number).param("t", teamId).param("now", now).param("by", by)
			.param("r", reason).param("id", id).update();
	}

	void leave(long id) {
		jdbc.sql("update volunteer set status = 'LEFT', team_id = null, version = version + 1 where id = :id")
			.param("id", id).update();
	}

	void event(long volunteerId, String kind, String reason, Long actor, String actorName, OffsetDateTime now) {
		jdbc.sql("""
				insert into volunteer_event (volunteer_id, kind, reason, actor_account_id, actor_name, at)
				values (:v, :k, :r, :a, :n, :now)""")
			.param("v", volunteerId).param("k", kind).param("r", reason).param("a", actor).param("n", actorName)
			.param("now", now).update();
	}

	record EventRow(String kind, String reason, String actorName, OffsetDateTime at) {
	}

	List<EventRow> history(long volunteerId) {
		return jdbc.sql("select kind, reason, actor_name, at from volunteer_event where volunteer_id = :v order by id")
			.param("v", volunteerId)
			.query((rs, i) -> new EventRow(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getObject(4, OffsetDateTime.class)))
			.list();
	}

	PageResult<Row> list(SqlCondition scope, VolunteerStatus status, PageRequest page) {
		String from = FROM + " where " + scope.sql() + (status == null ? "" : " and v.status = :status");
		Map<String, Object> params = status == null ? scope.params() : scope.paramsWith("status", status.name());
		return SqlPages.page(jdbc, COLUMNS, from, "v.registered_at, v.id", params, page, VolunteerRepository::row);
	}

	/** The next number of the year, e.g. 202600017: the counter row's lock makes it unique. */
	String nextNumber(int year) {
		for (int attempt = 0; attempt < 2; attempt++) {
			int updated = jdbc.sql("update volunteer_number_counter set last_value = last_value + 1 where year = :y")
				.param("y", year).update();
			if (updated == 1) {
				int last = jdbc.sql("select last_value from volunteer_number_counter where year = :y").param("y", year)
					.query(Integer.class).single();
				return String.format("%d%05d", year, last);
			}
			try {
				jdbc.sql("insert into volunteer_number_counter (year, last_value) values (:y, 1)").param("y", year)
					.update();
				return String.format("%d%05d", year, 1);
			}
			catch (DuplicateKeyException ex) {
				// another approval started the year at the same moment: take the next one
			}
		}
		throw new IllegalStateException("no volunteer number for " + year);
	}

	/** The team of the organ, made on first use under the federation's 志愿先锋 team. */
	long teamOf(long organId, String organTeamName, OffsetDateTime now) {
		Optional<Long> found = jdbc.sql("select id from volunteer_team where organ_id = :o").param("o", organId)
			.query(Long.class).optional();
		if (found.isPresent()) {
			return found.get();
		}
		long federation = federationTeam();
		try {
			GeneratedKeyHolder keys = new GeneratedKeyHolder();
			jdbc.sql("""
					insert into volunteer_team (organ_id, parent_id, name, created_at)
					values (:o, :parent, :name, :now)""")
				.param("o", organId).param("parent", federation).param("name", organTeamName).param("now", now)
				.update(keys, "id");
			return keys.getKey().longValue();
		}
		catch (DuplicateKeyException ex) {
			return jdbc.sql("select id from volunteer_team where organ_id = :o").param("o", organId).query(Long.class)
				.single();
		}
	}

	/** The federation's 志愿先锋 team, made by the migration. */
	private long federationTeam() {
		return jdbc.sql("select min(id) from volunteer_team where parent_id is null and organ_id is null")
			.query(Long.class).single();
	}

	private static Row row(ResultSet rs, int i) throws SQLException {
		return new Row(rs.getLong("id"), rs.getLong("person_id"), rs.getString("name"), rs.getLong("organ_id"),
				rs.getString("organ_name"), rs.getString("org_path"), VolunteerStatus.valueOf(rs.getString("status")),
				rs.getString("number"), (Long) rs.getObject("team_id", Long.class), rs.getString("team_name"),
				rs.getString("skills"), rs.getString("areas"), rs.getString("availability"),
				rs.getObject("registered_at", OffsetDateTime.class), rs.getObject("decided_at", OffsetDateTime.class),
				rs.getString("decision_reason"), rs.getInt("version"));
	}
}
