package org.quntuan.notice.notices;

import org.quntuan.support.TestClock;

import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The objects of the access matrix (AccessMatrixTests) for notices and collections. "own" is addressed
 * to 市财政局工会 (orgadmin1's union, in group1's 第一片组), "sibling" to 市教育局工会; both sent by the
 * federation admin. The notices are withdrawn, so that reminders (422), withdrawals (400 without a reason)
 * and attachments (422) change nothing; the tasks have no submission, so that reviews are refused (422).
 */
public final class NoticeMatrixObjects {

	private NoticeMatrixObjects() {
	}

	public static Long object(JdbcClient jdbc, String endpoint, String relation) {
		String union = "OWN".equals(relation) ? "市财政局工会" : "市教育局工会";
		long org = jdbc.sql("select id from org where name = :n").param("n", union).query(Long.class).single();
		return endpoint.contains("/collections/") ? task(jdbc, org) : notice(jdbc, org);
	}

	private static long notice(JdbcClient jdbc, long org) {
		String title = "access-matrix-notice-" + org;
		var existing = jdbc.sql("select id from notice where title = :t").param("t", title).query(Long.class).optional();
		if (existing.isPresent()) {
			return existing.get();
		}
		long admin = admin(jdbc);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into notice (title, body, targets_json, sender_account_id, sender_name, sender_org_id, created_at,
				  withdrawn_at, withdrawn_by, withdraw_reason)
				values (:t, '<p>测试</p>', '{}', :a, '工委管理员', :root, :now, :now, :a, '测试')""")
			.param("t", title).param("a", admin).param("root", root(jdbc)).param("now", OffsetDateTime.now(TestClock.CLOCK))
			.update(keys, "id");
		long id = keys.getKey().longValue();
		jdbc.sql("insert into notice_target (notice_id, org_id) values (:n, :o)").param("n", id).param("o", org).update();
		return id;
	}

	private static long task(JdbcClient jdbc, long org) {
		String title = "access-matrix-collection-" + org;
		var existing = jdbc.sql("select id from collection_task where title = :t").param("t", title).query(Long.class)
			.optional();
		if (existing.isPresent()) {
			return existing.get();
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into collection_task (title, instructions, deadline, late_policy, allowed_kinds, targets_json,
				  sender_account_id, sender_name, sender_org_id, created_at)
				values (:t, '测试', :deadline, 'ALLOW_LATE_MARKED', 'PDF', '{}', :a, '工委管理员', :root, :now)""")
			.param("t", title).param("deadline", OffsetDateTime.now(TestClock.CLOCK).plusYears(5)).param("a", admin(jdbc))
			.param("root", root(jdbc)).param("now", OffsetDateTime.now(TestClock.CLOCK)).update(keys, "id");
		long id = keys.getKey().longValue();
		jdbc.sql("insert into collection_target (task_id, org_id) values (:t, :o)").param("t", id).param("o", org).update();
		return id;
	}

	private static long admin(JdbcClient jdbc) {
		return jdbc.sql("select id from account where username = 'admin'").query(Long.class).single();
	}

	private static long root(JdbcClient jdbc) {
		return jdbc.sql("select id from org where name = '市直机关工委'").query(Long.class).single();
	}
}
