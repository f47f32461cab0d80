package org.quntuan.volunteer;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;

import org.quntuan.support.TestClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** People the volunteer tests make for themselves. */
final class VolunteerFixtures {

	/** A person with an account (username: the mobile). */
	record Member(long id, String username) {
	}

	private VolunteerFixtures() {
	}

	private static final AtomicLong SEQ = new AtomicLong((System.nanoTime() / 1000) % 1_000_000L * 10);

	/**
	 * A new union member of the organ with an account of their own (the demo password, the rules of
	 * personal-information processing accepted), so that no test meets another's registration or hours; the
	 * organ's union admin is orgadmin1 for 市财政局 and orgadmin2 for 市教育局.
	 */
	static Member member(JdbcClient jdbc, String organ) {
		long n = SEQ.incrementAndGet();
		String mobile = "195" + String.format("%08d", n % 100_000_000L);
		OffsetDateTime now = OffsetDateTime.now(TestClock.CLOCK);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into person (name, name_pinyin, name_initials, gender, birth_date, id_number, mobile,
				  mobile_reversed, active_mobile, organ_id, political_status, union_status, employment_status, active,
				  created_at, updated_at, version)
				select :name, 'zhiyuan', 'zy', 'MALE', :birth, :idn, :mobile, :rev, :mobile, o.id, 'MASSES', 'MEMBER',
				  'IN_SERVICE', true, :now, :now, 0 from org o where o.name = :organ""")
			.param("name", "志愿测试" + n).param("birth", LocalDate.of(1985, 3, 5))
			.param("idn", "991005" + String.format("%012d", n)).param("mobile", mobile)
			.param("rev", new StringBuilder(mobile).reverse().toString()).param("organ", organ).param("now", now)
			.update(keys, "id");
		long personId = keys.getKey().longValue();
		keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into account (username, password_hash, display_name, person_id, enabled, failed_attempts,
				  must_change_password, created_at, version)
				select :u, password_hash, :name, :p, true, 0, false, :now, 0 from account where username = 'member1'""")
			.param("u", mobile).param("name", "志愿测试" + n).param("p", personId).param("now", now).update(keys, "id");
		jdbc.sql("insert into consent (account_id, kind, version, given_at) values (:a, 'PRIVACY_RULES', '2026-11', current_timestamp)")
			.param("a", keys.getKey().longValue()).update();
		return new Member(personId, mobile);
	}
}
