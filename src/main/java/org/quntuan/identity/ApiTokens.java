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

	private final ApiTokenRepository tokens;

	private final SecuritySettings settings;

	private final Clock clock;

	ApiTokens(ApiTokenRepository tokens, SecuritySettings settings, Clock clock) {
		this.tokens = tokens;
		this.settings = settings;
		this.clock = clock;
	}

	Issued issue(long accountId) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		OffsetDateTime now = OffsetDateTime.now(clock);
		OffsetDateTime expires = now.plus(settings.tokenLifetime());
		tokens.insert(hash(token), accountId, now, expires);
		return new Issued(token, expires);
	}

	/** The token's account and its state ({@link AccountStatusFilter}), read in one statement. */
	record Holder(AccountPrincipal principal, AccountStatusFilter.Status status) {
	}

	Optional<Holder> holderOf(String token) {
		if (token == null || token.length() > 100) {
			return Optional.empty();
		}
		return tokens.holderOf(hash(token), OffsetDateTime.now(clock));
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
