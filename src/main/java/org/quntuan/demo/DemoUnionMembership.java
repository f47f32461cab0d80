package org.quntuan.demo;

import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;

import org.quntuan.platform.Zones;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Union membership: a member number for every member of the demo (one statement, numbered per union in
 * this year), three people who are not members yet waiting with an application to join (one of them in
 * 市财政局, for orgadmin1's queue), and two members of 第八片组 transferred to another organ this month, one
 * waiting for the old union to release, the other released and waiting for the new union to accept.
 */
@Component
@Profile("demo")
@Order(97)
class DemoUnionMembership implements ApplicationRunner {

	private static final List<String> NAMED = List.of("admin", "orgadmin1", "orgadmin2", "member1", "finance1",
			"auditor1", "info1");

	private final JdbcClient jdbc;

	private final Clock clock;

	private final TransactionTemplate tx;

	DemoUnionMembership(JdbcClient jdbc, Clock clock, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.tx = tx;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (jdbc.sql("select count(*) from member_union_membership").query(Long.class).single() > 0
				|| jdbc.sql("select count(*) from account where username = 'member1'").query(Long.class).single() == 0) {
			return;
		}
		tx.executeWithoutResult(status -> seed());
	}

	private void seed() {
		OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
		LocalDate today = LocalDate.now(clock.withZone(Zones.BUSINESS));
		numbers(today);
		applications(now);
		transfers(now, today);
	}

	/** Set-based: every member without a number gets the next of their union's year. */
	private void numbers(LocalDate today) {
		jdbc.sql("""
				insert into member_union_membership (person_id, member_number, union_id, joined_on)
				select m.id, case when m.union_id < 10000 then lpad(cast(m.union_id as varchar(20)), 4, '0')
				    else cast(m.union_id as varchar(20)) end || cast(:year as varchar(4))
				    || lpad(cast(row_number() over (partition by m.union_id order by m.id) as varchar(10)), 5, '0'),
				  m.union_id, coalesce(m.union_joined_on, :today)
				from (select p.id, p.union_joined_on,
				        (select min(u.id) from org u where u.parent_id = p.organ_id and u.type = 'UNION') as union_id
				      from person p where p.union_status = 'MEMBER') m
				where m.union_id is not null""")
			.param("year", today.getYear()).param("today", today).update();
		jdbc.sql("""
				insert into member_union_number_seq (union_id, year, last_value)
				select union_id, :year, count(*) from member_union_membership group by union_id""")
			.param("year", today.getYear()).update();
	}

	private void applications(OffsetDateTime now) {
		List<Long> finance = notMembers("市财政局", 1);
		List<Long> others = jdbc.sql("""
				select p.id from person p join org o on o.id = p.organ_id
				where p.active = true and p.union_status = 'NOT_MEMBER' and o.name not in ('市财政局', '市教育局')
				  and not exists (select 1 from account a where a.person_id = p.id and a.username in (:named))
				order by p.id fetch first 2 rows only""")
			.param("named", NAMED).query(Long.class).list();
		int days = 1;
		for (long person : concat(finance, others)) {
			jdbc.sql("""
					insert into member_union_application (person_id, organ_id, union_id, applicant_account_id, pending_person_id,
					  statement, consented_at, state, created_at, version)
					select p.id, p.organ_id, u.id, a.id, p.id, :s, :at, 'PENDING', :at, 0
					from person p join org u on u.id = (select min(x.id) from org x where x.parent_id = p.organ_id and x.type = 'UNION')
					join account a on a.person_id = p.id where p.id = :p""")
				.param("p", person).param("s", "本人承认《中国工会章程》，自愿申请加入工会，遵守会员义务。").param("at", now.minusDays(days++))
				.update();
		}
	}

	private List<Long> notMembers(String organ, int n) {
		return jdbc.sql("""
				select p.id from person p join org o on o.id = p.organ_id
				where o.name = :o and p.active = true and p.union_status = 'NOT_MEMBER'
				  and not exists (select 1 from account a where a.person_id = p.id and a.username in (:named))
				order by p.id fetch first :n rows only""")
			.param("o", organ).param("named", NAMED).param("n", n).query(Long.class).list();
	}

	/** Two members of 第八片组's first organ moved to its second, this month. */
	private void transfers(OffsetDateTime now, LocalDate today) {
		List<Long> organs = jdbc.sql("""
				select o.id from org o join org g on o.path like g.path || '%'
				where g.name = '第八片组' and o.type = 'ORGAN' and o.active = true order by o.id fetch first 2 rows only""")
			.query(Long.class).list();
		if (organs.size() < 2) {
			return;
		}
		List<Long> people = jdbc.sql("""
				select p.id from person p where p.organ_id = :o and p.active = true and p.union_status = 'MEMBER'
				  and not exists (select 1 from account a where a.person_id = p.id and a.username not like '1%')
				order by p.id desc fetch first 2 rows only""")
			.param("o", organs.get(0)).query(Long.class).list();
		String reason = "工作调动";
		Long group8 = jdbc.sql("select id from account where username = 'group8'").query(Long.class).optional().orElse(null);
		for (int i = 0; i < people.size(); i++) {
			long person = people.get(i);
			LocalDate on = today.minusDays(3 + 7L * i);
			jdbc.sql("update person set organ_id = :to, updated_at = :now, version = version + 1 where id = :p")
				.param("to", organs.get(1)).param("now", now).param("p", person).update();
			jdbc.sql("update person_organ_history set valid_to = :d, end_reason = :r where person_id = :p and valid_to is null")
				.param("d", on.minusDays(1)).param("r", reason).param("p", person).update();
			jdbc.sql("insert into person_organ_history (person_id, organ_id, valid_from, valid_to, reason) values (:p, :o, :d, null, :r)")
				.param("p", person).param("o", organs.get(1)).param("d", on).param("r", reason).update();
			jdbc.sql("""
					insert into member_union_transfer (person_id, from_organ_id, to_organ_id, from_union_id, to_union_id, state,
					  opened_at, released_by, released_at, version)
					select :p, :from, :to, (select min(id) from org where parent_id = :from and type = 'UNION'),
					  (select min(id) from org where parent_id = :to and type = 'UNION'), :state, :opened,
					  :by, :released, :v""")
				.param("p", person).param("from", organs.get(0)).param("to", organs.get(1))
				.param("state", i == 0 ? "WAITING_RELEASE" : "WAITING_ACCEPT").param("opened", now.minusDays(3 + 7L * i))
				.param("by", i == 0 ? null : group8, Types.BIGINT)
				.param("released", i == 0 ? null : now.minusDays(2 + 7L * i), Types.TIMESTAMP_WITH_TIMEZONE)
				.param("v", i).update();
		}
	}

	private static List<Long> concat(List<Long> a, List<Long> b) {
		return Stream.concat(a.stream(), b.stream()).toList();
	}
}
