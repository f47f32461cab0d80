package org.quntuan.member.union;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;

import org.quntuan.platform.IdNumber;
import org.quntuan.platform.Zones;
import org.quntuan.support.TestClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** People the union membership tests make for themselves, each with an account (username: the mobile). */
final class UnionFixtures {

	record Person(long id, String username, String idNumber) {
	}

	private UnionFixtures() {
	}

	private static final AtomicLong SEQ = new AtomicLong((System.nanoTime() / 1000) % 1_000_000L * 10);

	static LocalDate today() {
		return LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS));
	}

	/** A person of the organ with the union status given (NOT_MEMBER, MEMBER…) and an account of their own. */
	static Person person(JdbcClient jdbc, String organ, String unionStatus) {
		long n = SEQ.incrementAndGet();
		String mobile = "197" + String.format("%08d", n % 100_000_000L);
		String id17 = "992" + String.format("%03d", n / 1000 % 1000) + "19900301" + String.format("%03d", n % 1000);
		String idNumber = id17 + IdNumber.checkCharacter(id17);
		OffsetDateTime now = OffsetDateTime.now(TestClock.CLOCK);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into person (name, name_pinyin, name_initials, gender, birth_date, id_number, mobile,
				  mobile_reversed, active_mobile, organ_id, political_status, union_status, union_joined_on, employment_status,
				  active, created_at, updated_at, version)
				select :name, 'huiyuan', 'hy', 'MALE', :birth, :idn, :mobile, :rev, :mobile, o.id, 'MASSES', :union, :joined,
				  'IN_SERVICE', true, :now, :now, 0 from org o where o.name = :organ""")
			.param("name", "会员测试" + n).param("birth", LocalDate.of(1990, 3, 1)).param("idn", idNumber)
			.param("mobile", mobile).param("rev", new StringBuilder(mobile).reverse().toString()).param("union", unionStatus)
			.param("joined", "MEMBER".equals(unionStatus) ? today().minusYears(3) : null).param("organ", organ)
			.param("now", now).update(keys, "id");
		long personId = keys.getKey().longValue();
		jdbc.sql("insert into person_organ_history (person_id, organ_id, valid_from, valid_to, reason) "
				+ "select :p, organ_id, :d, null, 'test' from person where id = :p")
			.param("p", personId).param("d", today().minusYears(3)).update();
		keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into account (username, password_hash, display_name, person_id, enabled, failed_attempts,
				  must_change_password, created_at, version)
				select :u, password_hash, :name, :p, true, 0, false, :now, 0 from account where username = 'member1'""")
			.param("u", mobile).param("name", "会员测试" + n).param("p", personId).param("now", now).update(keys, "id");
		jdbc.sql("insert into consent (account_id, kind, version, given_at) values (:a, 'PRIVACY_RULES', '2026-11', current_timestamp)")
			.param("a", keys.getKey().longValue()).update();
		return new Person(personId, mobile, idNumber);
	}

	static String unionStatus(JdbcClient jdbc, long personId) {
		return jdbc.sql("select union_status from person where id = :p").param("p", personId).query(String.class).single();
	}

	static long count(JdbcClient jdbc, String table, long personId) {
		return jdbc.sql("select count(*) from " + table + " where person_id = :p").param("p", personId).query(Long.class)
			.single();
	}
}
