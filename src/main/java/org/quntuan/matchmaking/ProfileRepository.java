package org.quntuan.matchmaking;

import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.quntuan.platform.Databases;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Consents, profiles and their reviews. */
@Repository
class ProfileRepository {

	/** The facts of a person that decide whether they may apply. */
	record Applicant(long personId, String gender, LocalDate birthDate, long organId, boolean active,
			boolean inService, boolean memberOrgan) {
	}

	record ReviewRow(long id, boolean approved, String reason, String reviewerName, OffsetDateTime decidedAt) {
	}

	private final JdbcClient jdbc;

	private final boolean postgres;

	ProfileRepository(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.postgres = Databases.isPostgres(dataSource);
	}

	Optional<Applicant> applicant(long personId) {
		// a member organ: an active organ with an active 工会 or 妇委会 of its own, who review its people
		return jdbc.sql("""
				select p.id, p.gender, p.birth_date, p.organ_id, p.active, p.employment_status,
				  (select count(*) from org m where m.parent_id = o.id and m.active = true and m.type in ('UNION', 'WOMEN'))
				    as reviewers, o.active as organ_active, o.type as organ_type
				from person p join org o on o.id = p.organ_id where p.id = :p""")
			.param("p", personId)
			.query((rs, i) -> new Applicant(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getLong(4),
					rs.getBoolean(5), "IN_SERVICE".equals(rs.getString(6)),
					rs.getInt(7) > 0 && rs.getBoolean(8) && "ORGAN".equals(rs.getString(9))))
			.optional();
	}

	/** The version the person holds a consent to now, if any. */
	Optional<Integer> consentedVersion(long personId) {
		return jdbc.sql("""
				select version from matchmaking_consent where person_id = :p and withdrawn_at is null
				order by given_at desc, id desc fetch first 1 rows only""")
			.param("p", personId).query(Integer.class).optional();
	}

	void giveConsent(long personId, int version, OffsetDateTime now) {
		jdbc.sql("update matchmaking_consent set withdrawn_at = :now where person_id = :p and withdrawn_at is null")
			.param("now", now).param("p", personId).update();
		jdbc.sql("insert into matchmaking_consent (person_id, version, given_at) values (:p, :v, :now)")
			.param("p", personId).param("v", version).param("now", now).update();
	}

	void consentVersion(long personId, int version) {
		jdbc.sql("update matchmaking_profile set consent_version = :v where person_id = :p").param("v", version)
			.param("p", personId).update();
	}

	/** @return whether a consent was held */
	boolean withdrawConsent(long personId, OffsetDateTime now) {
		return jdbc.sql("update matchmaking_consent set withdrawn_at = :now where person_id = :p and withdrawn_at is null")
			.param("now", now).param("p", personId).update() > 0;
	}

	Optional<ProfileRow> find(long id) {
		return jdbc.sql("select " + ProfileRow.COLUMNS + ProfileRow.FROM + " where mp.id = :id").param("id", id)
			.query(ProfileRow::map).optional();
	}

	Optional<ProfileRow> ofPerson(long personId) {
		return jdbc.sql("select " + ProfileRow.COLUMNS + ProfileRow.FROM + " where mp.person_id = :p").param("p", personId)
			.query(ProfileRow::map).optional();
	}

	/** Locks the profiles in id order (two interests crossing each other queue here, never deadlock). */
	void lock(List<Long> ids) {
		jdbc.sql("select id from matchmaking_profile where id in (:ids) order by id for "
				+ (postgres ? "no key update" : "update"))
			.param("ids", ids).query(Long.class).list();
	}

