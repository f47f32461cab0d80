package org.quntuan.demo;

import java.math.BigDecimal;
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
 * Volunteers in every organ: two approved volunteers of its team with a claim about every month of this
 * year up to today, verified by the organ's union (the first of them with enough hours for 一星 in a full
 * year), a claim of this week still to verify, and a registration waiting for its decision. The named demo
 * accounts (member1 …) are left unregistered, to register themselves. The standing projects 社区敬老 and
 * 五水共治 and the campaigns 学雷锋纪念日 and 国际志愿者日.
 */
@Component
@Profile("demo")
@Order(85)
class DemoVolunteers implements ApplicationRunner {

	private static final String[] SERVICES = { "社区敬老：陪伴慰问空巢老人", "五水共治：河道巡查与垃圾清理", "学雷锋纪念日志愿服务",
			"文明交通劝导", "国际志愿者日主题宣传", "社区敬老：助餐送餐" };

	private final JdbcClient jdbc;

	private final Clock clock;

	private final TransactionTemplate tx;

	DemoVolunteers(JdbcClient jdbc, Clock clock, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.tx = tx;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (jdbc.sql("select count(*) from volunteer").query(Long.class).single() > 0
				|| jdbc.sql("select count(*) from account where username = 'member1'").query(Long.class).single() == 0) {
			return;
		}
		tx.executeWithoutResult(status -> seed());
	}

	private void seed() {
		long admin = jdbc.sql("select id from account where username = 'admin'").query(Long.class).single();
		long federation = jdbc.sql("select min(id) from volunteer_team where parent_id is null and organ_id is null")
			.query(Long.class).single();
		OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
		LocalDate today = LocalDate.now(clock.withZone(Zones.BUSINESS));
		LocalDate yearStart = today.withDayOfYear(1);
		List<Object[]> organs = jdbc.sql("select id, name from org where type = 'ORGAN' and active = true order by path")
			.query((rs, i) -> new Object[] { rs.getLong(1), rs.getString(2) }).list();
		int number = 0;
		int k = 0;
		for (Object[] organ : organs) {
			long organId = (Long) organ[0];
			List<Long> people = people(organId);
			if (people.size() < 3) {
				continue;
			}
			long team = team(organId, organ[1] + "志愿服务队", federation, now);
			for (int v = 0; v < 2; v++) {
				long person = people.get(v);
				String no = String.format("%d%05d", today.getYear(), ++number);
				long id = volunteer(person, "APPROVED", no, team, now.minusDays(400 - v));
				event(id, "REGISTERED", now.minusDays(400 - v));
				event(id, "APPROVED", now.minusDays(398 - v));
				for (int month = 0; month < 12; month++) {
					LocalDate date = yearStart.plusDays(month * 30L + v * 3L);
					if (date.isAfter(today)) {
						break;
					}
					BigDecimal hours = BigDecimal.valueOf(v == 0 ? 9 + (k % 3) : 2 + (k % 5)).add(new BigDecimal("0.5"));
					claim(person, date, hours, SERVICES[k++ % SERVICES.length], admin, now, true);
				}
			}
			claim(people.get(0), today, new BigDecimal("2.0"), SERVICES[k++ % SERVICES.length], admin, now, false);
			long pending = volunteer(people.get(2), "PENDING", null, null, now.minusDays(2));
			event(pending, "REGISTERED", now.minusDays(2));
		}
		project("PROJECT", "社区敬老", "结对社区的空巢、独居老人陪伴慰问和助餐送餐", "城东街道幸福里社区", "王建国", null, null, admin, now);
		project("PROJECT", "五水共治", "结对河道的巡查、垃圾清理和护水宣传", "城西街道清溪社区", "李海燕", null, null, admin, now);
		project("CAMPAIGN", "学雷锋纪念日", "每年 3 月 5 日前后集中开展学雷锋志愿服务", null, null, 3, 5, admin, now);
		project("CAMPAIGN", "国际志愿者日", "每年 12 月 5 日表彰优秀志愿者、集中开展志愿服务", null, null, 12, 5, admin, now);
		if (number > 0) {
			jdbc.sql("insert into volunteer_number_counter (year, last_value) values (:y, :n)").param("y", today.getYear())
				.param("n", number).update();
		}
	}

	private void project(String kind, String name, String description, String partner, String leader, Integer month,
			Integer day, long admin, OffsetDateTime now) {
		jdbc.sql("""
				insert into volunteer_project (kind, name, description, partner, leader, campaign_month, campaign_day,
				  created_by, created_at)
				values (:kind, :name, :description, :partner, :leader, :month, :day, :admin, :now)""")
			.param("kind", kind).param("name", name).param("description", description).param("partner", partner)
			.param("leader", leader).param("month", month).param("day", day).param("admin", admin).param("now", now)
			.update();
	}

	/** Union members in service of the organ, none of them a named demo account. */
	private List<Long> people(long organ) {
		return jdbc.sql("""
				select p.id from person p
				where p.organ_id = :o and p.active = true and p.employment_status = 'IN_SERVICE' and p.union_status = 'MEMBER'
				  and not exists (select 1 from account a where a.person_id = p.id and a.username not like '1%')
				order by p.id fetch first 3 rows only""")
			.param("o", organ).query(Long.class).list();
	}

	private long team(long organ, String name, long federation, OffsetDateTime now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("insert into volunteer_team (organ_id, parent_id, name, created_at) values (:o, :f, :n, :now)")
			.param("o", organ).param("f", federation).param("n", name).param("now", now).update(keys, "id");
		return keys.getKey().longValue();
	}

	private long volunteer(long person, String status, String number, Long team, OffsetDateTime at) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into volunteer (person_id, status, number, team_id, skills, areas, availability, consent_at,
				  registered_at, decided_at, version)
				values (:p, :s, :n, :t, '急救、文艺', '社区敬老、五水共治', '周末', :at, :at, :decided, 0)""")
			.param("p", person).param("s", status).param("n", number).param("t", team).param("at", at)
			.param("decided", number == null ? null : at.plusDays(2)).update(keys, "id");
		return keys.getKey().longValue();
	}

	private void event(long volunteer, String kind, OffsetDateTime at) {
		jdbc.sql("insert into volunteer_event (volunteer_id, kind, actor_name, at) values (:v, :k, '工会管理员', :at)")
			.param("v", volunteer).param("k", kind).param("at", at).update();
	}

	private void claim(long person, LocalDate date, BigDecimal hours, String what, long admin, OffsetDateTime now,
			boolean verified) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into volunteer_hours (person_id, kind, service_date, hours, description, author_account_id,
				  author_name, created_at)
				select :p, 'CLAIM', :d, :h, :what, coalesce(min(a.id), :admin), p.name, :now
				from person p left join account a on a.person_id = p.id where p.id = :p group by p.name""")
			.param("p", person).param("d", date).param("h", hours).param("what", what).param("admin", admin)
			.param("now", now).update(keys, "id");
		if (verified) {
			jdbc.sql("""
					insert into volunteer_hours_check (claim_id, approved, checker_account_id, checker_name, checked_at)
					values (:c, true, :admin, '工会管理员', :now)""")
				.param("c", keys.getKey().longValue()).param("admin", admin).param("now", now).update();
		}
	}
}
