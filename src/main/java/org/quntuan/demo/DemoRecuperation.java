package org.quntuan.demo;

import java.math.BigDecimal;
import java.sql.Types;
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
 * This year's two recuperation batches of the work committee: a 劳模 batch at 千岛湖 two months ago,
 * over, with its attendance recorded (one model worker declined, one did not go), and a staff batch at
 * 黄山 next month, taking nominations: member1 is nominated and asked to confirm, 市财政局's three places
 * are taken and one colleague waits on its wait list, others have confirmed, declined or been withdrawn.
 */
@Component
@Profile("demo")
@Order(80)
class DemoRecuperation implements ApplicationRunner {

	private static final List<String> NAMED = List.of("admin", "orgadmin1", "orgadmin2", "member1", "finance1",
			"auditor1", "info1");

	private final JdbcClient jdbc;

	private final Clock clock;

	private final TransactionTemplate tx;

	DemoRecuperation(JdbcClient jdbc, Clock clock, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.tx = tx;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (jdbc.sql("select count(*) from care_recuperation_batch").query(Long.class).single() > 0
				|| jdbc.sql("select count(*) from account where username = 'member1'").query(Long.class).single() == 0) {
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
		long member1 = jdbc.sql("select person_id from account where username = 'member1'").query(Long.class).single();
		long finance = jdbc.sql("select organ_id from person where id = :p").param("p", member1).query(Long.class).single();
		List<Long> organs = jdbc.sql("""
				select id from org where type = 'ORGAN' and active = true and id <> :f order by path fetch first 7 rows only""")
			.param("f", finance).query(Long.class).list();

		// 劳模疗休养, over: three organs with two places each
		LocalDate past = today.minusDays(60);
		long models = batch(past.getYear() + "年劳模疗休养（第一批）", "MODEL_WORKER", "浙江淳安千岛湖职工疗休养基地", past,
				past.plusDays(4), 12, "3600.00", "市级以上劳动模范疗休养，安排健康体检、休养和参观学习。", root, admin,
				now.minusDays(100));
		String[][] modelStatuses = { { "ATTENDED", "ATTENDED" }, { "ATTENDED", "DECLINED" }, { "ABSENT", "ATTENDED" } };
		for (int i = 0; i < 3; i++) {
			long organ = organs.get(i);
			quota(models, organ, 2);
			List<Long> people = people(organ, 0, 2);
			for (int j = 0; j < 2; j++) {
				String status = modelStatuses[i][j];
				nomination(models, people.get(j), organ, status, (past.getYear() - 1 - j) + "年市劳动模范（市政府表彰决定）",
						admin, now.minusDays(90), status.equals("DECLINED") ? "家中老人住院，需要照顾" : null,
						status.equals("ATTENDED") || status.equals("ABSENT") ? now.minusDays(55) : null);
			}
		}

		// 职工疗休养, next month: 市财政局 full with one waiting, other organs in every state
		LocalDate next = today.plusDays(30);
		long staff = batch(next.getYear() + "年职工疗休养（第二批）", "STAFF", "安徽黄山市职工疗休养院", next, next.plusDays(4), 30,
				"2800.00", "一线职工和基层工会干部疗休养，含往返交通、食宿和健康讲座。", root, admin, now.minusDays(20));
		quota(staff, finance, 3);
		List<Long> colleagues = people(finance, 0, 4);
		nomination(staff, member1, finance, "NOMINATED", null, admin, now.minusDays(2), null, null);
		nomination(staff, colleagues.get(0), finance, "CONFIRMED", null, admin, now.minusDays(10), null, null);
		nomination(staff, colleagues.get(1), finance, "CONFIRMED", null, admin, now.minusDays(10), null, null);
		nomination(staff, colleagues.get(2), finance, "DECLINED", null, admin, now.minusDays(12), "本人近期有外出学习任务",
				null);
		nomination(staff, colleagues.get(3), finance, "WAITING", null, admin, now.minusDays(1), null, null);
		String[][] staffStatuses = { { "CONFIRMED", "NOMINATED", "WITHDRAWN" }, { "CONFIRMED", "CONFIRMED", "DECLINED" },
				{ "NOMINATED", "CONFIRMED", "CONFIRMED" }, { "NOMINATED" } };
		for (int i = 0; i < staffStatuses.length; i++) {
			long organ = organs.get(3 + i);
			quota(staff, organ, 3);
			List<Long> people = people(organ, 0, staffStatuses[i].length);
			for (int j = 0; j < staffStatuses[i].length; j++) {
				String status = staffStatuses[i][j];
				nomination(staff, people.get(j), organ, status, null, admin, now.minusDays(8 - j),
						status.equals("DECLINED") ? "工作安排冲突" : status.equals("WITHDRAWN") ? "本人已于去年参加过同类疗休养" : null,
						null);
			}
		}
	}

	private long batch(String title, String kind, String destination, LocalDate from, LocalDate to, int capacity,
			String cost, String description, long root, long admin, OffsetDateTime created) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into care_recuperation_batch (title, kind, destination, starts_on, ends_on, capacity, cost_per_person,
				  description, owner_org_id, creator_account_id, creator_name, created_at)
				values (:title, :kind, :destination, :from, :to, :capacity, :cost, :description, :root, :admin, '工委管理员',
				  :created)""")
			.param("title", title).param("kind", kind).param("destination", destination).param("from", from)
			.param("to", to).param("capacity", capacity).param("cost", new BigDecimal(cost))
			.param("description", description).param("root", root).param("admin", admin).param("created", created)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	private void quota(long batch, long organ, int places) {
		jdbc.sql("insert into care_recuperation_quota (batch_id, organ_id, places) values (:b, :o, :p)")
			.param("b", batch).param("o", organ).param("p", places).update();
	}

	/** Union members in service of the organ, none of them a named demo account and none nominated yet. */
	private List<Long> people(long organ, int skip, int n) {
		return jdbc.sql("""
				select p.id from person p
				where p.organ_id = :o and p.active = true and p.employment_status = 'IN_SERVICE' and p.union_status = 'MEMBER'
				  and not exists (select 1 from account a where a.person_id = p.id and a.username in (:named))
				  and not exists (select 1 from care_recuperation_nomination n where n.person_id = p.id)
				order by p.id offset :skip rows fetch first :n rows only""")
			.param("o", organ).param("named", NAMED).param("skip", skip).param("n", n).query(Long.class).list();
	}

	private void nomination(long batch, long person, long organ, String status, String reference, long admin,
			OffsetDateTime at, String note, OffsetDateTime attendance) {
		boolean open = status.equals("NOMINATED") || status.equals("CONFIRMED") || status.equals("WAITING");
		boolean answered = !status.equals("NOMINATED") && !status.equals("WAITING");
		jdbc.sql("""
				insert into care_recuperation_nomination (batch_id, person_id, organ_id, status, open_person_id,
				  model_worker_ref, nominator_account_id, nominator_name, nominated_at, answered_at, answer_note, attendance_at)
				values (:b, :p, :o, :status, :open, :ref, :admin, '工委管理员', :at, :answered, :note, :attendance)""")
			.param("b", batch).param("p", person).param("o", organ).param("status", status)
			.param("open", open ? person : null, Types.BIGINT).param("ref", reference, Types.VARCHAR)
			.param("admin", admin).param("at", at).param("answered", answered ? at.plusDays(1) : null,
					Types.TIMESTAMP_WITH_TIMEZONE)
			.param("note", note, Types.VARCHAR).param("attendance", attendance, Types.TIMESTAMP_WITH_TIMEZONE)
			.update();
	}
}
