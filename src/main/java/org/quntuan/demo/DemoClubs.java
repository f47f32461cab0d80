package org.quntuan.demo;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Eight clubs: four of the federation, four of organs' unions, with members and a few requests
 * waiting. member1 leads their organ's club (so the requests page has something) and belongs to the
 * badminton club. Demo activities whose title names a club's sport become its club activities.
 */
@Component
@Profile("demo")
@Order(40)
class DemoClubs implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoClubs.class);

	/** name, description, keyword of its activities. */
	private static final String[][] FEDERATION = {
			{ "机关羽毛球俱乐部", "每周二、四晚在机关活动中心羽毛球馆活动，欢迎各水平的球友。", "羽毛球" },
			{ "机关摄影俱乐部", "组织外拍采风、摄影讲座，为机关文化艺术节供稿。", "摄影" },
			{ "机关瑜伽俱乐部", "女职工瑜伽课，每周一、三午间活动。", "瑜伽" },
			{ "机关书画俱乐部", "书法、国画爱好者交流学习，每月一次笔会。", "书画" } };

	private static final String[][] UNIONS = {
			{ "乒乓球俱乐部", "单位乒乓球爱好者，每周五下午活动。", "乒乓球" },
			{ "合唱团", "排练红歌与经典合唱曲目，参加机关文化艺术节合唱比赛。", "合唱" },
			{ "健步走俱乐部", "工间健步走与周末徒步。", "健步走" },
			{ "读书会", "每月共读一本书，交流分享。", "读书" } };

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final TransactionTemplate tx;

	private final Clock clock;

	DemoClubs(JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate tx, Clock clock) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.tx = tx;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (jdbc.sql("select count(*) from club").query(Long.class).single() > 0
				|| jdbc.sql("select count(*) from account where username = 'member1'").query(Long.class).single() == 0) {
			return;
		}
		tx.executeWithoutResult(s -> seed());
	}

	private void seed() {
		OffsetDateTime now = OffsetDateTime.now(clock);
		Random random = new Random(20261129L);
		long root = jdbc.sql("select id from org where parent_id is null").query(Long.class).single();
		long member1 = person("member1");
		List<Long> everyone = jdbc.sql("select p.id from person p join account a on a.person_id = p.id where p.active = true"
				+ " order by p.id").query(Long.class).list();
		// the first union of each of the first four groups, member1's own first
		List<long[]> unions = jdbc.sql("select u.id, u.parent_id from org u join org o on o.id = u.parent_id"
				+ " where u.type = 'UNION' and u.active = true order by o.path, u.id")
			.query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2) }).list();
		long member1Organ = jdbc.sql("select organ_id from person where id = :p").param("p", member1).query(Long.class).single();
		List<long[]> chosen = new ArrayList<>();
		unions.stream().filter(u -> u[1] == member1Organ).findFirst().ifPresent(chosen::add);
		Set<Long> groupsUsed = new LinkedHashSet<>();
		for (long[] u : unions) {
			long group = jdbc.sql("select parent_id from org where id = :o").param("o", u[1]).query(Long.class).single();
			if (chosen.size() < UNIONS.length && chosen.stream().noneMatch(c -> c[0] == u[0]) && groupsUsed.add(group)) {
				chosen.add(u);
			}
		}
		List<Object[]> members = new ArrayList<>();
		int clubs = 0;
		for (int i = 0; i < FEDERATION.length; i++) {
			long leader = i == 0 ? person("group1") : everyone.get(random.nextInt(everyone.size()));
			long club = insert(FEDERATION[i], leader, root, now);
			Set<Long> in = pick(everyone, 12 + random.nextInt(12), random, leader);
			if (i == 0) {
				in.add(member1);
			}
			add(members, club, leader, in, random, now, i == 0 ? member1 : -1);
			link(club, FEDERATION[i][2]);
			clubs++;
		}
		for (int i = 0; i < chosen.size(); i++) {
			long[] union = chosen.get(i);
			List<Long> organPeople = jdbc.sql("select p.id from person p join account a on a.person_id = p.id"
					+ " where p.active = true and p.organ_id = :o order by p.id").param("o", union[1]).query(Long.class).list();
			if (organPeople.isEmpty()) {
				continue;
			}
			long leader = union[1] == member1Organ ? member1 : organPeople.get(random.nextInt(organPeople.size()));
			String organName = jdbc.sql("select name from org where id = :o").param("o", union[1]).query(String.class).single();
			String[] def = { organName + UNIONS[i][0], UNIONS[i][1], UNIONS[i][2] };
			long club = insert(def, leader, union[0], now);
			add(members, club, leader, pick(organPeople, Math.min(organPeople.size() - 1, 6 + random.nextInt(6)), random, leader),
					random, now, -1);
			link(club, UNIONS[i][2]);
			clubs++;
		}
		batch.batchUpdate("insert into club_member (club_id, person_id, status, requested_at, decided_at) values (?, ?, ?, ?, ?)",
				members);
		log.info("俱乐部演示数据：{} 个俱乐部，{} 条成员和申请记录", clubs, members.size());
	}

	private long person(String username) {
		return jdbc.sql("select person_id from account where username = :u").param("u", username).query(Long.class).single();
	}

	private long insert(String[] def, long leader, long sponsor, OffsetDateTime now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("insert into club (name, description, leader_person_id, sponsor_org_id, status, created_at)"
				+ " values (:n, :d, :l, :s, 'ACTIVE', :now)")
			.param("n", def[0]).param("d", def[1]).param("l", leader).param("s", sponsor).param("now", now.minusMonths(6))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	private static Set<Long> pick(List<Long> from, int count, Random random, long except) {
		Set<Long> picked = new LinkedHashSet<>();
		while (picked.size() < count && picked.size() < from.size() - 1) {
			long p = from.get(random.nextInt(from.size()));
			if (p != except) {
				picked.add(p);
			}
		}
		return picked;
	}

	/** The leader and the picked people; the last two picked (never {@code keep}) still wait for approval. */
	private static void add(List<Object[]> rows, long club, long leader, Set<Long> people, Random random,
			OffsetDateTime now, long keep) {
		rows.add(new Object[] { club, leader, "APPROVED", now.minusMonths(6), now.minusMonths(6) });
		List<Long> list = new ArrayList<>(people);
		for (int i = 0; i < list.size(); i++) {
			boolean pending = i >= list.size() - 2 && list.get(i) != keep;
			OffsetDateTime asked = now.minusDays(1 + random.nextInt(150));
			rows.add(new Object[] { club, list.get(i), pending ? "PENDING" : "APPROVED", asked, pending ? null : asked.plusDays(1) });
		}
	}

	private void link(long club, String keyword) {
		jdbc.sql("update activity set club_id = :c where club_id is null and title like :k")
			.param("c", club).param("k", "%" + keyword + "%").update();
	}
}
