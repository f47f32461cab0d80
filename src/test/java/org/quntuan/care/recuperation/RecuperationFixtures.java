package org.quntuan.care.recuperation;

import java.time.LocalDate;
import java.util.List;

import org.quntuan.platform.Zones;
import org.quntuan.support.TestClock;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the recuperation tests share: people nobody has nominated yet, organs, accounts. */
final class RecuperationFixtures {

	private RecuperationFixtures() {
	}

	static LocalDate today() {
		return LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS));
	}

	/**
	 * Union members in service of an organ whom no recuperation has ever named (so each test has its own),
	 * none of them a named demo account, in id order.
	 */
	static List<Long> fresh(JdbcClient jdbc, String organ, int n) {
		List<Long> people = jdbc.sql("""
				select p.id from person p join org o on o.id = p.organ_id
				where o.name = :organ and p.active = true and p.union_status = 'MEMBER' and p.employment_status = 'IN_SERVICE'
				  and not exists (select 1 from account a where a.person_id = p.id and a.username in ('member1', 'finance1',
				    'info1', 'orgadmin1', 'orgadmin2', 'auditor1', 'group1', 'group2'))
				  and not exists (select 1 from care_recuperation_nomination n where n.person_id = p.id)
				order by p.id fetch first :n rows only""")
			.param("organ", organ).param("n", n).query(Long.class).list();
		if (people.size() < n) {
			throw new IllegalStateException("only " + people.size() + " fresh people left in " + organ);
		}
		return people;
	}

	/** The k-th organ (from 0, by id) of a 片组 (第一片组 … 第八片组), 市财政局 left out. */
	static String organ(JdbcClient jdbc, String group, int k) {
		return jdbc.sql("""
				select o.name from org o join org g on o.path like g.path || '%'
				where g.name = :g and o.type = 'ORGAN' and o.active = true and o.name <> '市财政局'
				order by o.id offset :k rows fetch first 1 rows only""")
			.param("g", group).param("k", k).query(String.class).single();
	}

	static String username(JdbcClient jdbc, long personId) {
		return jdbc.sql("select username from account where person_id = :p").param("p", personId).query(String.class)
			.single();
	}

	static String status(JdbcClient jdbc, long nominationId) {
		return jdbc.sql("select status from care_recuperation_nomination where id = :id").param("id", nominationId)
			.query(String.class).single();
	}

	static int nominations(JdbcClient jdbc, long batchId) {
		return jdbc.sql("select count(*) from care_recuperation_nomination where batch_id = :b").param("b", batchId)
			.query(Integer.class).single();
	}
}
