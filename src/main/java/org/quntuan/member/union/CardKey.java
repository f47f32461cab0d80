package org.quntuan.member.union;

import org.quntuan.platform.SignedTokens;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The secret that signs member cards' QR tokens: one random key in the database, made by the first node that
 * needs it, kept in memory after the first read, so that verifying a token's signature reads nothing.
 */
@Component
class CardKey {

	private final JdbcClient jdbc;

	private volatile String secret;

	CardKey(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Called outside any transaction (a failed insert would spoil a PostgreSQL one). */
	String secret() {
		String s = secret;
		if (s != null) {
			return s;
		}
		s = read();
		if (s == null) {
			try {
				jdbc.sql("insert into member_union_card_key (id, secret) values (1, :s)").param("s", SignedTokens.newSecret()).update();
			}
			catch (DuplicateKeyException ex) {
				// another node made it first: theirs is the key
			}
			s = read();
		}
		secret = s;
		return s;
	}

	private String read() {
		return jdbc.sql("select secret from member_union_card_key where id = 1").query(String.class).optional().orElse(null);
	}
}
