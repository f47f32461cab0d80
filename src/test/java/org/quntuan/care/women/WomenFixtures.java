package org.quntuan.care.women;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.quntuan.platform.IdNumber;
import org.quntuan.platform.Zones;
import org.quntuan.support.TestClock;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the women's screening tests share: people of their own with accounts, screenings of their own. */
final class WomenFixtures {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private WomenFixtures() {
	}

	static LocalDate today() {
		return LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS));
	}

	/** A person of the organ who signs in with her mobile (the demo password): returns the mobile. */
	static String person(JdbcClient jdbc, String organ, String gender, int age) {
		long organId = jdbc.sql("select id from org where name = :n").param("n", organ).query(Long.class).single();
		OffsetDateTime now = OffsetDateTime.now(TestClock.CLOCK);
		LocalDate birth = today().minusYears(age).minusDays(40);
		while (true) {
			int seq = SEQUENCE.incrementAndGet();
			ThreadLocalRandom random = ThreadLocalRandom.current();
			String first17 = "990177" + birth.toString().replace("-", "") + String.format("%03d", random.nextInt(1000));
			String idNumber = first17 + IdNumber.checkCharacter(first17);
			String mobile = "1376" + String.format("%07d", random.nextInt(10_000_000));
			boolean taken = jdbc.sql("""
					select (select count(*) from person where id_number = :i or mobile = :m)
					  + (select count(*) from account where username = :m)""")
				.param("i", idNumber).param("m", mobile).query(Long.class).single() > 0;
			if (taken) {
				continue;
			}
			jdbc.sql("""
					insert into person (name, name_pinyin, name_initials, gender, birth_date, id_number, mobile, mobile_reversed,
					  active_mobile, organ_id, political_status, union_status, union_joined_on, employment_status, active,
					  created_at, updated_at)
					values (:name, :pinyin, 'sccs', :gender, :birth, :idn, :m, :mr, :m, :organ, 'MASSES', 'MEMBER',
					  date '2010-01-01', 'IN_SERVICE', true, :now, :now)""")
				.param("name", "筛查测试" + seq).param("pinyin", "shaichaceshi" + seq).param("gender", gender)
				.param("birth", birth).param("idn", idNumber).param("m", mobile)
				.param("mr", new StringBuilder(mobile).reverse().toString()).param("organ", organId).param("now", now)
				.update();
			long personId = jdbc.sql("select id from person where id_number = :i").param("i", idNumber).query(Long.class)
				.single();
			jdbc.sql("""
					insert into account (username, password_hash, display_name, person_id, enabled, failed_attempts,
					  must_change_password, created_at, version)
					select :m, password_hash, :name, :p, true, 0, false, :now, 0 from account where username = 'admin'""")
				.param("m", mobile).param("name", "筛查测试" + seq).param("p", personId).param("now", now).update();
			jdbc.sql("""
					insert into consent (account_id, kind, version, given_at)
					select id, 'PRIVACY_RULES', '2026-11', :now from account where username = :m""")
				.param("m", mobile).param("now", now).update();
			return mobile;
		}
	}

	static List<String> women(JdbcClient jdbc, String organ, int n) {
		List<String> women = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			women.add(person(jdbc, organ, "FEMALE", 30));
		}
		return women;
	}

	/** A screening under way with its sign-up open, as the federation plans it through the API. */
	static String openScreening(String title, String quotas, int capacity) {
		LocalDate today = today();
		return "{\"title\":\"" + title + "\",\"startsOn\":\"" + today.minusDays(2) + "\",\"endsOn\":\"" + today.plusDays(30)
				+ "\",\"signupOpensOn\":\"" + today.minusDays(5) + "\",\"signupClosesOn\":\"" + today.plusDays(10)
				+ "\",\"capacity\":" + capacity + (quotas == null ? "" : ",\"quotas\":" + quotas) + "}";
	}

	static String status(JdbcClient jdbc, long signupId) {
		return jdbc.sql("select status from care_women_signup where id = :id").param("id", signupId).query(String.class)
			.single();
	}

	static int signups(JdbcClient jdbc, long screeningId) {
		return jdbc.sql("select count(*) from care_women_signup where screening_id = :s").param("s", screeningId)
			.query(Integer.class).single();
	}
}
