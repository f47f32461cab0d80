package org.quntuan.care.women;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.quntuan.platform.Databases;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The screenings, their quotas and the sign-ups, with the spine's names. */
@Repository
class ScreeningRepository {

	record ScreeningRow(long id, int year, String title, LocalDate startsOn, LocalDate endsOn, LocalDate opensOn,
			LocalDate closesOn, int capacity, int priorityAge, int priorityYears, String ownerOrgPath, String creatorName,
			OffsetDateTime createdAt) {
	}

	record QuotaRow(long organId, String organName, int places, int confirmed, int waiting) {
	}

	record SignupRow(long id, long screeningId, long personId, String name, String mobile, LocalDate birthDate,
			long organId, String organName, String organPath, SignupStatus status, boolean priority,
			OffsetDateTime signedUpAt, OffsetDateTime cancelledAt, ScreeningResult result, String resultNote,
			OffsetDateTime resultAt, String resultByName, int version) {
	}

	/** A person as the sign-up rules read her. */
	record Woman(long personId, String name, boolean female, LocalDate birthDate, long organId, String organName,
			String organPath, boolean active) {
	}

	private static final String SCREENING = """
			select s.*, o.path as owner_path from care_women_screening s join org o on o.id = s.owner_org_id""";

	private static final String SIGNUP = """
			select u.*, p.name, p.mobile, p.birth_date, organ.name as organ_name, organ.path as organ_path
			from care_women_signup u join person p on p.id = u.person_id join org organ on organ.id = u.organ_id""";

	private final JdbcClient jdbc;

	private final boolean postgres;

	ScreeningRepository(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.postgres = Databases.isPostgres(dataSource);
	}

