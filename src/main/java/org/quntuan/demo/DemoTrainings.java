package org.quntuan.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.quntuan.platform.SignedTokens;
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
 * This year's two training classes of the work committee: 工会财务人员培训班, held last month and finished
 * (finance1 attended every session and holds its certificate), and 市直机关女工组织负责人培训班 next week,
 * taking nominations (the heads of a few women's committees are on its list already).
 */
@Component
@Profile("demo")
@Order(66)
class DemoTrainings implements ApplicationRunner {

	private record Session(int day, int hour, int hours, String topic, String teacher, String form) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final TransactionTemplate tx;

	DemoTrainings(JdbcClient jdbc, Clock clock, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.tx = tx;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (jdbc.sql("select count(*) from learning_training").query(Long.class).single() > 0
				|| jdbc.sql("select count(*) from account where username = 'finance1'").query(Long.class).single() == 0) {
			return;
		}
		tx.executeWithoutResult(status -> seed());
	}

	private void seed() {
		long root = jdbc.sql("select id from org where parent_id is null order by id fetch first 1 rows only")
			.query(Long.class).single();
		String rootPath = jdbc.sql("select path from org where id = :id").param("id", root).query(String.class).single();
		long admin = jdbc.sql("select id from account where username = 'admin'").query(Long.class).single();
		OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
		LocalDate today = LocalDate.now(clock.withZone(Zones.BUSINESS));

		LocalDate past = today.minusDays(30);
		long finance = training("工会财务人员培训班", "学习《工会会计制度》和工会经费收支管理、预算决算、经费审查的规定，提高基层工会财务人员的业务能力。",
				"市委党校第二教学楼 301 室", past, past.plusDays(1), "FINANCE_OFFICERS", "ORGAN", 1, "FINISHED", root, rootPath,
				admin, now.minusDays(45));
		List<Long> financeSessions = sessions(finance, past, List.of(
				new Session(0, 9, 3, "《工会会计制度》解读", "市总工会财务部 王会计师", "LECTURE"),
				new Session(0, 14, 3, "工会经费收支管理与预算编制", "市财政局 李处长", "LECTURE"),
				new Session(1, 9, 3, "经费审查典型问题案例分析", "市总工会经审办 赵主任", "CASE")));
		long finance1 = jdbc.sql("select person_id from account where username = 'finance1'").query(Long.class).single();
		long trainee = trainee(finance, finance1, admin, now.minusDays(40));
		for (long s : financeSessions) {
			jdbc.sql("""
					insert into learning_training_attendance (session_id, trainee_id, source, checked_in_at)
					select id, :tr, 'QR', starts_at from learning_training_session where id = :s""")
				.param("tr", trainee).param("s", s).update();
		}
		jdbc.sql("update learning_training_trainee set completed = true where id = :id").param("id", trainee).update();
		jdbc.sql("""
				insert into learning_certificate (training_id, person_id, number, code, holder_name, organ_name, issued_on,
				  issued_at)
				select :t, p.id, :number, :code, p.name, o.name, :on, :at from person p join org o on o.id = p.organ_id
				where p.id = :p""")
			.param("t", finance).param("p", finance1).param("number", past.getYear() + "-" + String.format("%04d", finance) + "-001")
			.param("code", SignedTokens.newCode(16)).param("on", past.plusDays(2)).param("at", now.minusDays(28)).update();
		jdbc.sql("update learning_training set confirmed_at = :c, finished_at = :f where id = :id")
			.param("c", now.minusDays(35)).param("f", now.minusDays(28)).param("id", finance).update();

		LocalDate next = today.plusDays(7);
		long women = training("市直机关女工组织负责人培训班", "学习女职工权益保护法律法规和妇委会（女工委）工作规范，交流基层女工工作经验。",
				"市妇女儿童活动中心报告厅", next, next.plusDays(1), "WOMEN_HEADS", "GROUP", 3, "NOMINATING", root, rootPath,
				admin, now.minusDays(3));
		sessions(women, next, List.of(
				new Session(0, 9, 3, "女职工权益保护法律法规解读", "市总工会女职工部 陈部长", "LECTURE"),
				new Session(0, 14, 3, "女职工特殊劳动保护典型案例", "市中级人民法院 刘法官", "CASE"),
				new Session(1, 9, 3, "市妇女儿童活动中心现场教学", "活动中心 周主任", "FIELD"),
				new Session(1, 14, 2, "团队协作拓展训练", "拓展训练基地教练组", "OUTWARD")));
		List<Long> heads = jdbc.sql("""
				select m.person_id from leadership_member m join leadership_team t on t.id = m.team_id
				  join org o on o.id = t.org_id
				where o.type = 'WOMEN' and t.current_org_id is not null and m.position = 'CHAIR'
				order by o.path fetch first 3 rows only""").query(Long.class).list();
		for (long head : heads) {
			trainee(women, head, admin, now.minusDays(1));
		}
	}

	private long training(String title, String description, String place, LocalDate from, LocalDate to, String rule,
			String unit, int quota, String status, long root, String rootPath, long admin, OffsetDateTime created) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into learning_training (title, description, place, starts_on, ends_on, audience_rule, targets_json,
				  quota_unit, quota_per_unit, attendance_percent, status, owner_org_id, creator_account_id, creator_name,
				  created_at)
				values (:title, :description, :place, :from, :to, :rule, '{"all":true}', :unit, :quota, 80, :status, :root,
				  :admin, '工委管理员', :created)""")
			.param("title", title).param("description", description).param("place", place).param("from", from)
			.param("to", to).param("rule", rule).param("unit", unit).param("quota", quota).param("status", status)
			.param("root", root).param("admin", admin).param("created", created)
			.update(keys, "id");
		long id = keys.getKey().longValue();
		jdbc.sql("insert into learning_training_audience (training_id, org_id, org_path) values (:t, :o, :p)")
			.param("t", id).param("o", root).param("p", rootPath).update();
		return id;
	}

	private List<Long> sessions(long training, LocalDate first, List<Session> sessions) {
		return sessions.stream().map(s -> {
			OffsetDateTime start = first.plusDays(s.day()).atTime(LocalTime.of(s.hour(), 0)).atZone(Zones.BUSINESS)
				.toOffsetDateTime();
			GeneratedKeyHolder keys = new GeneratedKeyHolder();
			jdbc.sql("""
					insert into learning_training_session (training_id, starts_at, ends_at, place, topic, teacher, form,
					  checkin_secret)
					select :t, :start, :end, place, :topic, :teacher, :form, :secret from learning_training where id = :t""")
				.param("t", training).param("start", start).param("end", start.plusHours(s.hours())).param("topic", s.topic())
				.param("teacher", s.teacher()).param("form", s.form())
				.param("secret", SignedTokens.newSecret())
				.update(keys, "id");
			return keys.getKey().longValue();
		}).toList();
	}

	/** Nominated by the admin; the quota unit is the person's organ or its 片组, as the class counts. */
	private long trainee(long training, long person, long admin, OffsetDateTime at) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into learning_training_trainee (training_id, person_id, organ_id, quota_unit_id, nominator_account_id,
				  nominator_name, nominated_at)
				select :t, p.id, p.organ_id,
				  case when t.quota_unit = 'ORGAN' then p.organ_id
				       else (select g.id from org g where g.type = 'GROUP' and organ.path like g.path || '%') end,
				  :admin, '工委管理员', :at
				from person p join org organ on organ.id = p.organ_id, learning_training t
				where p.id = :p and t.id = :t""")
			.param("t", training).param("p", person).param("admin", admin).param("at", at).update(keys, "id");
		return keys.getKey().longValue();
	}
}
