package org.quntuan.matchmaking;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;

import org.quntuan.platform.Zones;
import org.quntuan.support.TestClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Single people the matchmaking tests make for themselves, each with an account of their own. */
final class MatchmakingFixtures {

	/** A person with an account (username: the mobile). */
	record Single(long id, String username, String name, String mobile, int birthYear) {
	}

	private static final AtomicLong SEQ = new AtomicLong((System.nanoTime() / 1000) % 1_000_000L * 10);

	private MatchmakingFixtures() {
	}

	static LocalDate today() {
		return LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS));
	}

	/** An active union member in service of the organ, {@code age} years old today, with an account. */
	static Single single(JdbcClient jdbc, String organ, String gender, int age) {
		long n = SEQ.incrementAndGet();
		String mobile = "197" + String.format("%08d", n % 100_000_000L);
		String name = "红娘测试" + n;
		OffsetDateTime now = OffsetDateTime.now(TestClock.CLOCK);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into person (name, name_pinyin, name_initials, gender, birth_date, id_number, mobile,
				  mobile_reversed, active_mobile, organ_id, political_status, union_status, employment_status, active,
				  created_at, updated_at, version)
				select :name, 'hongniang', 'hn', :gender, :birth, :idn, :mobile, :rev, :mobile, o.id, 'MASSES', 'MEMBER',
				  'IN_SERVICE', true, :now, :now, 0 from org o where o.name = :organ""")
			.param("name", name).param("gender", gender).param("birth", LocalDate.of(today().getYear() - age, 1, 1))
			.param("idn", "992000" + String.format("%012d", n)).param("mobile", mobile)
			.param("rev", new StringBuilder(mobile).reverse().toString()).param("organ", organ).param("now", now)
			.update(keys, "id");
		long personId = keys.getKey().longValue();
		keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into account (username, password_hash, display_name, person_id, enabled, failed_attempts,
				  must_change_password, created_at, version)
				select :u, password_hash, :name, :p, true, 0, false, :now, 0 from account where username = 'member1'""")
			.param("u", mobile).param("name", name).param("p", personId).param("now", now).update(keys, "id");
		jdbc.sql("insert into consent (account_id, kind, version, given_at) values (:a, 'PRIVACY_RULES', '2026-11', current_timestamp)")
			.param("a", keys.getKey().longValue()).update();
		return new Single(personId, mobile, name, mobile, LocalDate.of(today().getYear() - age, 1, 1).getYear());
	}

	/** A profile body; the hometown names the test, so that its searches find only its own people. */
	static String profile(Single s, String hometown, String hobbies, String preferences) {
		return """
				{"nickname":"昵称%d","birthYear":%d,"height":170,"education":"BACHELOR","hometown":"%s","hobbies":[%s],
				 "intro":"喜欢安静地看书，也喜欢和朋友爬山。","preferences":%s,"unmarriedDeclared":true}"""
			.formatted(s.id() % 100000, s.birthYear(), hometown, hobbies, preferences == null ? "null" : preferences);
	}

	static long profileOf(JdbcClient jdbc, Single s) {
		return jdbc.sql("select id from matchmaking_profile where person_id = :p").param("p", s.id()).query(Long.class)
			.single();
	}

	static int count(JdbcClient jdbc, String table) {
		return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
	}
}
