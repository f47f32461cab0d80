package org.quntuan.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.quntuan.organization.LeadershipPosition;
import org.quntuan.platform.Zones;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A leadership team for every union, league branch and women's committee, from the people of its
 * organ (a women's committee from its women first). Where a demo account is the org admin, its
 * person chairs the team. Terms are spread from a fixed seed: about one in twelve overdue, one in
 * eight due within three months, the rest later; the first organ's union (市财政局工会) is due in two
 * months, so orgadmin1 sees the reminder. Also under the bench profile (which includes demo).
 */
@Component
@Profile("demo")
@Order(25)
class DemoLeadership implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoLeadership.class);

	private record MassOrg(long id, String type, long organId, String path) {
	}

	private record Person(long id, String name, boolean female) {
	}

	private record Team(MassOrg org, LocalDate start, LocalDate end, List<Person> members) {
	}

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final Clock clock;

	private final TransactionTemplate tx;

	private final long seed;

	DemoLeadership(JdbcClient jdbc, JdbcTemplate jdbcTemplate, Clock clock, TransactionTemplate tx,
			@Value("${quntuan.demo.seed:20261127}") long seed) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.clock = clock;
		this.tx = tx;
		this.seed = seed;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (jdbc.sql("select count(*) from leadership_team").query(Long.class).single() > 0) {
			return;
		}
		long started = System.nanoTime();
		int teams = tx.execute(status -> seed());
		log.info("演示数据：领导班子 {} 个，用时 {} 毫秒", teams, Duration.ofNanos(System.nanoTime() - started).toMillis());
	}

	private int seed() {
		OffsetDateTime now = OffsetDateTime.now(clock);
		LocalDate today = LocalDate.ofInstant(clock.instant(), Zones.BUSINESS);
		Random random = new Random(seed + 25);
		List<MassOrg> orgs = jdbc.sql("""
				select id, type, parent_id, path from org
				where active = true and type in ('UNION', 'LEAGUE', 'WOMEN') order by path""")
			.query((rs, i) -> new MassOrg(rs.getLong("id"), rs.getString("type"), rs.getLong("parent_id"),
					rs.getString("path")))
			.list();
		Map<Long, List<Person>> byOrgan = new HashMap<>();
		jdbc.sql("select id, name, gender, organ_id from person where active = true order by organ_id, id")
			.query(rs -> {
				byOrgan.computeIfAbsent(rs.getLong("organ_id"), k -> new ArrayList<>())
					.add(new Person(rs.getLong("id"), rs.getString("name"), "FEMALE".equals(rs.getString("gender"))));
			});
		Map<Long, Long> adminPerson = new HashMap<>();
		jdbc.sql("""
				select b.org_id, a.person_id from role_binding b join account a on a.id = b.account_id
				where b.role = 'ORG_ADMIN' and a.person_id is not null order by b.id""")
			.query(rs -> {
				adminPerson.putIfAbsent(rs.getLong("org_id"), rs.getLong("person_id"));
			});
		Long firstUnion = orgs.stream().filter(o -> o.type().equals("UNION")).map(MassOrg::id).findFirst().orElse(null);
		List<Team> teams = new ArrayList<>();
		for (MassOrg org : orgs) {
			List<Person> pool = new ArrayList<>(byOrgan.getOrDefault(org.organId(), List.of()));
			int size = org.type().equals("UNION") ? 5 : 3;
			if (pool.size() < size) {
				continue;
			}
			if (org.type().equals("WOMEN")) {
				pool.sort((a, b) -> Boolean.compare(b.female(), a.female()));
			}
			List<Person> members = new ArrayList<>();
			Long chair = adminPerson.get(org.id());
			pool.stream().filter(p -> chair != null && p.id() == chair).findFirst().ifPresent(members::add);
			Set<Long> taken = new HashSet<>();
			members.forEach(p -> taken.add(p.id()));
			// a deterministic but varied pick: start somewhere in the first part of the organ's list
			int from = random.nextInt(Math.max(1, Math.min(pool.size(), 12) - size + 1));
			for (int i = from; members.size() < size && i < pool.size(); i++) {
				if (taken.add(pool.get(i).id())) {
					members.add(pool.get(i));
				}
			}
			int years = org.type().equals("LEAGUE") ? 3 : 5;
			LocalDate end = termEnd(random, today, years, org.id() == (firstUnion == null ? -1 : firstUnion));
			teams.add(new Team(org, end.minusYears(years).plusDays(1), end, members));
		}
		jdbcTemplate.batchUpdate("""
				insert into leadership_team (org_id, current_org_id, term_start, term_end, created_at)
				values (?, ?, ?, ?, ?)""", teams, 1000, (ps, t) -> {
			ps.setLong(1, t.org().id());
			ps.setLong(2, t.org().id());
			ps.setObject(3, t.start());
			ps.setObject(4, t.end());
			ps.setObject(5, now);
		});
		Map<Long, Long> teamOf = new HashMap<>();
		jdbc.sql("select id, org_id from leadership_team").query(rs -> {
			teamOf.put(rs.getLong("org_id"), rs.getLong("id"));
		});
		List<Object[]> rows = new ArrayList<>();
		for (Team t : teams) {
			int vice = t.members().size() >= 5 ? 2 : 1;
			for (int i = 0; i < t.members().size(); i++) {
				LeadershipPosition position = i == 0 ? LeadershipPosition.CHAIR
						: i <= vice ? LeadershipPosition.VICE_CHAIR : LeadershipPosition.MEMBER;
				Person p = t.members().get(i);
				rows.add(new Object[] { teamOf.get(t.org().id()), p.id(), p.name(), position.name(), i });
			}
		}
		jdbcTemplate.batchUpdate("""
				insert into leadership_member (team_id, person_id, person_name, position, sort_order)
				values (?, ?, ?, ?, ?)""", rows);
		return teams.size();
	}

	private static LocalDate termEnd(Random random, LocalDate today, int years, boolean first) {
		if (first) {
			return today.plusMonths(2);
		}
		int roll = random.nextInt(100);
		if (roll < 8) {
			return today.minusDays(10 + random.nextInt(300));
		}
		if (roll < 21) {
			return today.plusDays(5 + random.nextInt(80));
		}
		return today.plusDays(100 + random.nextInt(years * 365 - 100));
	}
}
