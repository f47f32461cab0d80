package org.quntuan.identity;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Bearer tokens, stored by the hash of the token only. */
@Repository
class ApiTokenRepository {

	private final JdbcClient jdbc;

	ApiTokenRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(String tokenHash, long accountId, OffsetDateTime now, OffsetDateTime expires) {
		jdbc.sql("insert into api_token (token_hash, account_id, created_at, expires_at) values (:h, :a, :now, :exp)")
			.param("h", tokenHash).param("a", accountId).param("now", now).param("exp", expires).update();
	}

	/** The enabled account a live token belongs to, with its state. */
	Optional<ApiTokens.Holder> holderOf(String tokenHash, OffsetDateTime now) {
		return jdbc.sql("select a.id, a.username, a.display_name, a.person_id, " + AccountStatusFilter.STATUS_COLUMNS + """
				 from api_token t join account a on a.id = t.account_id
				where t.token_hash = :h and t.expires_at > :now and a.enabled = true""")
			.param("h", tokenHash).param("now", now)
			.query((rs, i) -> new ApiTokens.Holder(new AccountPrincipal(rs.getLong("id"), rs.getString("username"),
					rs.getString("display_name"), rs.getObject("person_id", Long.class)), AccountStatusFilter.status(rs)))
			.optional();
	}

	/** Revokes every token of an account. */
	void deleteAll(long accountId) {
		jdbc.sql("delete from api_token where account_id = :id").param("id", accountId).update();
	}
}
