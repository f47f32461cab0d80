package org.quntuan.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.quntuan.platform.Zones;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Women staff: the account {@code women1} of 市财政局妇委会 (member1's organ), and this year's 两癌 screening
 * of the federation, under way (it began 20 days ago, sign-up open for another 20 days): every organ has
 * places for about a quarter of its women; 市财政局's are taken, two colleagues wait (one of them in a
 * priority group) and three have their result recorded; two other organs have a few sign-ups.
 */
@Component
@Profile("demo")
@Order(85)
class DemoWomen implements ApplicationRunner {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final TransactionTemplate tx;

	DemoWomen(JdbcClient jdbc, Clock clock, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.tx = tx;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (jdbc.sql("select count(*) from care_women_screening").query(Long.class).single() > 0
				|| jdbc.sql("select count(*) from account where username = 'member1'").query(Long.class).single() == 0) {
			return;
		}
		tx.executeWithoutResult(status -> seed());
	}

	private void seed() {
		OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
		LocalDate today = LocalDate.now(clock.withZone(Zones.BUSINESS));
		long root = jdbc.sql("select id from org where parent_id is null order by id fetch first 1 rows only")
			.query(Long.class).single();
		long admin = jdbc.sql("select id from account where username = 'admin'").query(Long.class).single();
		long member1 = jdbc.sql("select person_id from account where username = 'member1'").query(Long.class).single();
		long finance = jdbc.sql("select organ_id from person where id = :p").param("p", member1).query(Long.class).single();
		committeeAccount(finance, admin, now);

		long screening = screening(today.getYear() + "年女职工两癌筛查", today.minusDays(20), today.plusDays(40),
				today.minusDays(30), today.plusDays(20), root, admin, now.minusDays(35));
		List<Long> organs = jdbc.sql("select id from org where type = 'ORGAN' and active = true order by path")
			.query(Long.class).list();
		int capacity = 0;
		for (long organ : organs) {
			int places = Math.max(1, women(organ, 1000).size() / 4);
			jdbc.sql("insert into care_women_quota (screening_id, organ_id, places) values (:s, :o, :p)")
				.param("s", screening).param("o", organ).param("p", places).update();
			capacity += places;
		}
		jdbc.sql("update care_women_screening set capacity = :c where id = :s").param("c", capacity).param("s", screening)
			.update();

		// 市财政局: its places taken, three results recorded, two waiting
		int places = jdbc.sql("select places from care_women_quota where screening_id = :s and organ_id = :o")
			.param("s", screening).param("o", finance).query(Integer.class).single();
		List<Long> colleagues = women(finance, places + 2);
		String[] results = { "NORMAL", "FOLLOW_UP", "NORMAL" };
		String[] notes = { null, "乳腺超声 BI-RADS 3 类，建议 6 个月后复查", null };
		for (int i = 0; i < colleagues.size(); i++) {
			boolean waiting = i >= places;
			long id = signup(screening, colleagues.get(i), finance, waiting ? "WAITING" : "CONFIRMED", i == colleagues.size() - 1,
					now.minusDays(28 - i));
			if (!waiting && i < results.length) {
				jdbc.sql("""
						update care_women_signup set result = :r, result_note = :n, result_at = :at, result_by_name = '市财政局妇委会'
						where id = :id""")
					.param("r", results[i]).param("n", notes[i]).param("at", now.minusDays(3 - i)).param("id", id).update();
			}
		}
		for (long organ : organs.subList(1, Math.min(3, organs.size()))) {
			if (organ != finance) {
				List<Long> some = women(organ, 2);
				for (int i = 0; i < some.size(); i++) {
					signup(screening, some.get(i), organ, "CONFIRMED", false, now.minusDays(15 - i));
				}
			}
		}
	}

	/** women1 keeps the sign-ups of member1's organ: an admin of its 妇委会, with the demo password. */
	private void committeeAccount(long organ, long admin, OffsetDateTime now) {
		if (jdbc.sql("select count(*) from account where username = 'women1'").query(Long.class).single() > 0) {
			return;
		}
		Long committee = jdbc.sql("select id from org where parent_id = :o and type = 'WOMEN' and active = true")
			.param("o", organ).query(Long.class).optional().orElse(null);
		if (committee == null) {
			return;
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into account (username, password_hash, display_name, person_id, enabled, failed_attempts,
				  must_change_password, created_at, version)
				select 'women1', password_hash, :name, null, true, 0, false, :now, 0 from account where id = :admin""")
			.param("name", jdbc.sql("select name from org where id = :o").param("o", committee).query(String.class).single())
			.param("now", now).param("admin", admin).update(keys, "id");
		long account = keys.getKey().longValue();
		jdbc.sql("insert into role_binding (account_id, role, org_id, created_at) values (:a, 'ORG_ADMIN', :o, :now)")
			.param("a", account).param("o", committee).param("now", now).update();
		jdbc.sql("""
				insert into consent (account_id, kind, version, given_at, ip)
				values (:a, 'PRIVACY_RULES', :version, :now, null)""")
			.param("a", account).param("version", DemoData.DEMO_RULES_VERSION).param("now", now).update();
	}

	private long screening(String title, LocalDate from, LocalDate to, LocalDate opens, LocalDate closes, long root,
			long admin, OffsetDateTime created) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into care_women_screening (year, title, starts_on, ends_on, signup_opens_on, signup_closes_on, capacity,
				  priority_age, priority_years, owner_org_id, creator_account_id, creator_name, created_at)
				values (:year, :title, :from, :to, :opens, :closes, 1, 35, 2, :root, :admin, '工委管理员', :created)""")
			.param("year", from.getYear()).param("title", title).param("from", from).param("to", to).param("opens", opens)
			.param("closes", closes).param("root", root).param("admin", admin).param("created", created)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	private long signup(long screening, long person, long organ, String status, boolean priority, OffsetDateTime at) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into care_women_signup (screening_id, person_id, organ_id, status, priority, signed_up_at)
				values (:s, :p, :o, :status, :priority, :at)""")
			.param("s", screening).param("p", person).param("o", organ).param("status", status).param("priority", priority)
			.param("at", at).update(keys, "id");
		return keys.getKey().longValue();
	}

	/** Active women of the organ, none of them a named demo account. */
	private List<Long> women(long organ, int n) {
		return jdbc.sql("""
				select p.id from person p
				where p.organ_id = :o and p.active = true and p.gender = 'FEMALE'
				  and not exists (select 1 from account a where a.person_id = p.id and a.username in ('member1', 'orgadmin1',
				    'orgadmin2', 'finance1', 'auditor1', 'info1') or a.person_id = p.id and a.username like 'group%')
				order by p.id fetch first :n rows only""")
			.param("o", organ).param("n", n).query(Long.class).list();
	}
}
