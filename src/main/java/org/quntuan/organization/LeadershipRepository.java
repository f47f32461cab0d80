package org.quntuan.organization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL of leadership teams. A team is never changed once in office: it is replaced, and kept. */
@Repository
class LeadershipRepository {

	record TeamRow(long id, long orgId, LocalDate termStart, LocalDate termEnd, OffsetDateTime replacedAt,
			Long reelectionId) {
	}

	record MemberRow(long teamId, long personId, String name, LeadershipPosition position) {
	}

	record NewMember(long personId, String name, LeadershipPosition position) {
	}

	private static final String TEAM = "select id, org_id, term_start, term_end, replaced_at, reelection_id from leadership_team";

	private final JdbcClient jdbc;

	LeadershipRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<TeamRow> current(long orgId) {
		return jdbc.sql(TEAM + " where current_org_id = :org").param("org", orgId).query(LeadershipRepository::team)
			.optional();
	}

	List<TeamRow> former(long orgId) {
		return jdbc.sql(TEAM + " where org_id = :org and current_org_id is null order by term_start desc, id desc")
			.param("org", orgId).query(LeadershipRepository::team).list();
	}

	List<MemberRow> members(Collection<Long> teamIds) {
		if (teamIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select team_id, person_id, person_name, position from leadership_member
				where team_id in (:ids) order by team_id, sort_order""")
			.param("ids", teamIds)
			.query((rs, i) -> new MemberRow(rs.getLong("team_id"), rs.getLong("person_id"), rs.getString("person_name"),
					LeadershipPosition.valueOf(rs.getString("position"))))
			.list();
	}

	/** Ends the team's time in office; 0 if it was not the current team (any more). */
	int retire(long teamId, OffsetDateTime now) {
		return jdbc.sql("update leadership_team set current_org_id = null, replaced_at = :now where id = :id and current_org_id is not null")
			.param("now", now).param("id", teamId).update();
	}

	long insertCurrent(long orgId, LocalDate termStart, LocalDate termEnd, Long reelectionId, List<NewMember> members,
			OffsetDateTime now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into leadership_team (org_id, current_org_id, term_start, term_end, reelection_id, created_at)
				values (:org, :org, :start, :end, :reelection, :now)""")
			.param("org", orgId).param("start", termStart).param("end", termEnd)
			.param("reelection", reelectionId, Types.BIGINT).param("now", now)
			.update(keys, "id");
		long teamId = keys.getKey().longValue();
		int order = 0;
		for (NewMember m : members) {
			jdbc.sql("""
					insert into leadership_member (team_id, person_id, person_name, position, sort_order)
					values (:team, :person, :name, :position, :order)""")
				.param("team", teamId).param("person", m.personId()).param("name", m.name())
				.param("position", m.position().name()).param("order", order++).update();
		}
		return teamId;
	}

	private static TeamRow team(ResultSet rs, int i) throws SQLException {
		return new TeamRow(rs.getLong("id"), rs.getLong("org_id"), rs.getObject("term_start", LocalDate.class),
				rs.getObject("term_end", LocalDate.class), rs.getObject("replaced_at", OffsetDateTime.class),
				rs.getObject("reelection_id", Long.class));
	}
}
