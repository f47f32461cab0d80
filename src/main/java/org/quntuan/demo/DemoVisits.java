package org.quntuan.demo;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.quntuan.finance.Categories;
import org.quntuan.finance.Category;
import org.quntuan.finance.Journal;
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
 * The work committee's 春节 visit plan (走访慰问), under way: model workers, union cadres, members in
 * hardship, the ill and retired veterans of the first organ of every 片组 on its list, about half of them
 * visited already, their cash posted to the committee's book through the journal as the application does.
 */
@Component
@Profile("demo")
@Order(80)
class DemoVisits implements ApplicationRunner {

	private record Standard(String kind, String form, String amount, String goods) {
	}

	private static final List<Standard> STANDARDS = List.of(new Standard("MODEL_WORKER", "CASH", "1000.00", null),
			new Standard("UNION_CADRE", "GOODS", "300.00", "大米、食用油、春联"),
			new Standard("HARDSHIP", "CASH", "800.00", null), new Standard("SICK", "CASH", "500.00", null),
			new Standard("RETIRED", "GOODS", "400.00", "大米、食用油、水果"));

	private static final String[] VISITORS = { "工委副主任 王建华、办公室 李明", "工委主席 张国庆、组织部 陈静",
			"工会主席、工会委员", "工委办公室 刘洋、工会干事" };

	private final JdbcClient jdbc;

	private final Clock clock;

	private final TransactionTemplate tx;

	private final Journal journal;

	private final Categories categories;

