package org.quntuan.activity.clubs;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.quntuan.platform.SqlCondition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Clubs and their members. Membership changes happen only under {@link #lock}. */
@Repository
class ClubRepository {

	private final JdbcClient jdbc;

	ClubRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The club if the condition (over {@link ClubAccess#FROM}) lets it through. */
	Optional<ClubAccess.ClubRef> find(long id, SqlCondition p) {
		return jdbc.sql("select c.id, c.name, c.leader_person_id, s.path, c.status" + ClubAccess.FROM
				+ " where c.id = :id and " + p.sql())
			.param("id", id).params(p.params())
			.query((rs, n) -> new ClubAccess.ClubRef(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
					rs.getString(5)))
			.optional();
	}

	long insert(String name, String description, long leaderPersonId, long sponsorOrgId, OffsetDateTime now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("insert into club (name, description, leader_person_id, sponsor_org_id, status, created_at)"
				+ " values (:n, :d, :l, :s, 'ACTIVE', :now)")
			.param("n", name).param("d", description).param("l", leaderPersonId).param("s", sponsorOrgId)
			.param("now", now).update(keys, "id");
		return keys.getKey().longValue();
	}

	/** The founding leader, approved from the start. */
	void insertApprovedMember(long clubId, long personId, OffsetDateTime now, long by) {
		jdbc.sql("insert into club_member (club_id, person_id, status, requested_at, decided_at, decided_by_account_id)"
				+ " values (:c, :p, 'APPROVED', :now, :now, :by)")
			.param("c", clubId).param("p", personId).param("now", now).param("by", by).update();
	}

	/** A first join request; a second one for the same person fails with a duplicate key. */
	void insertRequest(long clubId, long personId, OffsetDateTime now) {
		jdbc.sql("insert into club_member (club_id, person_id, status, requested_at) values (:c, :p, 'PENDING', :now)")
			.param("c", clubId).param("p", personId).param("now", now).update();
	}

	/** Someone who had left or was turned down asks again. */
	void renewRequest(long clubId, long personId, OffsetDateTime now) {
		jdbc.sql("update club_member set status = 'PENDING', requested_at = :now, decided_at = null,"
				+ " decided_by_account_id = null, left_at = null where club_id = :c and person_id = :p")
			.param("now", now).param("c", clubId).param("p", personId).update();
	}

	void markLeft(long clubId, long personId, OffsetDateTime now) {
		jdbc.sql("update club_member set status = 'LEFT', left_at = :now where club_id = :c and person_id = :p")
			.param("now", now).param("c", clubId).param("p", personId).update();
	}

	void decide(long clubId, long personId, ClubMemberStatus target, OffsetDateTime now, long by) {
		jdbc.sql("update club_member set status = :s, decided_at = :now, decided_by_account_id = :by"
				+ " where club_id = :c and person_id = :p")
			.param("s", target.name()).param("now", now).param("by", by).param("c", clubId)
			.param("p", personId).update();
	}

	/** Approved and pending members of a club, each as {person id, status}. */
	List<Object[]> approvedOrPending(long clubId) {
		return jdbc.sql("select person_id, status from club_member where club_id = :a and status in ('APPROVED', 'PENDING')")
			.param("a", clubId).query((rs, i) -> new Object[] { rs.getLong(1), rs.getString(2) }).list();
	}

	/** A member of an absorbed club who was not in the surviving one. */
	void insertMoved(long clubId, long personId, String status, OffsetDateTime now, long by, long fromClubId) {
		jdbc.sql("insert into club_member (club_id, person_id, status, requested_at, decided_at, decided_by_account_id, from_club_id)"
				+ " values (:c, :p, :s, :now, :now, :by, :from)")
			.param("c", clubId).param("p", personId).param("s", status).param("now", now)
			.param("by", by).param("from", fromClubId).update();
	}

	/** A member of an absorbed club whose standing in the surviving one it improves. */
	void updateMoved(long clubId, long personId, String status, OffsetDateTime now, long by, long fromClubId) {
		jdbc.sql("update club_member set status = :s, decided_at = :now, decided_by_account_id = :by, left_at = null,"
				+ " from_club_id = :from where club_id = :c and person_id = :p")
			.param("s", status).param("now", now).param("by", by).param("from", fromClubId)
			.param("c", clubId).param("p", personId).update();
	}

	void markMerged(long absorbedId, long survivingId, OffsetDateTime now, long by) {
		jdbc.sql("update club set status = 'MERGED', merged_into_id = :s, merged_at = :now, merged_by_account_id = :by,"
				+ " version = version + 1 where id = :a")
			.param("s", survivingId).param("now", now).param("by", by).param("a", absorbedId).update();
	}

	String status(long id) {
		return jdbc.sql("select status from club where id = :id").param("id", id).query(String.class).single();
	}

	/** Locks the club's row until the transaction ends. */
	void lock(long id) {
		jdbc.sql("select id from club where id = :id for update").param("id", id).query(Long.class).single();
	}

	Optional<ClubMemberStatus> memberStatus(long clubId, long personId) {
		return jdbc.sql("select status from club_member where club_id = :c and person_id = :p")
			.param("c", clubId).param("p", personId).query(String.class).optional()
			.map(ClubMemberStatus::valueOf);
	}
}
