package org.quntuan.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** RFC 6238 appendix B, SHA-1 rows: the 8-digit values and their 6-digit truncations. */
class TotpTest {

	private static final byte[] KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	private static String at(long seconds, int digits) {
		return Totp.code(KEY, seconds / 30, digits);
	}

	@Test
	void theRfcTestVectorsComeOut() {
		assertThat(at(59, 8)).isEqualTo("94287082");
		assertThat(at(1111111109, 8)).isEqualTo("07081804");
		assertThat(at(1111111111, 8)).isEqualTo("14050471");
		assertThat(at(1234567890, 8)).isEqualTo("89005924");
		assertThat(at(2000000000, 8)).isEqualTo("69279037");
		assertThat(at(20000000000L, 8)).isEqualTo("65353130");
		assertThat(at(59, 6)).isEqualTo("287082");
		assertThat(at(1111111109, 6)).isEqualTo("081804");
	}

	@Test
	void aCodeOfTheStepBeforeOrAfterIsAcceptedAndNoOther() {
		String secret = Totp.base32(KEY);
		assertThat(secret).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
		assertThat(Totp.fromBase32(secret)).isEqualTo(KEY);
		Instant now = Instant.ofEpochSecond(59);
		assertThat(Totp.verify(secret, "287082", now)).isTrue();
		assertThat(Totp.verify(secret, "287082", now.plusSeconds(30))).isTrue();
		assertThat(Totp.verify(secret, "287082", now.minusSeconds(30))).isTrue();
		assertThat(Totp.verify(secret, "287082", now.plusSeconds(61))).isFalse();
		assertThat(Totp.verify(secret, "287083", now)).isFalse();
		assertThat(Totp.verify(secret, "28708", now)).isFalse();
		assertThat(Totp.verify(secret, null, now)).isFalse();
	}

	@Test
	void newSecretsAre20RandomBytesInBase32() {
		String a = Totp.newSecret();
		assertThat(a).hasSize(32).matches("[A-Z2-7]+");
		assertThat(Totp.fromBase32(a)).hasSize(20);
		assertThat(Totp.newSecret()).isNotEqualTo(a);
		assertThat(Totp.uri("智慧群团", "wang", a)).startsWith("otpauth://totp/").contains("secret=" + a)
			.contains("period=30").contains("digits=6");
	}
}
