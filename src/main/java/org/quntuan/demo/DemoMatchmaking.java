package org.quntuan.demo;

import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.quntuan.platform.Zones;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 智慧红娘: up to 300 single staff of 22 to 35 in service across the member organs (the named demo accounts
 * left out, so that they can apply themselves) have agreed to the rules and applied; nine in ten are
 * approved by the federation, the others wait in the reviewers' queues; five couples have matched and a
 * few interests wait for their answer. Written in batches, in well under a second.
 */
@Component
@Profile("demo")
@Order(85)
class DemoMatchmaking implements ApplicationRunner {

	private static final String[] NICKNAMES = { "晴空", "小鹿", "清风", "向日葵", "山月", "星河", "松果", "白桦", "海盐", "橘子",
			"青禾", "远山", "晨光", "木棉", "云朵", "听雨" };

	private static final String[] TOWNS = { "杭州", "宁波", "温州", "绍兴", "湖州", "嘉兴", "金华", "衢州", "台州", "丽水" };

	private static final String[] HOBBIES = { "徒步", "摄影", "读书", "羽毛球", "烘焙", "音乐", "电影", "旅行", "跑步", "书法",
			"游泳", "围棋" };

	private static final String[] INTROS = { "工作认真，生活简单，周末喜欢出去走走。", "性格开朗，爱笑，希望遇到聊得来的人。",
			"喜欢安静地看书，也喜欢和朋友爬山。", "热爱生活，会做几道拿手菜，期待一起慢慢变老。" };

	private static final String[] EDUCATIONS = { "BACHELOR", "BACHELOR", "MASTER", "COLLEGE", "BACHELOR", "DOCTOR" };

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate named;

	private final Clock clock;

	private final TransactionTemplate tx;

	DemoMatchmaking(JdbcClient jdbc, NamedParameterJdbcTemplate named, Clock clock, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.named = named;
		this.clock = clock;
		this.tx = tx;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (jdbc.sql("select count(*) from matchmaking_profile").query(Long.class).single() > 0
				|| jdbc.sql("select count(*) from account where username = 'admin'").query(Long.class).single() == 0) {
			return;
		}
		tx.executeWithoutResult(status -> seed());
	}

	private record Single(long personId, long organId, String gender, int birthYear) {
	}

	private void seed() {
		OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
		LocalDate today = LocalDate.now(clock.withZone(Zones.BUSINESS));
		long admin = jdbc.sql("select id from account where username = 'admin'").query(Long.class).single();
		List<Single> singles = jdbc.sql("""
				select p.id, p.organ_id, p.gender, p.birth_date from person p join org o on o.id = p.organ_id
				where p.active = true and p.employment_status = 'IN_SERVICE' and p.birth_date between :oldest and :youngest
				  and o.type = 'ORGAN' and o.active = true
				  and exists (select 1 from org u where u.parent_id = o.id and u.type = 'UNION' and u.active = true)
				  and not exists (select 1 from account a where a.person_id = p.id and (a.username in ('member1', 'finance1',
				    'info1', 'orgadmin1', 'orgadmin2', 'auditor1', 'admin') or a.username like 'group%'))
				order by p.id fetch first 300 rows only""")
			.param("oldest", today.minusYears(36).plusDays(1)).param("youngest", today.minusYears(22))
			.query((rs, i) -> new Single(rs.getLong(1), rs.getLong(2), rs.getString(3),
					rs.getObject(4, LocalDate.class).getYear()))
			.list();
		List<Map<String, Object>> profiles = new ArrayList<>();
		for (int i = 0; i < singles.size(); i++) {
			Single s = singles.get(i);
			boolean male = s.gender().equals("MALE");
			int age = today.getYear() - s.birthYear();
			boolean approved = i % 10 != 9;
			Map<String, Object> p = new HashMap<>();
			p.put("person", s.personId());
			p.put("organ", s.organId());
			p.put("gender", s.gender());
			p.put("nickname", NICKNAMES[i % NICKNAMES.length] + (i + 1));
			p.put("birthYear", s.birthYear());
			p.put("height", male ? 168 + i % 17 : 156 + i % 14);
			p.put("education", EDUCATIONS[i % EDUCATIONS.length]);
			p.put("hometown", TOWNS[i % TOWNS.length]);
			p.put("hobbies", "," + HOBBIES[i % HOBBIES.length] + "," + HOBBIES[(i * 5 + 3) % HOBBIES.length] + ",");
			p.put("intro", INTROS[i % INTROS.length]);
			p.put("ageFrom", male ? Math.max(20, age - 6) : age - 2);
			p.put("ageTo", male ? age + 2 : age + 6);
			p.put("heightFrom", male ? 150 : 165);
			p.put("heightTo", male ? 180 : 195);
			p.put("tags", "," + HOBBIES[(i + 1) % HOBBIES.length] + ",");
			p.put("status", approved ? "APPROVED" : "PENDING");
			p.put("listed", approved);
			p.put("at", now.minusDays(1 + i % 40));
			profiles.add(p);
		}
		named.batchUpdate("""
				insert into matchmaking_consent (person_id, version, given_at) values (:person, 1, :at)""",
				profiles.stream().map(HashMap::new).toArray(Map[]::new));
		named.batchUpdate("""
				insert into matchmaking_profile (person_id, organ_id, gender, nickname, birth_year, height, education,
				  hometown, hobbies, intro, pref_age_from, pref_age_to, pref_height_from, pref_height_to, pref_tags, status,
				  listed, consent_version, created_at, updated_at)
				values (:person, :organ, :gender, :nickname, :birthYear, :height, :education, :hometown, :hobbies, :intro,
				  :ageFrom, :ageTo, :heightFrom, :heightTo, :tags, :status, :listed, 1, :at, :at)""",
				profiles.stream().map(HashMap::new).toArray(Map[]::new));
		named.getJdbcTemplate().update("""
				insert into matchmaking_review (profile_id, approved, reviewer_account_id, reviewer_name, decided_at)
				select id, true, ?, '工委管理员', updated_at from matchmaking_profile where status = 'APPROVED'""", admin);
		List<Long> men = jdbc.sql("""
				select id from matchmaking_profile where listed = true and gender = 'MALE' order by id fetch first 8 rows only""")
			.query(Long.class).list();
		List<Long> women = jdbc.sql("""
				select id from matchmaking_profile where listed = true and gender = 'FEMALE' order by id fetch first 8 rows only""")
			.query(Long.class).list();
		for (int i = 0; i < Math.min(men.size(), women.size()); i++) {
			boolean matched = i < 5;
			interest(women.get(i), men.get(i), matched ? "ACCEPTED" : "PENDING", now.minusDays(10 - i));
			if (matched) {
				interest(men.get(i), women.get(i), "ACCEPTED", now.minusDays(9 - i));
				jdbc.sql("""
						insert into matchmaking_match (low_profile_id, high_profile_id, created_at) values (:l, :h, :at)""")
					.param("l", Math.min(men.get(i), women.get(i))).param("h", Math.max(men.get(i), women.get(i)))
					.param("at", now.minusDays(9 - i)).update();
			}
		}
	}

	private void interest(long from, long to, String status, OffsetDateTime at) {
		jdbc.sql("""
				insert into matchmaking_interest (from_profile_id, to_profile_id, status, created_at, answered_at)
				values (:f, :t, :s, :at, :answered)""")
			.param("f", from).param("t", to).param("s", status).param("at", at)
			.param("answered", status.equals("PENDING") ? null : at, Types.TIMESTAMP_WITH_TIMEZONE).update();
	}
}
