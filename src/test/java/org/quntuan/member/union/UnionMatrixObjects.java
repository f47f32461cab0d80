package org.quntuan.member.union;

import java.time.OffsetDateTime;

import org.quntuan.support.TestClock;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The objects the access matrix test (org.quntuan.web) tries the union membership endpoints on, made once
 * straight in the database: own = member1's application to 市财政局工会 (已驳回, decided earlier) and a finished
 * transfer of member1 from 市财政局 to 市教育局; sibling = the same for orgadmin2 in 市教育局, with a finished
 * transfer from 市教育局 to another organ of 第二片组. Decided applications and finished transfers refuse
 * every write, so the matrix changes nothing.
 */
public final class UnionMatrixObjects {

	private UnionMatrixObjects() {
	}

	public static synchronized Long object(JdbcClient jdbc, String endpoint, String relation) {
		boolean own = relation.equals("OWN");
		if (!own && !relation.equals("SIBLING")) {
			return null;
		}
		String user = own ? "member1" : "orgadmin2";
		long person = jdbc.sql("select person_id from account where username = :u").param("u", user).query(Long.class).single();
		if (endpoint.contains("/transfers/{id}")) {
			return transfer(jdbc, person, own);
		}
		return application(jdbc, person);
	}

	private static long application(JdbcClient jdbc, long person) {
		Long id = jdbc.sql("select id from member_union_application where person_id = :p and reason = '矩阵测试' order by id fetch first 1 rows only")
			.param("p", person).query(Long.class).optional().orElse(null);
		if (id != null) {
			return id;
		}
		jdbc.sql("""
				insert into member_union_application (person_id, organ_id, union_id, applicant_account_id, pending_person_id,
				  consented_at, state, decided_by, decided_at, reason, created_at, version)
				select p.id, p.organ_id, u.id, a.id, null, :now, 'REJECTED', 1, :now, '矩阵测试', :now, 1
				from person p join org u on u.parent_id = p.organ_id and u.type = 'UNION' join account a on a.person_id = p.id
				where p.id = :p and u.id = (select min(x.id) from org x where x.parent_id = p.organ_id and x.type = 'UNION')""")
			.param("p", person).param("now", OffsetDateTime.now(TestClock.CLOCK)).update();
		return jdbc.sql("select min(id) from member_union_application where person_id = :p and reason = '矩阵测试'")
			.param("p", person).query(Long.class).single();
	}

	private static long transfer(JdbcClient jdbc, long person, boolean own) {
		Long id = jdbc.sql("select id from member_union_transfer where person_id = :p and state = 'DONE' order by id fetch first 1 rows only")
			.param("p", person).query(Long.class).optional().orElse(null);
		if (id != null) {
			return id;
		}
		String to = own ? "select id from org where name = '市教育局'" : """
				select min(o.id) from org o join org g on o.path like g.path || '%'
				where g.name = '第二片组' and o.type = 'ORGAN' and o.name <> '市教育局'""";
		long toOrgan = jdbc.sql(to).query(Long.class).single();
		jdbc.sql("""
				insert into member_union_transfer (person_id, from_organ_id, to_organ_id, state, opened_at, released_by,
				  released_at, accepted_by, accepted_at, version)
				select p.id, p.organ_id, :to, 'DONE', :now, 1, :now, 1, :now, 2 from person p where p.id = :p""")
			.param("p", person).param("to", toOrgan).param("now", OffsetDateTime.now(TestClock.CLOCK)).update();
		return jdbc.sql("select min(id) from member_union_transfer where person_id = :p and state = 'DONE'")
			.param("p", person).query(Long.class).single();
	}
}
