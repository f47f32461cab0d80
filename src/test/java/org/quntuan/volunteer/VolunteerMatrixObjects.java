package org.quntuan.volunteer;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.quntuan.platform.Zones;
import org.quntuan.support.TestClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The registrations and claims the access matrix test (org.quntuan.web) tries the volunteer endpoints on,
 * made once straight in the database. Own: member1's registration (市财政局, decided by orgadmin1) and a
 * pending claim of member1; sibling: the same of a union member of 市教育局 (orgadmin2's). The
 * registrations are rejected, so leaving is refused (409) and nothing changes; the sibling is no demo volunteer.
 */
public final class VolunteerMatrixObjects {

	private VolunteerMatrixObjects() {
	}

	public static synchronized Long object(JdbcClient jdbc, String endpoint, String relation) {
		long person = switch (relation) {
			case "OWN" -> jdbc.sql("select person_id from account where username = 'member1'").query(Long.class).single();
			case "SIBLING" -> jdbc.sql("""
					select min(p.id) from person p join org o on o.id = p.organ_id
					where o.name = '市教育局' and p.union_status = 'MEMBER' and p.active = true
					  and not exists (select 1 from account a where a.person_id = p.id and a.username not like '1%')
					  and not exists (select 1 from volunteer v where v.person_id = p.id and v.skills <> 'access-matrix')""")
				.query(Long.class).single();
			default -> -1L;
		};
		if (person < 0) {
			return null;
		}
		boolean claim = endpoint.contains("/volunteer-hours/{id}") || endpoint.contains("/volunteer/claims/{id}");
		return claim ? claim(jdbc, person) : registration(jdbc, person);
	}

	private static long registration(JdbcClient jdbc, long person) {
		return jdbc.sql("select id from volunteer where person_id = :p").param("p", person).query(Long.class).optional()
			.orElseGet(() -> {
				OffsetDateTime now = OffsetDateTime.now(TestClock.CLOCK);
				GeneratedKeyHolder keys = new GeneratedKeyHolder();
				jdbc.sql("""
						insert into volunteer (person_id, status, skills, areas, availability, consent_at, registered_at,
						  decided_at, decision_reason, version)
						values (:p, 'REJECTED', 'access-matrix', 'access-matrix', 'access-matrix', :now, :now, :now,
						  'access-matrix', 0)""")
					.param("p", person).param("now", now).update(keys, "id");
				return keys.getKey().longValue();
			});
	}

	private static long claim(JdbcClient jdbc, long person) {
		return jdbc.sql("select min(id) from volunteer_hours where person_id = :p and description = 'access-matrix'")
			.param("p", person).query(Long.class).optional().filter(id -> id != null).orElseGet(() -> {
				OffsetDateTime now = OffsetDateTime.now(TestClock.CLOCK);
				GeneratedKeyHolder keys = new GeneratedKeyHolder();
				jdbc.sql("""
						insert into volunteer_hours (person_id, kind, service_date, hours, description, author_account_id,
						  author_name, created_at)
						select :p, 'CLAIM', :d, 1.0, 'access-matrix', a.id, 'access-matrix', :now
						from account a where a.username = 'admin'""")
					.param("p", person).param("d", LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS)))
					.param("now", now).update(keys, "id");
				return keys.getKey().longValue();
			});
	}
}
