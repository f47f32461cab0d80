package org.quntuan.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import javax.sql.DataSource;

import org.quntuan.platform.Databases;
import org.quntuan.platform.Zones;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The benchmark's learning: {@value #MATERIALS} articles assigned city-wide in {@value #ASSIGNMENTS}
 * study tasks, about 1,000,000 completions over the 100,000 people (each has done 0 to 19 of them), a
 * bank of 2,000 questions (1,000 single choice, 600 multiple choice, 400 true/false) and a city-wide
 * competition drawing 10 + 5 + 5 of them with {@value #ATTEMPTS} graded attempts, none by the members
 * that hold the bench tokens (so that the load driver starts fresh attempts). Written set-based on
 * PostgreSQL, after {@link BenchActivities} (the tokens). Bench profile only.
 */
@Component
@Profile("bench")
@Order(58)
class BenchLearning implements ApplicationRunner {

	static final int MATERIALS = 200;

	static final int ASSIGNMENTS = 20;

	static final int ATTEMPTS = 50_000;

	static final String QUIZ_TITLE = "基准知识竞赛";

	private static final Logger log = LoggerFactory.getLogger(BenchLearning.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final boolean postgres;

	BenchLearning(JdbcClient jdbc, TransactionTemplate tx, Clock clock, DataSource dataSource) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.clock = clock;
		this.postgres = Databases.isPostgres(dataSource);
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!postgres) {
			log.warn("基准测试学习数据只在 PostgreSQL 上生成");
			return;
		}
		if (jdbc.sql("select count(*) from quiz where title = :t").param("t", QUIZ_TITLE).query(Long.class)
			.single() > 0) {
			return;
		}
		long started = System.nanoTime();
		tx.executeWithoutResult(s -> seed());
		log.info("演示数据：基准测试学习资料 {} 份、学完记录 {} 条、竞赛答卷 {} 份，用时 {} 毫秒", MATERIALS,
				jdbc.sql("select count(*) from learning_completion").query(Long.class).single(), ATTEMPTS,
				Duration.ofNanos(System.nanoTime() - started).toMillis());
	}

	private void seed() {
		OffsetDateTime now = OffsetDateTime.now(clock);
		LocalDate today = LocalDate.now(clock.withZone(Zones.BUSINESS));
		long root = jdbc.sql("select id from org where parent_id is null").query(Long.class).single();
		String rootPath = jdbc.sql("select path from org where id = :id").param("id", root).query(String.class)
			.single();
		long creator = jdbc.sql("select min(id) from account").query(Long.class).single();
		jdbc.sql("""
				insert into learning_material (title, kind, body, min_seconds, points, is_public, owner_org_id,
				  creator_account_id, creator_name, created_at)
				select '基准学习资料' || g.n, 'ARTICLE',
				  '<p>' || repeat('坚持以人民为中心的发展思想，依法维护职工合法权益，竭诚服务职工群众。', 40) || '</p>',
				  240, 1, false, :root, :creator, '系统管理员', cast(:now as timestamp with time zone) - g.n * interval '1 hour'
				from generate_series(1, :n) as g(n)""")
			.param("root", root).param("creator", creator).param("now", now).param("n", MATERIALS).update();
		jdbc.sql("""
				insert into learning_material_tag (material_id, tag_id)
				select m.id, (select min(id) from learning_tag) from learning_material m
				where m.title like '基准学习资料%'""").update();
		jdbc.sql("""
				insert into learning_assignment (title, due_date, targets_json, owner_org_id, creator_account_id,
				  creator_name, created_at)
				select '基准学习任务' || g.n, cast(:today as date) + (g.n * 3), '{"all":true}', :root, :creator, '系统管理员',
				  cast(:now as timestamp with time zone)
				from generate_series(1, :n) as g(n)""")
			.param("today", today).param("root", root).param("creator", creator).param("now", now)
			.param("n", ASSIGNMENTS).update();
		// ten materials a task, in the order they were written
		jdbc.sql("""
				insert into learning_assignment_material (assignment_id, material_id)
				select a.id, m.id
				from (select id, row_number() over (order by id) - 1 as k from learning_assignment
				      where title like '基准学习任务%') a
				join (select id, row_number() over (order by id) - 1 as k from learning_material
				      where title like '基准学习资料%') m on m.k / (:per) = a.k""")
			.param("per", MATERIALS / ASSIGNMENTS).update();
		jdbc.sql("""
				insert into learning_assignment_audience (assignment_id, org_id, org_path, member_organ_id)
				select id, :root, :path, null from learning_assignment where title like '基准学习任务%'""")
			.param("root", root).param("path", rootPath).update();
		// each person has done the first (id mod 20) materials
		jdbc.sql("""
				insert into learning_completion (material_id, person_id, completed_at, points)
				select m.id, p.id, cast(:now as timestamp with time zone) - m.k * interval '1 hour', 1
				from person p
				join (select id, row_number() over (order by id) - 1 as k from learning_material
				      where title like '基准学习资料%') m on m.k < p.id % 20
				where p.active""").param("now", now).update();
		jdbc.sql("""
				insert into learning_open (material_id, person_id, opened_at)
				select material_id, person_id, completed_at - interval '10 minutes' from learning_completion c
				join learning_material m on m.id = c.material_id where m.title like '基准学习资料%'""").update();
		quiz(now, root, rootPath, creator);
		jdbc.sql("analyze learning_completion").update();
		jdbc.sql("analyze learning_open").update();
		jdbc.sql("analyze quiz_attempt").update();
		jdbc.sql("analyze quiz_question").update();
	}

	private void quiz(OffsetDateTime now, long root, String rootPath, long creator) {
		jdbc.sql("""
				insert into quiz_bank (name, owner_org_id, created_by_account_id, created_at)
				values ('基准题库', :root, :creator, cast(:now as timestamp with time zone))""")
			.param("root", root).param("creator", creator).param("now", now).update();
		long bank = jdbc.sql("select max(id) from quiz_bank where name = '基准题库'").query(Long.class).single();
		jdbc.sql("""
				insert into quiz_question (bank_id, type, question_text, option_a, option_b, option_c, option_d, option_e,
				  answer, explanation, score, tags, created_at)
				select :bank,
				  case when g.n <= 1000 then 'SINGLE' when g.n <= 1600 then 'MULTIPLE' else 'TRUE_FALSE' end,
				  '《中华人民共和国工会法》第 ' || g.n || ' 题：下列说法正确的是',
				  case when g.n <= 1600 then '选项甲' || g.n else '对' end,
				  case when g.n <= 1600 then '选项乙' || g.n else '错' end,
				  case when g.n <= 1600 then '选项丙' || g.n end,
				  case when g.n <= 1600 then '选项丁' || g.n end,
				  case when g.n > 1000 and g.n <= 1600 then '选项戊' || g.n end,
				  case when g.n <= 1000 then substr('ABCD', 1 + g.n % 4, 1) when g.n <= 1600 then 'AC'
				    else substr('AB', 1 + g.n % 2, 1) end,
				  '依据工会法的规定。', case when g.n > 1000 and g.n <= 1600 then 2 else 1 end,
				  case when g.n % 2 = 0 then '工会法' else '劳动法' end, cast(:now as timestamp with time zone)
				from generate_series(1, 2000) as g(n)""")
			.param("bank", bank).param("now", now).update();
		jdbc.sql("""
				insert into quiz (title, bank_id, owner_org_id, audience, opens_at, closes_at, time_limit_seconds,
				  attempts_allowed, draw_single, draw_multiple, draw_true_false, created_by_account_id, created_at)
				values (:title, :bank, :root, '{"all":true}', cast(:now as timestamp with time zone) - interval '7 days',
				  cast(:now as timestamp with time zone) + interval '7 days', 1200, 3, 10, 5, 5, :creator,
				  cast(:now as timestamp with time zone) - interval '8 days')""")
			.param("title", QUIZ_TITLE).param("bank", bank).param("root", root).param("now", now)
			.param("creator", creator).update();
		long quiz = jdbc.sql("select max(id) from quiz where title = :t").param("t", QUIZ_TITLE).query(Long.class)
			.single();
		jdbc.sql("insert into quiz_audience (quiz_id, org_id, org_path, member_organ_id) values (:q, :o, :p, null)")
			.param("q", quiz).param("o", root).param("p", rootPath).update();
		// 50,000 people without a bench token took it once: scores 0..25 of 25, 2 to 20 minutes
		jdbc.sql("""
				insert into quiz_attempt (quiz_id, person_id, seq, status, started_at, deadline, finished_at, score,
				  max_score, time_used_ms)
				select :quiz, p.id, 1, 'SUBMITTED', s.started, s.started + interval '1200 seconds',
				  s.started + (120 + p.id % 1080) * interval '1 second', (p.id * 7) % 26, 25, (120 + p.id % 1080) * 1000
				from (select p.id from person p
				      where p.active and not exists (select 1 from account a join api_token t on t.account_id = a.id
				                                     where a.person_id = p.id)
				      order by p.id limit :n) p
				cross join lateral (select cast(:now as timestamp with time zone) - interval '6 days'
				                      + (p.id % 8000) * interval '1 minute' as started) s""")
			.param("quiz", quiz).param("now", now).param("n", ATTEMPTS).update();
	}
}
