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
 * Three study materials of the work committee (the 工会法, the 劳动法 and the year's meeting spirit, written
 * as the sanitizer keeps HTML) and one city-wide assignment due in a month, which member1 has half done.
 */
@Component
@Profile("demo")
@Order(65)
class DemoLearning implements ApplicationRunner {

	private record Material(String title, String tag, String body) {
	}

	private static final List<Material> MATERIALS = List.of(
			new Material("《中华人民共和国工会法》学习要点", "法律法规", "<h3>总则</h3><p>工会是中国共产党领导的职工自愿结合的工人阶级群众组织，"
					+ "是中国共产党联系职工群众的桥梁和纽带。</p><h3>学习要点</h3><ul><li>工会的基本职责是维护职工合法权益、竭诚服务职工群众。</li>"
					+ "<li>工会依照法律规定通过职工代表大会或者其他形式，组织职工参与本单位的民主选举、民主协商、民主决策、民主管理和民主监督。</li>"
					+ "<li>工会经费按每月全部职工工资总额的百分之二向工会拨缴。</li></ul>"),
			new Material("《中华人民共和国劳动法》基本原则", "法律法规", "<p>劳动者享有平等就业和选择职业的权利、取得劳动报酬的权利、"
					+ "休息休假的权利、获得劳动安全卫生保护的权利、接受职业技能培训的权利、享受社会保险和福利的权利、提请劳动争议处理的权利"
					+ "以及法律规定的其他劳动权利。</p><p>劳动者应当完成劳动任务，提高职业技能，执行劳动安全卫生规程，遵守劳动纪律和职业道德。</p>"),
			new Material("市直机关工会工作会议精神", "会议精神", "<p>会议总结了本年度市直机关工会工作，部署了下一年度重点任务："
					+ "<strong>加强思想政治引领</strong>，深化建功立业，做实服务职工，推进工会自身建设。</p>"
					+ "<blockquote>各基层工会要结合实际，认真组织职工学习，确保会议精神落到实处。</blockquote>"));

	private final JdbcClient jdbc;

	private final Clock clock;

	private final TransactionTemplate tx;

	DemoLearning(JdbcClient jdbc, Clock clock, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.tx = tx;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (jdbc.sql("select count(*) from learning_material").query(Long.class).single() > 0) {
			return;
		}
		tx.executeWithoutResult(status -> seed());
	}

	private void seed() {
		var root = jdbc.sql("select id, path from org where parent_id is null order by id fetch first 1 rows only")
			.query((rs, i) -> new Object[] { rs.getLong(1), rs.getString(2) }).single();
		long rootId = (Long) root[0];
		long admin = jdbc.sql("select id from account where username = 'admin'").query(Long.class).single();
		OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into learning_assignment (title, due_date, targets_json, owner_org_id, creator_account_id,
				  creator_name, created_at)
				values ('市直机关职工法律法规和会议精神学习', :due, '{"all":true}', :root, :admin, '工委管理员', :now)""")
			.param("due", LocalDate.now(clock.withZone(Zones.BUSINESS)).plusDays(30)).param("root", rootId)
			.param("admin", admin).param("now", now.minusDays(2)).update(keys, "id");
		long assignment = keys.getKey().longValue();
		jdbc.sql("insert into learning_assignment_audience (assignment_id, org_id, org_path) values (:a, :o, :p)")
			.param("a", assignment).param("o", rootId).param("p", root[1]).update();
		Long member1 = jdbc.sql("select person_id from account where username = 'member1'").query(Long.class).optional()
			.orElse(null);
		for (int i = 0; i < MATERIALS.size(); i++) {
			Material m = MATERIALS.get(i);
			String text = m.body().replaceAll("<[^>]*>", "");
			int minSeconds = Math.max(60, (int) Math.ceil(text.length() * 60.0 / 500));
			keys = new GeneratedKeyHolder();
			jdbc.sql("""
					insert into learning_material (title, kind, body, min_seconds, points, is_public, owner_org_id,
					  creator_account_id, creator_name, created_at)
					values (:title, 'ARTICLE', :body, :min, 1, false, :root, :admin, '工委管理员', :now)""")
				.param("title", m.title()).param("body", m.body()).param("min", minSeconds).param("root", rootId)
				.param("admin", admin).param("now", now.minusDays(3)).update(keys, "id");
			long id = keys.getKey().longValue();
			jdbc.sql("""
					insert into learning_material_tag (material_id, tag_id)
					select :m, id from learning_tag where name = :tag""").param("m", id).param("tag", m.tag()).update();
			jdbc.sql("insert into learning_assignment_material (assignment_id, material_id) values (:a, :m)")
				.param("a", assignment).param("m", id).update();
			if (i == 0 && member1 != null) {
				jdbc.sql("insert into learning_open (material_id, person_id, opened_at) values (:m, :p, :t)").param("m", id)
					.param("p", member1).param("t", now.minusDays(1)).update();
				jdbc.sql("""
						insert into learning_completion (material_id, person_id, completed_at, points)
						values (:m, :p, :t, 1)""").param("m", id).param("p", member1).param("t", now.minusDays(1).plusMinutes(5))
					.update();
			}
		}
	}
}
