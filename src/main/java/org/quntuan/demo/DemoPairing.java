package org.quntuan.demo;

import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
 * Department–community pairing: six partners (社区, 村, 企业), a pair for most organs of the first 片组 for
 * last year to next year (市财政局's renewed from the term before, which is kept), this year's joint projects
 * with progress, and problems in every status, one of them overdue and not yet escalated (the morning job
 * escalates it), dated relative to the clock.
 */
@Component
@Profile("demo")
@Order(85)
class DemoPairing implements ApplicationRunner {

	private static final String[][] PARTNERS = { { "东湖街道清波社区", "COMMUNITY", "上城区", "周丽华", "0571-87001234" },
			{ "西溪街道翠苑社区", "COMMUNITY", "西湖区", "沈建国", "0571-88002345" },
			{ "良渚街道大陆村", "VILLAGE", "余杭区", "姚小明", "13905711234" },
			{ "富春街道春江村", "VILLAGE", "富阳区", "何海燕", "13905712345" },
			{ "钱江纺织有限公司", "ENTERPRISE", "萧山区", "陆志强", "0571-82003456" },
			{ "城北街道和睦社区", "COMMUNITY", "拱墅区", "徐美芬", "0571-85004567" } };

	/** category, description, owner, days ago raised, days to due after raising, final status (steps follow). */
	private static final Object[][] PROBLEMS = {
			{ "INFRASTRUCTURE", "老旧小区加装电梯意见不一，需协调住户和规划部门", "社区居委会", 12, 60, "RAISED" },
			{ "ELDERLY_CARE", "社区老年食堂场地不足，助餐服务覆盖不到独居老人", "结对单位工会", 45, 90, "ACCEPTED" },
			{ "ENVIRONMENT", "河道沿线垃圾清运不及时，汛期前需整治", "街道城管科", 120, 30, "COORDINATING" },
			{ "EMPLOYMENT", "村里返乡青年就业信息少，需对接招聘渠道", "结对单位人事处", 80, 40, "SOLVED" },
			{ "SAFETY", "企业宿舍消防通道被占，需多部门联合整改", "企业行政部", 150, 45, "UNSOLVABLE" },
			{ "OTHER", "社区文化活动室设备老化，需更新投影和音响", "结对单位办公室", 50, 20, "ACCEPTED" } };

	private static final List<String> ORDER = List.of("RAISED", "ACCEPTED", "COORDINATING", "SOLVED");

	private final JdbcClient jdbc;

	private final Clock clock;

	private final TransactionTemplate tx;

	DemoPairing(JdbcClient jdbc, Clock clock, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.tx = tx;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (jdbc.sql("select count(*) from care_pair_partner").query(Long.class).single() > 0
				|| jdbc.sql("select count(*) from org where name = '第一片组'").query(Long.class).single() == 0) {
			return;
		}
		tx.executeWithoutResult(status -> seed());
	}

	private void seed() {
		OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
		LocalDate today = LocalDate.now(clock.withZone(Zones.BUSINESS));
		int year = today.getYear();
		long[] partners = new long[PARTNERS.length];
		for (int i = 0; i < PARTNERS.length; i++) {
			String[] p = PARTNERS[i];
			partners[i] = insert(jdbc.sql("""
					insert into care_pair_partner (name, kind, district, contact_name, contact_phone, creator_name, created_at)
					values (:name, :kind, :district, :contact, :phone, '工委管理员', :now)""")
				.param("name", p[0]).param("kind", p[1]).param("district", p[2]).param("contact", p[3])
				.param("phone", p[4]).param("now", now.minusDays(400)));
		}
		List<Long> organs = jdbc.sql("""
				select o.id from org o join org g on g.id = o.parent_id
				where g.name = '第一片组' and o.type = 'ORGAN' and o.active = true order by o.path""")
			.query(Long.class).list();
		List<Long> pairs = new ArrayList<>();
		for (int i = 0; i < organs.size() && i < 8; i++) {
			long organ = organs.get(i);
			Long previous = null;
			if (i == 0) {
				previous = pair(organ, partners[0], year - 4, year - 2, null, now.minusDays(1500));
			}
			long pair = pair(organ, partners[i % partners.length], year - 1, year + 1, previous, now.minusDays(380));
			item(pair, "“我们的节日”端午包粽子敬老活动", today.withDayOfYear(1).plusDays(150), "单位工会、社区志愿者",
					"与社区共同组织 30 名老人包粽子，走访独居老人 12 户。", today.minusDays(10), now);
			item(pair, "“五水共治”河道清理志愿服务", today.withDayOfYear(1).plusDays(250), "单位团支部青年志愿者",
					"清理河岸垃圾 2 吨，宣传节水护水。", today.minusDays(3), now);
			pairs.add(pair);
		}
		// every status on some pair, however few organs the group has
		for (int k = 0; k < PROBLEMS.length && !pairs.isEmpty(); k++) {
			problem(pairs.get(k % pairs.size()), PROBLEMS[k], today, now);
		}
	}

	private long pair(long organ, long partner, int from, int to, Long previous, OffsetDateTime at) {
		long id = insert(jdbc.sql("""
				insert into care_pair (organ_id, partner_id, start_year, end_year, previous_pair_id, creator_name, created_at)
				values (:organ, :partner, :from, :to, :previous, '工委管理员', :at)""")
			.param("organ", organ).param("partner", partner).param("from", from).param("to", to)
			.param("previous", previous, Types.BIGINT).param("at", at));
		jdbc.sql("""
				insert into care_pair_contact (pair_id, person_id)
				select :pair, min(id) from person where organ_id = :organ and active = true""")
			.param("pair", id).param("organ", organ).update();
		return id;
	}

	private void item(long pair, String title, LocalDate on, String who, String progress, LocalDate done,
			OffsetDateTime now) {
		long item = insert(jdbc.sql("""
				insert into care_pair_plan_item (pair_id, plan_year, title, planned_on, who_text, creator_name, created_at)
				values (:pair, :year, :title, :on, :who, '单位工会', :now)""")
			.param("pair", pair).param("year", on.getYear()).param("title", title).param("on", on).param("who", who)
			.param("now", now.minusDays(60)));
		jdbc.sql("""
				insert into care_pair_progress (plan_item_id, happened_on, note, author_name, created_at)
				values (:item, :on, :note, '单位工会', :now)""")
			.param("item", item).param("on", done).param("note", progress).param("now", now).update();
	}

	private void problem(long pair, Object[] p, LocalDate today, OffsetDateTime now) {
		LocalDate raised = today.minusDays((Integer) p[3]);
		LocalDate due = raised.plusDays((Integer) p[4]);
		String status = (String) p[5];
		boolean closed = status.equals("SOLVED") || status.equals("UNSOLVABLE");
		long id = insert(jdbc.sql("""
				insert into care_pair_problem (pair_id, category, description, owner_text, raised_by, raised_on, due_date,
				  status, closed_on, creator_name, created_at, version)
				values (:pair, :category, :description, :owner, 'PARTNER', :raised, :due, :status, :closed, '单位工会', :at, :v)""")
			.param("pair", pair).param("category", p[0]).param("description", p[1]).param("owner", p[2])
			.param("raised", raised).param("due", due).param("status", status)
			.param("closed", closed ? today.minusDays(5) : null, Types.DATE)
			.param("at", now.minusDays((Integer) p[3])).param("v", steps(status).size() - 1));
		List<String> steps = steps(status);
		for (int i = 0; i < steps.size(); i++) {
			jdbc.sql("""
					insert into care_pair_problem_step (problem_id, from_status, to_status, note, actor_name, created_at)
					values (:p, :from, :to, :note, :actor, :at)""")
				.param("p", id).param("from", i == 0 ? null : steps.get(i - 1), Types.VARCHAR)
				.param("to", steps.get(i)).param("note", i == 0 ? (String) p[1] : "已与社区、相关部门沟通，按计划推进。")
				.param("actor", i == 0 ? "单位工会" : "工委管理员")
				.param("at", now.minusDays((Integer) p[3] - i * 3L)).update();
		}
	}

	private static List<String> steps(String status) {
		if (status.equals("UNSOLVABLE")) {
			return List.of("RAISED", "ACCEPTED", "COORDINATING", "UNSOLVABLE");
		}
		return ORDER.subList(0, ORDER.indexOf(status) + 1);
	}

	private long insert(JdbcClient.StatementSpec statement) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		statement.update(keys, "id");
		return keys.getKey().longValue();
	}
}