	long insert(ProfileValues v, long personId, long organId, String gender, int consentVersion, OffsetDateTime now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into matchmaking_profile (person_id, organ_id, gender, nickname, birth_year, height, education, hometown,
				  hobbies, intro, pref_age_from, pref_age_to, pref_height_from, pref_height_to, pref_education, pref_tags,
				  status, listed, consent_version, created_at, updated_at)
				values (:person, :organ, :gender, :nickname, :birthYear, :height, :education, :hometown, :hobbies, :intro,
				  :ageFrom, :ageTo, :heightFrom, :heightTo, :prefEducation, :tags, 'PENDING', false, :consentVersion, :now,
				  :now)""")
			.param("consentVersion", consentVersion).param("person", personId).param("organ", organId).param("gender", gender).params(v.params())
			.param("now", now).update(keys, "id");
		return keys.getKey().longValue();
	}

	/** @return false when the version read is no longer the profile's */
	boolean update(long id, int version, ProfileValues v, ProfileStatus status, boolean listed, OffsetDateTime now) {
		return jdbc.sql("""
				update matchmaking_profile set nickname = :nickname, birth_year = :birthYear, height = :height,
				  education = :education, hometown = :hometown, hobbies = :hobbies, intro = :intro, pref_age_from = :ageFrom,
				  pref_age_to = :ageTo, pref_height_from = :heightFrom, pref_height_to = :heightTo,
				  pref_education = :prefEducation, pref_tags = :tags, status = :status, listed = :listed,
				  return_reason = null,
				  updated_at = :now, version = version + 1
				where id = :id and version = :version""")
			.params(v.params()).param("status", status.name()).param("listed", listed).param("now", now)
			.param("id", id).param("version", version).update() == 1;
	}

	/** Moves the flags and keeps {@code listed} in step. */
	void setState(long id, ProfileStatus status, String returnReason, boolean paused, boolean withdrawn,
			OffsetDateTime deletedAt, boolean recommendations, OffsetDateTime now) {
		jdbc.sql("""
				update matchmaking_profile set status = :status, return_reason = :reason, paused = :paused,
				  withdrawn = :withdrawn, deleted_at = :deleted, recommendations = :recommendations, listed = :listed,
				  updated_at = :now, version = version + 1
				where id = :id""")
			.param("status", status.name()).param("reason", returnReason, Types.VARCHAR).param("paused", paused)
			.param("withdrawn", withdrawn).param("deleted", deletedAt, Types.TIMESTAMP_WITH_TIMEZONE)
			.param("recommendations", recommendations)
			.param("listed", ProfileRow.listed(status, paused, withdrawn, deletedAt)).param("now", now).param("id", id)
			.update();
	}

	void insertReview(long profileId, boolean approved, String reason, long accountId, String reviewerName,
			OffsetDateTime now) {
		jdbc.sql("""
				insert into matchmaking_review (profile_id, approved, reason, reviewer_account_id, reviewer_name, decided_at)
				values (:p, :a, :r, :acc, :name, :now)""")
			.param("p", profileId).param("a", approved).param("r", reason, Types.VARCHAR).param("acc", accountId)
			.param("name", reviewerName).param("now", now).update();
	}

	List<ReviewRow> reviews(long profileId) {
		return jdbc.sql("""
				select id, approved, reason, reviewer_name, decided_at from matchmaking_review where profile_id = :p
				order by decided_at desc, id desc""")
			.param("p", profileId)
			.query((rs, i) -> new ReviewRow(rs.getLong(1), rs.getBoolean(2), rs.getString(3), rs.getString(4),
					rs.getObject(5, OffsetDateTime.class)))
			.list();
	}

	/** Profiles marked deleted: the erasure job's work. */
	List<Long> deleted() {
		return jdbc.sql("select id from matchmaking_profile where deleted_at is not null order by id").query(Long.class)
			.list();
	}

	/** Erases the profile and every row that names it. */
	void erase(long id) {
		for (String sql : List.of("delete from matchmaking_review where profile_id = :id",
				"delete from matchmaking_interest where from_profile_id = :id or to_profile_id = :id",
				"delete from matchmaking_match where low_profile_id = :id or high_profile_id = :id",
				"delete from matchmaking_block where blocker_profile_id = :id or blocked_profile_id = :id",
				"delete from matchmaking_report where reporter_profile_id = :id or reported_profile_id = :id",
				"delete from matchmaking_profile where id = :id")) {
			jdbc.sql(sql).param("id", id).update();
		}
	}
}
