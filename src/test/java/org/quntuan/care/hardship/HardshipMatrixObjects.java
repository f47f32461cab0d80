package org.quntuan.care.hardship;

import java.time.OffsetDateTime;

import org.quntuan.support.TestClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The register entries and subsidies the access matrix test (org.quntuan.web) tries the hardship endpoints
 * on, made once straight in the database. Own: member1's entry (市财政局, kept by orgadmin1) and a rejected
 * subsidy of it; sibling: the same of a union member of 市教育局 (kept by orgadmin2). The subsidies are
 * rejected, so adding a document is refused (422) and nothing changes.
 */
public final class HardshipMatrixObjects {

	private HardshipMatrixObjects() {
	}

	public static synchronized Long object(JdbcClient jdbc, String endpoint, String relation) {
		long person = switch (relation) {
			case "OWN" -> jdbc.sql("select person_id from account where username = 'member1'").query(Long.class).single();
			case "SIBLING" -> jdbc.sql("""
					select min(p.id) from person p join org o on o.id = p.organ_id
					where o.name = '市教育局' and p.union_status = 'MEMBER' and p.active = true
					  and not exists (select 1 from account a where a.person_id = p.id and a.username not like '1%')""")
				.query(Long.class).single();
			default -> -1L;
		};
		if (person < 0) {
			return null;
		}
		long kase = kase(jdbc, person);
		return endpoint.contains("subsidies/{id}") ? subsidy(jdbc, kase, person) : kase;
	}

	private static long kase(JdbcClient jdbc, long person) {
		return jdbc.sql("select id from care_hardship_case where person_id = :p").param("p", person).query(Long.class)
			.optional().orElseGet(() -> {
				Object[] union = jdbc.sql("""
						select u.id, u.path from person p join org u on u.parent_id = p.organ_id and u.type = 'UNION'
						where p.id = :p order by u.id fetch first 1 rows only""").param("p", person)
					.query((rs, i) -> new Object[] { rs.getLong(1), rs.getString(2) }).single();
				OffsetDateTime now = OffsetDateTime.now(TestClock.CLOCK);
				GeneratedKeyHolder keys = new GeneratedKeyHolder();
				jdbc.sql("""
						insert into care_hardship_case (person_id, org_id, org_path, causes, household_size, income_per_head,
						  level, review_date, note, created_by, created_at, updated_at, version)
						select :p, :o, :path, 'ILLNESS', 3, 900.00, 'GENERAL', :review, 'access-matrix', a.id, :now, :now, 0
						from account a where a.username = 'admin'""")
					.param("p", person).param("o", union[0]).param("path", union[1])
					.param("review", now.toLocalDate().plusMonths(6)).param("now", now).update(keys, "id");
				return keys.getKey().longValue();
			});
	}

	private static long subsidy(JdbcClient jdbc, long kase, long person) {
		return jdbc.sql("select min(id) from care_hardship_subsidy where case_id = :c and reason = 'access-matrix'")
			.param("c", kase).query(Long.class).optional().filter(id -> id != null).orElseGet(() -> {
				OffsetDateTime now = OffsetDateTime.now(TestClock.CLOCK);
				GeneratedKeyHolder keys = new GeneratedKeyHolder();
				jdbc.sql("""
						insert into care_hardship_subsidy (case_id, person_id, org_id, org_path, amount, reason, status,
						  applicant_account_id, created_at, updated_at, version)
						select c.id, c.person_id, c.org_id, c.org_path, 100.00, 'access-matrix', 'REJECTED', a.id, :now, :now, 0
						from care_hardship_case c, account a where c.id = :c and a.username = 'admin'""")
					.param("c", kase).param("now", now).update(keys, "id");
				return keys.getKey().longValue();
			});
	}
}
