package org.quntuan.governance.mailbox;

import org.springframework.jdbc.core.simple.JdbcClient;

/** What the mailbox tests share: a letter's state in the database. */
final class MailboxFixtures {

	private MailboxFixtures() {
	}

	static String status(JdbcClient jdbc, long id) {
		return jdbc.sql("select status from gov_mailbox_letter where id = :id").param("id", id).query(String.class).single();
	}

	static int version(JdbcClient jdbc, long id) {
		return jdbc.sql("select version from gov_mailbox_letter where id = :id").param("id", id).query(Integer.class)
			.single();
	}

	static int letters(JdbcClient jdbc) {
		return jdbc.sql("select count(*) from gov_mailbox_letter").query(Integer.class).single();
	}

	static long accountId(JdbcClient jdbc, String username) {
		return jdbc.sql("select id from account where username = :u").param("u", username).query(Long.class).single();
	}

	static String letter(String category, String text, boolean anonymous, String to) {
		return "{\"category\":\"" + category + "\",\"text\":\"" + text + "\",\"anonymous\":" + anonymous
				+ (to == null ? "" : ",\"to\":\"" + to + "\"") + "}";
	}
}
