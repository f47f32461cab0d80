package org.quntuan.member.union;

import java.sql.Types;
import org.springframework.dao.DuplicateKeyException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.quntuan.member.UnionStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL of union membership: applications, numbers, history and the union status on the person record. */
@Repository
class UnionRepository {

	private final JdbcClient jdbc;

	UnionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A person as union membership needs them; {@code unionId} is their organ's 工会, null when it has none. */
	record PersonFacts(long id, String name, String idNumber, long organId, String organName, Long unionId,
			String unionName, UnionStatus unionStatus, LocalDate unionJoinedOn, boolean active, int version) {
	}

	private static final String PERSON = """
			select p.id, p.name, p.id_number, p.organ_id, o.name as organ_name, u.id as union_id, u.name as union_name,
			  p.union_status, p.union_joined_on, p.active, p.version
			from person p join org o on o.id = p.organ_id
			left join org u on u.id = (select min(x.id) from org x where x.parent_id = p.organ_id and x.type = 'UNION' and x.active = true)
			where p.id = :id""";

	Optional<PersonFacts> person(long id) {
		return personQuery(PERSON, id);
	}

	/** The person, their row locked until the transaction ends. */
	Optional<PersonFacts> lockPerson(long id) {
		jdbc.sql("select id from person where id = :id for update").param("id", id).query(Long.class).optional();
		return person(id);
	}

	private Optional<PersonFacts> personQuery(String sql, long id) {
		return jdbc.sql(sql).param("id", id).query((rs, i) -> new PersonFacts(rs.getLong("id"), rs.getString("name"),
				rs.getString("id_number"), rs.getLong("organ_id"), rs.getString("organ_name"),
				(Long) rs.getObject("union_id", Long.class), rs.getString("union_name"),
				UnionStatus.valueOf(rs.getString("union_status")), rs.getObject("union_joined_on", LocalDate.class),
				rs.getBoolean("active"), rs.getInt("version"))).optional();
	}

	/** The union of an organ: its active 工会 with the lowest id; null when it has none. */
	Long unionOf(long organId) {
		return jdbc.sql("select min(id) from org where parent_id = :o and type = 'UNION' and active = true")
			.param("o", organId).query(Long.class).optional().orElse(null);
	}

	/** The union status of a person: from and to, only where it still is {@code from} and the version holds. */
	int changeStatus(long personId, Integer version, UnionStatus from, UnionStatus to, LocalDate joinedOn,
			OffsetDateTime now) {
		return jdbc.sql("""
				update person set union_status = :to, union_joined_on = :joined, updated_at = :now, version = version + 1
				where id = :id and union_status = :from and (:version is null or version = :version)""")
			.param("to", to.name()).param("joined", joinedOn).param("now", now).param("id", personId)
			.param("from", from.name()).param("version", version, Types.INTEGER).update();
	}

	void history(long personId, UnionStatus from, UnionStatus to, LocalDate effective, Long unionId, String reason,
			Long byAccount, OffsetDateTime now) {
		jdbc.sql("""
				insert into member_union_history (person_id, from_status, to_status, effective, union_id, reason, by_account, recorded_at)
				values (:p, :from, :to, :d, :u, :r, :by, :now)""")
			.param("p", personId).param("from", from == null ? null : from.name()).param("to", to.name())
			.param("d", effective).param("u", unionId).param("r", reason).param("by", byAccount).param("now", now).update();
	}

	// applications

	record ApplicationRow(long id, long personId, long organId, long unionId, long applicantAccountId,
			ApplicationState state, int version) {
	}

	long insertApplication(long personId, long organId, long unionId, long accountId, String statement,
			OffsetDateTime now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into member_union_application (person_id, organ_id, union_id, applicant_account_id, pending_person_id,
				  statement, consented_at, state, created_at, version)
				values (:p, :o, :u, :a, :p, :s, :now, 'PENDING', :now, 0)""")
			.param("p", personId).param("o", organId).param("u", unionId).param("a", accountId).param("s", statement)
			.param("now", now).update(keys, "id");
		return keys.getKey().longValue();
	}

	boolean hasPending(long personId) {
		return jdbc.sql("select count(*) from member_union_application where pending_person_id = :p").param("p", personId)
			.query(Long.class).single() > 0;
	}

	Optional<ApplicationRow> application(long id) {
		return jdbc.sql("""
				select id, person_id, organ_id, union_id, applicant_account_id, state, version
				from member_union_application where id = :id""")
			.param("id", id)
			.query((rs, i) -> new ApplicationRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
					ApplicationState.valueOf(rs.getString(6)), rs.getInt(7)))
			.optional();
	}

	/** Decides a pending application; 0 when it was decided already (by a concurrent decision too). */
	int decide(long id, Integer version, ApplicationState state, String reason, long byAccount, OffsetDateTime now) {
		return jdbc.sql("""
				update member_union_application set state = :s, pending_person_id = null, reason = :r, decided_by = :by,
				  decided_at = :now, version = version + 1
				where id = :id and state = 'PENDING' and (:version is null or version = :version)""")
			.param("s", state.name()).param("r", reason).param("by", byAccount).param("now", now).param("id", id)
			.param("version", version, Types.INTEGER).update();
	}

	// numbers

	Optional<String> memberNumber(long personId) {
		return jdbc.sql("select member_number from member_union_membership where person_id = :p").param("p", personId)
			.query(String.class).optional();
	}

	/** The next number of the union's year: the counter's row is locked until the approval commits. */
	int nextSequence(long unionId, int year) {
		int changed = jdbc.sql("update member_union_number_seq set last_value = last_value + 1 where union_id = :u and year = :y")
			.param("u", unionId).param("y", year).update();
		if (changed == 0) {
			try {
				jdbc.sql("insert into member_union_number_seq (union_id, year, last_value) values (:u, :y, 1)")
					.param("u", unionId).param("y", year).update();
				return 1;
			}
			catch (DuplicateKeyException ex) {
				jdbc.sql("update member_union_number_seq set last_value = last_value + 1 where union_id = :u and year = :y")
					.param("u", unionId).param("y", year).update();
			}
		}
		return jdbc.sql("select last_value from member_union_number_seq where union_id = :u and year = :y")
			.param("u", unionId).param("y", year).query(Integer.class).single();
	}

	void insertMembership(long personId, String number, long unionId, LocalDate joinedOn) {
		jdbc.sql("insert into member_union_membership (person_id, member_number, union_id, joined_on) values (:p, :n, :u, :d)")
			.param("p", personId).param("n", number).param("u", unionId).param("d", joinedOn).update();
	}

	/** A member who rejoins keeps their number; the union and the date are the new ones. */
	void rejoin(long personId, long unionId, LocalDate joinedOn) {
		jdbc.sql("update member_union_membership set union_id = :u, joined_on = :d where person_id = :p")
			.param("p", personId).param("u", unionId).param("d", joinedOn).update();
	}

	void moveMembership(long personId, long unionId) {
		jdbc.sql("update member_union_membership set union_id = :u where person_id = :p").param("p", personId)
			.param("u", unionId).update();
	}
}