	long insertScreening(ScreeningRow s, long ownerOrgId, long accountId) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into care_women_screening (year, title, starts_on, ends_on, signup_opens_on, signup_closes_on, capacity,
				  priority_age, priority_years, owner_org_id, creator_account_id, creator_name, created_at)
				values (:year, :title, :starts, :ends, :opens, :closes, :capacity, :age, :years, :owner, :account, :creator, :now)""")
			.param("year", s.year()).param("title", s.title()).param("starts", s.startsOn()).param("ends", s.endsOn())
			.param("opens", s.opensOn()).param("closes", s.closesOn()).param("capacity", s.capacity())
			.param("age", s.priorityAge()).param("years", s.priorityYears()).param("owner", ownerOrgId)
			.param("account", accountId).param("creator", s.creatorName()).param("now", s.createdAt())
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	Optional<ScreeningRow> find(long id) {
		return jdbc.sql(SCREENING + " where s.id = :id").param("id", id).query(ScreeningRepository::map).optional();
	}

	List<ScreeningRow> ofYear(int year) {
		return jdbc.sql(SCREENING + " where s.year = :y order by s.starts_on desc, s.id desc").param("y", year)
			.query(ScreeningRepository::map).list();
	}

	void insertQuota(long screeningId, long organId, int places) {
		jdbc.sql("insert into care_women_quota (screening_id, organ_id, places) values (:s, :o, :p)")
			.param("s", screeningId).param("o", organId).param("p", places).update();
	}

	List<QuotaRow> quotas(long screeningId) {
		return jdbc.sql("""
				select q.organ_id, o.name, q.places,
				  (select count(*) from care_women_signup u where u.screening_id = q.screening_id and u.organ_id = q.organ_id
				     and u.status = 'CONFIRMED') as confirmed,
				  (select count(*) from care_women_signup u where u.screening_id = q.screening_id and u.organ_id = q.organ_id
				     and u.status = 'WAITING') as waiting
				from care_women_quota q join org o on o.id = q.organ_id where q.screening_id = :s order by o.path""")
			.param("s", screeningId)
			.query((rs, i) -> new QuotaRow(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)))
			.list();
	}

	/** The organ's places, its quota row locked until the end of the transaction: sign-ups of one organ queue here. */
	Optional<Integer> lockQuota(long screeningId, long organId) {
		return jdbc.sql("select places from care_women_quota where screening_id = :s and organ_id = :o for "
				+ (postgres ? "no key update" : "update"))
			.param("s", screeningId).param("o", organId).query(Integer.class).optional();
	}

	int confirmed(long screeningId, long organId) {
		return jdbc.sql("""
				select count(*) from care_women_signup where screening_id = :s and organ_id = :o and status = 'CONFIRMED'""")
			.param("s", screeningId).param("o", organId).query(Integer.class).single();
	}

	/** Active organs among these ids: id → name. */
	Map<Long, String> organs(Collection<Long> ids) {
		Map<Long, String> organs = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return organs;
		}
		jdbc.sql("select id, name from org where id in (:ids) and type = 'ORGAN' and active = true order by path")
			.param("ids", ids).query(rs -> {
				organs.put(rs.getLong(1), rs.getString(2));
			});
		return organs;
	}

	/** Every active organ with its number of active women, by path: the default split of the places. */
	Map<Long, Integer> activeWomenPerOrgan() {
		Map<Long, Integer> women = new LinkedHashMap<>();
		jdbc.sql("""
				select o.id, (select count(*) from person p where p.organ_id = o.id and p.active = true and p.gender = 'FEMALE')
				from org o where o.type = 'ORGAN' and o.active = true order by o.path""")
			.query(rs -> {
				women.put(rs.getLong(1), rs.getInt(2));
			});
		return women;
	}

	Optional<Woman> woman(long personId) {
		return jdbc.sql("""
				select p.id, p.name, p.gender, p.birth_date, p.organ_id, o.name as organ_name, o.path, p.active
				from person p join org o on o.id = p.organ_id where p.id = :id""")
			.param("id", personId)
			.query((rs, i) -> new Woman(rs.getLong(1), rs.getString(2), "FEMALE".equals(rs.getString(3)),
					rs.getObject(4, LocalDate.class), rs.getLong(5), rs.getString(6), rs.getString(7), rs.getBoolean(8)))
			.optional();
	}

	/** Whether the woman has a recorded result in a screening of one of these years. */
	boolean screenedBetween(long personId, int fromYear, int toYear) {
		return jdbc.sql("""
				select count(*) from care_women_signup u join care_women_screening s on s.id = u.screening_id
				where u.person_id = :p and u.result is not null and s.year >= :from and s.year <= :to""")
			.param("p", personId).param("from", fromYear).param("to", toYear).query(Integer.class).single() > 0;
	}

	long insertSignup(long screeningId, Woman w, SignupStatus status, boolean priority, OffsetDateTime now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into care_women_signup (screening_id, person_id, organ_id, status, priority, signed_up_at)
				values (:s, :p, :o, :status, :priority, :now)""")
			.param("s", screeningId).param("p", w.personId()).param("o", w.organId()).param("status", status.name())
			.param("priority", priority).param("now", now)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/** A cancelled sign-up made anew (the row is unique per screening and woman); false if it was not cancelled. */
	boolean revive(long id, long organId, SignupStatus status, boolean priority, OffsetDateTime now) {
		return jdbc.sql("""
				update care_women_signup set status = :status, organ_id = :o, priority = :priority, signed_up_at = :now,
				  cancelled_at = null, version = version + 1
				where id = :id and status = 'CANCELLED'""")
			.param("status", status.name()).param("o", organId).param("priority", priority).param("now", now)
			.param("id", id).update() == 1;
	}

	void cancel(long id, OffsetDateTime now) {
		jdbc.sql("update care_women_signup set status = 'CANCELLED', cancelled_at = :now, version = version + 1 where id = :id")
			.param("now", now).param("id", id).update();
	}

	void confirm(long id) {
		jdbc.sql("update care_women_signup set status = 'CONFIRMED', version = version + 1 where id = :id and status = 'WAITING'")
			.param("id", id).update();
	}

	void recordResult(long id, ScreeningResult result, String note, OffsetDateTime now, String byName) {
		jdbc.sql("""
				update care_women_signup set result = :r, result_note = :note, result_at = :now, result_by_name = :by,
				  version = version + 1
				where id = :id""")
			.param("r", result.name()).param("note", note, Types.VARCHAR).param("now", now).param("by", byName)
			.param("id", id).update();
	}

	Optional<SignupRow> signup(long id) {
		return jdbc.sql(SIGNUP + " where u.id = :id").param("id", id).query(ScreeningRepository::mapSignup).optional();
	}

	Optional<SignupRow> signupOf(long screeningId, long personId) {
		return jdbc.sql(SIGNUP + " where u.screening_id = :s and u.person_id = :p").param("s", screeningId)
			.param("p", personId).query(ScreeningRepository::mapSignup).optional();
	}

	/** The organ's first on the wait list who is still active: priority first, then in the order of signing up. */
	Optional<SignupRow> firstWaiting(long screeningId, long organId) {
		return jdbc.sql(SIGNUP + """
				 where u.screening_id = :s and u.organ_id = :o and u.status = 'WAITING' and p.active = true
				order by case when u.priority then 0 else 1 end, u.signed_up_at, u.id fetch first 1 rows only""")
			.param("s", screeningId).param("o", organId).query(ScreeningRepository::mapSignup).optional();
	}

	/** The sign-ups of these organs (all when null), by organ, status, priority and time. */
	List<SignupRow> signups(long screeningId, Collection<Long> organs) {
		if (organs != null && organs.isEmpty()) {
			return List.of();
		}
		String where = organs == null ? "" : " and u.organ_id in (:organs)";
		var spec = jdbc.sql(SIGNUP + " where u.screening_id = :s" + where + " " + """
				 order by organ.path, case u.status when 'CONFIRMED' then 0 when 'WAITING' then 1 else 2 end,
				  case when u.priority then 0 else 1 end, u.signed_up_at, u.id""")
			.param("s", screeningId);
		if (organs != null) {
			spec = spec.param("organs", organs);
		}
		return spec.query(ScreeningRepository::mapSignup).list();
	}

	List<SignupRow> ofPerson(long personId) {
		return jdbc.sql(SIGNUP + """
				 join care_women_screening s on s.id = u.screening_id
				where u.person_id = :p order by s.starts_on desc, u.id desc""")
			.param("p", personId).query(ScreeningRepository::mapSignup).list();
	}

	private static ScreeningRow map(ResultSet rs, int i) throws SQLException {
		return new ScreeningRow(rs.getLong("id"), rs.getInt("year"), rs.getString("title"),
				rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
				rs.getObject("signup_opens_on", LocalDate.class), rs.getObject("signup_closes_on", LocalDate.class),
				rs.getInt("capacity"), rs.getInt("priority_age"), rs.getInt("priority_years"), rs.getString("owner_path"),
				rs.getString("creator_name"), rs.getObject("created_at", OffsetDateTime.class));
	}

	private static SignupRow mapSignup(ResultSet rs, int i) throws SQLException {
		String result = rs.getString("result");
		return new SignupRow(rs.getLong("id"), rs.getLong("screening_id"), rs.getLong("person_id"), rs.getString("name"),
				rs.getString("mobile"), rs.getObject("birth_date", LocalDate.class), rs.getLong("organ_id"),
				rs.getString("organ_name"), rs.getString("organ_path"), SignupStatus.valueOf(rs.getString("status")),
				rs.getBoolean("priority"), rs.getObject("signed_up_at", OffsetDateTime.class),
				rs.getObject("cancelled_at", OffsetDateTime.class), result == null ? null : ScreeningResult.valueOf(result),
				rs.getString("result_note"), rs.getObject("result_at", OffsetDateTime.class), rs.getString("result_by_name"),
				rs.getInt("version"));
	}
}