	DemoVisits(JdbcClient jdbc, Clock clock, TransactionTemplate tx, Journal journal, Categories categories) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.tx = tx;
		this.journal = journal;
		this.categories = categories;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (jdbc.sql("select count(*) from care_visit_plan").query(Long.class).single() > 0
				|| jdbc.sql("select count(*) from account where username = 'admin'").query(Long.class).single() == 0) {
			return;
		}
		tx.executeWithoutResult(status -> seed());
	}

	private void seed() {
		long root = jdbc.sql("select id from org where parent_id is null order by id fetch first 1 rows only")
			.query(Long.class).single();
		long admin = jdbc.sql("select id from account where username = 'admin'").query(Long.class).single();
		OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
		LocalDate today = LocalDate.now(clock.withZone(Zones.BUSINESS));
		LocalDate start = today.minusDays(20);
		LocalDate end = today.plusDays(40);
		// last year's books are closed: the visits recorded so far are dated this year
		LocalDate firstVisit = start.isBefore(today.withDayOfYear(1)) ? today.withDayOfYear(1) : start;
		String title = today.plusMonths(2).getYear() + "年春节走访慰问";
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into care_visit_plan (title, starts_on, ends_on, book_org_id, area_org_id, budget, note,
				  creator_account_id, creator_name, created_at)
				values (:title, :start, :end, :root, :root, 60000.00, :note, :admin, '工委管理员', :now)""")
			.param("title", title).param("start", start).param("end", end).param("root", root)
			.param("note", "春节前走访慰问劳模、机关工会干部、困难会员、患病住院职工和退休老同志，送去党组织和工会的关怀。")
			.param("admin", admin).param("now", now.minusDays(25))
			.update(keys, "id");
		long plan = keys.getKey().longValue();
		for (Standard s : STANDARDS) {
			jdbc.sql("insert into care_visit_standard (plan_id, kind, form, amount, goods) values (:p, :k, :f, :a, :g)")
				.param("p", plan).param("k", s.kind()).param("f", s.form()).param("a", new BigDecimal(s.amount()))
				.param("g", s.goods(), Types.VARCHAR).update();
		}
		List<Long> organs = jdbc.sql("""
				select o.id from org o join org g on g.id = o.parent_id
				where o.type = 'ORGAN' and g.type = 'GROUP' and o.active = true order by g.path, o.path""")
			.query(Long.class).list();
		Category rights = categories.find("RIGHTS").orElseThrow();
		int n = 0;
		for (int i = 0; i < organs.size(); i += 3) {
			long organ = organs.get(i);
			List<Long> people = jdbc.sql("""
					select p.id from person p where p.organ_id = :o and p.active = true and p.union_status = 'MEMBER'
					  and not exists (select 1 from account a where a.person_id = p.id and a.username in
					    ('member1', 'finance1', 'info1', 'orgadmin1', 'orgadmin2', 'auditor1'))
					order by p.id fetch first 5 rows only""")
				.param("o", organ).query(Long.class).list();
			for (int k = 0; k < people.size(); k++) {
				Standard s = STANDARDS.get(k % STANDARDS.size());
				long person = people.get(k);
				keys = new GeneratedKeyHolder();
				jdbc.sql("""
						insert into care_visit_recipient (plan_id, person_id, kind, organ_id, planned_amount, note,
						  added_by_account_id, added_by_name, added_at)
						values (:plan, :person, :kind, :organ, :amount, :note, :admin, '工委管理员', :now)""")
					.param("plan", plan).param("person", person).param("kind", s.kind()).param("organ", organ)
					.param("amount", new BigDecimal(s.amount()))
					.param("note", s.kind().equals("SICK") ? "市第一人民医院住院治疗" : null, Types.VARCHAR)
					.param("admin", admin).param("now", now.minusDays(20))
					.update(keys, "id");
				long recipient = keys.getKey().longValue();
				if (n++ % 2 == 1) {
					continue;
				}
				long span = ChronoUnit.DAYS.between(firstVisit, today);
				LocalDate on = firstVisit.plusDays(span == 0 ? 0 : n % (span + 1));
				BigDecimal amount = new BigDecimal(s.amount());
				String name = jdbc.sql("select name from person where id = :p").param("p", person).query(String.class)
					.single();
				Long txn = null;
				if (s.form().equals("CASH")) {
					txn = journal.post(Journal.simple(root, on, rights, amount, name, title + "：慰问" + label(s.kind()) + " "
							+ name, "CARE_VISIT", recipient, "PAY", admin)).txnId();
				}
				jdbc.sql("""
						insert into care_visit (plan_id, recipient_id, visited_on, visitors, form, amount, goods, note,
						  txn_id, recorded_by_account_id, recorded_by_name, recorded_at)
						values (:plan, :r, :on, :visitors, :form, :amount, :goods, :note, :txn, :admin, '工委管理员', :now)""")
					.param("plan", plan).param("r", recipient).param("on", on)
					.param("visitors", VISITORS[n % VISITORS.length]).param("form", s.form()).param("amount", amount)
					.param("goods", s.goods(), Types.VARCHAR).param("note", "送上节日慰问，了解生活和身体情况，询问有何困难。")
					.param("txn", txn, Types.BIGINT).param("admin", admin).param("now", now.minusDays(1))
					.update();
			}
		}
		sickReports(organs, admin, now, today);
	}

	private record Sick(int admittedDaysAgo, Integer dischargedDaysAgo, boolean closed, String hospital, String diagnosis) {
	}

	private static final List<Sick> SICK = List.of(new Sick(12, null, false, "市第一人民医院", "肺炎，住院治疗"),
			new Sick(30, 6, false, "市中医院", "腰椎手术后康复"), new Sick(90, 70, true, "市人民医院", "心脏支架术后出院"),
			new Sick(4, null, false, "市第二人民医院", null));

	/**
	 * Sick reports (患病住院登记) of the first organs: some still in hospital, one discharged but still open
	 * (recovering at home), one closed; the people reported come after those on the plan's list.
	 */
	private void sickReports(List<Long> organs, long admin, OffsetDateTime now, LocalDate today) {
		int n = 0;
		for (int i = 0; i < organs.size() && i < 12; i += 3) {
			long organ = organs.get(i);
			List<Long> people = jdbc.sql("""
					select p.id from person p where p.organ_id = :o and p.active = true
					  and not exists (select 1 from account a where a.person_id = p.id)
					order by p.id offset 5 rows fetch next 2 rows only""")
				.param("o", organ).query(Long.class).list();
			for (long person : people) {
				Sick s = SICK.get(n++ % SICK.size());
				GeneratedKeyHolder keys = new GeneratedKeyHolder();
				jdbc.sql("""
						insert into care_visit_sick_report (person_id, organ_id, admitted_on, discharged_on, hospital, diagnosis,
						  filed_by_account_id, filed_by_name, filed_at)
						values (:person, :organ, :admitted, :discharged, :hospital, :diagnosis, :admin, '工委管理员', :filed)""")
					.param("person", person).param("organ", organ).param("admitted", today.minusDays(s.admittedDaysAgo()))
					.param("discharged", s.dischargedDaysAgo() == null ? null : today.minusDays(s.dischargedDaysAgo()),
							Types.DATE)
					.param("hospital", s.hospital()).param("diagnosis", s.diagnosis(), Types.VARCHAR).param("admin", admin)
					.param("filed", now.minusDays(s.admittedDaysAgo() - 1L))
					.update(keys, "id");
				if (s.closed()) {
					jdbc.sql("""
							update care_visit_sick_report set closed_at = :closed, closed_by_name = '工委管理员', version = 1
							where id = :id""")
						.param("closed", now.minusDays(s.dischargedDaysAgo() - 1L)).param("id", keys.getKey().longValue())
						.update();
				}
			}
		}
	}

	private static String label(String kind) {
		return switch (kind) {
			case "MODEL_WORKER" -> "劳模";
			case "HARDSHIP" -> "困难会员";
			case "SICK" -> "患病住院";
			default -> "";
		};
	}
}
