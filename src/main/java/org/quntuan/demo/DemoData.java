package org.quntuan.demo;

import java.sql.Types;
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

import org.quntuan.member.EmploymentStatus;
import org.quntuan.member.UnionStatus;
import org.quntuan.platform.Role;
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
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Under the demo profile, fills an empty database with the org tree of {@link DemoOrgs}, about
 * 8,000 people with an account each, and the named accounts of the README. Everything is drawn from
 * a fixed seed, so that every demo start looks the same.
 */
@Component
@Profile("demo")
@Order(5)
class DemoData implements ApplicationRunner {

	/** All with the password {@value #PASSWORD}; every other person signs in with their mobile. */
	static final List<String> NAMED_ACCOUNTS = List.of("admin", "orgadmin1", "orgadmin2", "member1", "finance1",
			"auditor1", "info1", "group1", "group2", "group3", "group4", "group5", "group6", "group7", "group8");

	static final String PASSWORD = "Demo@2026";

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private static final int BATCH_SIZE = 1000;

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final PasswordEncoder encoder;

	private final Clock clock;

	private final TransactionTemplate tx;

	private final Settings settings;

	DemoData(JdbcClient jdbc, JdbcTemplate jdbcTemplate, PasswordEncoder encoder, Clock clock, TransactionTemplate tx,
			@Value("${quntuan.demo.organs-per-group:10}") int organsPerGroup,
			@Value("${quntuan.demo.people-per-organ:100}") int peoplePerOrgan,
			@Value("${quntuan.demo.seed:20261127}") long seed) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.encoder = encoder;
		this.clock = clock;
		this.tx = tx;
		this.settings = new Settings(organsPerGroup, peoplePerOrgan, seed);
	}

	record Settings(int organsPerGroup, int peoplePerOrgan, long seed) {

		/** Organ A needs five distinct people for its named accounts, two of them union members. */
		Settings {
			if (organsPerGroup < 1 || peoplePerOrgan < 5) {
				throw new IllegalArgumentException("quntuan.demo.organs-per-group 至少为 1，people-per-organ 至少为 5");
			}
		}
	}

	private record Staff(long organId, DemoPeople.Person person) {
	}

	private record Named(String username, String displayName, DemoPeople.Person person, Role role, Long orgId) {
	}

	@Override
	public void run(ApplicationArguments args) {
		if (count("account") > 0) {
			log.info("演示数据已存在，跳过");
			return;
		}
		long started = System.nanoTime();
		tx.executeWithoutResult(status -> seed());
		log.info("演示数据已生成：组织 {} 个，人员 {} 人，账号 {} 个，用时 {} 毫秒", count("org"), count("person"), count("account"),
				Duration.ofNanos(System.nanoTime() - started).toMillis());
	}

	private void seed() {
		OffsetDateTime now = OffsetDateTime.now(clock);
		Random random = new Random(settings.seed());
		DemoOrgs.Tree tree = new DemoOrgs(jdbc, now).insert(settings.organsPerGroup(), random);
		DemoPeople people = new DemoPeople(random, LocalDate.ofInstant(clock.instant(), Zones.BUSINESS));
		Map<DemoOrgs.Organ, List<DemoPeople.Person>> byOrgan = new HashMap<>();
		List<Staff> staff = new ArrayList<>();
		for (List<DemoOrgs.Organ> group : tree.organs()) {
			for (DemoOrgs.Organ organ : group) {
				List<DemoPeople.Person> inOrgan = new ArrayList<>();
				for (int i = 0; i < settings.peoplePerOrgan(); i++) {
					DemoPeople.Person person = people.next();
					inOrgan.add(person);
					staff.add(new Staff(organ.node().id(), person));
				}
				byOrgan.put(organ, inOrgan);
			}
		}
		insertPeople(staff, now);
		Map<String, Long> ids = personIds();
		insertHistory(staff, ids);
		// One hash for all: hashing 8,000 passwords one by one would take minutes
		String hash = encoder.encode(PASSWORD);
		Set<DemoPeople.Person> named = insertNamedAccounts(tree, byOrgan, ids, hash, now);
		insertPersonAccounts(staff.stream().filter(s -> !named.contains(s.person())).toList(), ids, hash, now);
		// demo people are taken to have read and accepted the rules of personal-information processing;
		// a real account (and the first admin) is asked at its first sign-in
		jdbc.sql("""
				insert into consent (account_id, kind, version, given_at, ip)
				select id, 'PRIVACY_RULES', :version, :now, null from account""")
			.param("version", DEMO_RULES_VERSION).param("now", now).update();
	}

	/** The version of 个人信息处理规则 that demo accounts have accepted (identity's ConsentKind). */
	static final String DEMO_RULES_VERSION = "2026-11";

	private void insertPeople(List<Staff> staff, OffsetDateTime now) {
		jdbcTemplate.batchUpdate("""
				insert into person (name, name_pinyin, name_initials, gender, birth_date, id_number, mobile,
				  active_mobile, organ_id, position, political_status, union_status, union_joined_on,
				  employment_status, active, created_at, updated_at, version, mobile_reversed)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true, ?, ?, 0, ?)""", staff, BATCH_SIZE, (ps, s) -> {
			DemoPeople.Person p = s.person();
			ps.setString(1, p.name());
			ps.setString(2, p.namePinyin());
			ps.setString(3, p.nameInitials());
			ps.setString(4, p.gender().name());
			ps.setObject(5, p.birthDate());
			ps.setString(6, p.idNumber());
			ps.setString(7, p.mobile());
			ps.setString(8, p.mobile());
			ps.setLong(9, s.organId());
			ps.setString(10, p.position());
			ps.setString(11, p.politicalStatus().name());
			ps.setString(12, p.unionStatus().name());
			if (p.unionJoinedOn() == null) {
				ps.setNull(13, Types.DATE);
			}
			else {
				ps.setObject(13, p.unionJoinedOn());
			}
			ps.setString(14, EmploymentStatus.IN_SERVICE.name());
			ps.setObject(15, now);
			ps.setObject(16, now);
			ps.setString(17, new StringBuilder(p.mobile()).reverse().toString());
		});
	}

	/** Batches do not return keys portably; the identity number is unique and names each new row. */
	private Map<String, Long> personIds() {
		Map<String, Long> ids = new HashMap<>();
		jdbc.sql("select id, id_number from person").query(rs -> {
			ids.put(rs.getString("id_number"), rs.getLong("id"));
		});
		return ids;
	}

	private void insertHistory(List<Staff> staff, Map<String, Long> ids) {
		jdbcTemplate.batchUpdate("""
				insert into person_organ_history (person_id, organ_id, valid_from, valid_to, reason)
				values (?, ?, ?, null, '登记入册')""", staff, BATCH_SIZE, (ps, s) -> {
			ps.setLong(1, ids.get(s.person().idNumber()));
			ps.setLong(2, s.organId());
			ps.setObject(3, s.person().hiredOn());
		});
	}

	/**
	 * The accounts of {@link #NAMED_ACCOUNTS}, in that order, and the people they belong to. Those
	 * people get no mobile account, since an account's person is unique.
	 */
	private Set<DemoPeople.Person> insertNamedAccounts(DemoOrgs.Tree tree,
			Map<DemoOrgs.Organ, List<DemoPeople.Person>> staff, Map<String, Long> ids, String hash,
			OffsetDateTime now) {
		DemoOrgs.Organ a = tree.organs().get(0).get(0);
		DemoOrgs.Organ b = tree.organs().get(1).get(0);
		DemoOrgs.Organ lastGroup = tree.organs().get(tree.organs().size() - 1).get(0);
		long root = tree.root().id();
		Set<DemoPeople.Person> used = new HashSet<>();
		List<Named> named = new ArrayList<>();
		named.add(new Named("admin", "工委管理员", null, Role.FEDERATION_ADMIN, root));
		named.add(named("orgadmin1", pick(a, staff, used, true), Role.ORG_ADMIN, a.union().id()));
		named.add(named("orgadmin2", pick(b, staff, used, true), Role.ORG_ADMIN, b.union().id()));
		named.add(named("member1", pick(a, staff, used, true), null, null));
		named.add(named("finance1", pick(a, staff, used, false), Role.FINANCE_OFFICER, a.union().id()));
		named.add(named("auditor1", pick(lastGroup, staff, used, false), Role.AUDITOR, root));
		named.add(named("info1", pick(a, staff, used, false), Role.INFO_OFFICER, a.node().id()));
		for (int g = 0; g < tree.groups().size(); g++) {
			DemoOrgs.Organ first = tree.organs().get(g).get(0);
			named.add(named("group" + (g + 1), pick(first, staff, used, false), Role.ORG_ADMIN,
					tree.groups().get(g).id()));
		}
		for (Named n : named) {
			GeneratedKeyHolder keys = new GeneratedKeyHolder();
			jdbc.sql("""
					insert into account (username, password_hash, display_name, person_id, enabled, failed_attempts,
					  must_change_password, created_at, version)
					values (:u, :h, :d, :p, true, 0, false, :now, 0)""")
				.param("u", n.username()).param("h", hash).param("d", n.displayName())
				.param("p", n.person() == null ? null : ids.get(n.person().idNumber())).param("now", now)
				.update(keys, "id");
			if (n.role() != null) {
				jdbc.sql("insert into role_binding (account_id, role, org_id, created_at) values (:a, :r, :o, :now)")
					.param("a", keys.getKey().longValue()).param("r", n.role().name()).param("o", n.orgId())
					.param("now", now).update();
			}
		}
		return used;
	}

	private static Named named(String username, DemoPeople.Person person, Role role, Long orgId) {
		return new Named(username, person.name(), person, role, orgId);
	}

	/** The organ's first person without a named account yet, a union member if asked. */
	private static DemoPeople.Person pick(DemoOrgs.Organ organ, Map<DemoOrgs.Organ, List<DemoPeople.Person>> staff,
			Set<DemoPeople.Person> used, boolean unionMember) {
		for (DemoPeople.Person p : staff.get(organ)) {
			if (!used.contains(p) && (!unionMember || p.unionStatus() == UnionStatus.MEMBER)) {
				used.add(p);
				return p;
			}
		}
		throw new IllegalStateException("演示数据：" + organ.name() + " 人员不足，无法分配命名账号");
	}

	/** The username is the mobile, so that each demo person can sign in as themselves. */
	private void insertPersonAccounts(List<Staff> staff, Map<String, Long> ids, String hash, OffsetDateTime now) {
		jdbcTemplate.batchUpdate("""
				insert into account (username, password_hash, display_name, person_id, enabled, failed_attempts,
				  must_change_password, created_at, version)
				values (?, ?, ?, ?, true, 0, false, ?, 0)""", staff, BATCH_SIZE, (ps, s) -> {
			ps.setString(1, s.person().mobile());
			ps.setString(2, hash);
			ps.setString(3, s.person().name());
			ps.setLong(4, ids.get(s.person().idNumber()));
			ps.setObject(5, now);
		});
	}

	/** Fixed table names only. */
	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}
}
