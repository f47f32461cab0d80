package org.quntuan.governance.mailbox;

import java.time.LocalDate;

import org.quntuan.platform.Zones;
import org.quntuan.support.TestClock;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The letters the access matrix test (org.quntuan.web) tries the mailbox endpoints on, made once straight in
 * the database: own = a signed letter of member1 to 市财政局工会, sibling = one of orgadmin2 to 市教育局工会,
 * both still to be handled, so that a rating is refused (422) and an answer without text stops at 400.
 */
public final class MailboxMatrixObjects {

	private MailboxMatrixObjects() {
	}

	public static synchronized Long object(JdbcClient jdbc, String relation) {
		if (!relation.equals("OWN") && !relation.equals("SIBLING")) {
			return null;
		}
		boolean own = relation.equals("OWN");
		return letter(jdbc, own ? "member1" : "orgadmin2");
	}

	private static long letter(JdbcClient jdbc, String writer) {
		String text = "矩阵测试来信-" + writer;
		Long id = jdbc.sql("select id from gov_mailbox_letter where body = :t").param("t", text).query(Long.class)
			.optional().orElse(null);
		if (id != null) {
			return id;
		}
		long person = jdbc.sql("select person_id from account where username = :u").param("u", writer).query(Long.class)
			.single();
		long union = jdbc.sql("""
				select min(u.id) from org u join person p on p.organ_id = u.parent_id where p.id = :p and u.type = 'UNION'""")
			.param("p", person).query(Long.class).single();
		LocalDate today = LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS));
		jdbc.sql("""
				insert into gov_mailbox_letter (category, body, anonymous, to_federation, office_org_id, writer_person_id,
				  status, written_on, due_on)
				values ('WELFARE', :t, false, false, :u, :p, 'SUBMITTED', :today, :due)""")
			.param("t", text).param("u", union).param("p", person).param("today", today).param("due", today.plusDays(15))
			.update();
		return jdbc.sql("select id from gov_mailbox_letter where body = :t").param("t", text).query(Long.class).single();
	}
}
