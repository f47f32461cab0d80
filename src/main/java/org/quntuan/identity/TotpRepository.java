package org.quntuan.identity;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The TOTP columns of an account: its secret, the last step used and the wrong codes counted. */
@Repository
class TotpRepository {

	private final JdbcClient jdbc;

	TotpRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<String> secretOf(long accountId) {
		return jdbc.sql("select totp_secret from account where id = :id").param("id", accountId)
			.query(String.class).optional().filter(s -> s != null);
	}

	void enrol(long accountId, String secret, long step) {
		jdbc.sql("""
				update account set totp_secret = :s, totp_failures = 0, totp_last_step = :step, version = version + 1
				where id = :id""")
			.param("s", secret).param("step", step).param("id", accountId).update();
	}

	/** Records the step as used, atomically; false when it (or a later one) was used already. */
	boolean useStep(long accountId, long step) {
		return jdbc.sql("""
				update account set totp_last_step = :step
				where id = :id and (totp_last_step is null or totp_last_step < :step)""")
			.param("step", step).param("id", accountId).update() == 1;
	}

	/** Clears the count of wrong codes, writing only when there is one. */
	void clearFailures(long accountId) {
		jdbc.sql("update account set totp_failures = 0 where id = :id and totp_failures <> 0").param("id", accountId)
			.update();
	}

	/** Counts a wrong code; answers the count. */
	int countFailure(long accountId) {
		jdbc.sql("update account set totp_failures = totp_failures + 1 where id = :id").param("id", accountId).update();
		return jdbc.sql("select totp_failures from account where id = :id").param("id", accountId)
			.query(Integer.class).single();
	}

	void resetFailures(long accountId) {
		jdbc.sql("update account set totp_failures = 0 where id = :id").param("id", accountId).update();
	}
}
