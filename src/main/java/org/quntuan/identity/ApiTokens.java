package org.quntuan.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Opaque bearer tokens: 256 random bits shown once; only their SHA-256 is stored, so a copy of the
 * database signs nobody in. Expired tokens and those of disabled accounts are refused.
 */
@Component
class ApiTokens {

	record Issued(String token, OffsetDateTime expiresAt) {
	}

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final SecuritySettings settings;

	private final Clock clock;

	ApiTokens(JdbcClient jdbc, SecuritySettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
	}

	Issued issue(long accountId) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		OffsetDateTime now = OffsetDateTime.now(clock);
		OffsetDateTime expires = now.plus(settings.tokenLifetime());
		jdbc.sql("insert into api_token (token_hash, account_id, created_at, expires_at) values (:h, :a, :now, :exp)")
			.param("h", hash(token)).param("a", accountId).param("now", now).param("exp", expires).update();
		return new Issued(token, expires);
	}

	/** The token's account and its state ({@link AccountStatusFilter}), read in one statement. */
	record Holder(AccountPrincipal principal, AccountStatusFilter.Status status) {
	}

	Optional<Holder> holderOf(String token) {
		if (token == null || token.length() > 100) {
			return Optional.empty();
		}
		return jdbc.sql("select a.id, a.username, a.display_name, a.person_id, " + AccountStatusFilter.STATUS_COLUMNS + """
				 from api_token t join account a on a.id = t.account_id
				where t.token_hash = :h and t.expires_at > :now and a.enabled = true""")
			.param("h", hash(token)).param("now", OffsetDateTime.now(clock))
			.query((rs, i) -> new Holder(new AccountPrincipal(rs.getLong("id"), rs.getString("username"),
					rs.getString("display_name"), rs.getObject("person_id", Long.class)), AccountStatusFilter.status(rs)))
			.optional();
	}

	static String hash(String token) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
