package org.quntuan.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.quntuan.organization.TreeRoot;
import org.quntuan.platform.InvalidValueException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The first start without demo data: a root organization and an admin, never a default password. */
class FirstAdminTests {

	private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

	private JdbcClient emptyDatabase() {
		DriverManagerDataSource ds = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;NON_KEYWORDS=YEAR,MONTH,DAY,VALUE,KEY;DB_CLOSE_DELAY=-1", "sa", "");
		Flyway.configure().dataSource(ds).locations("classpath:db/migration", "classpath:db/vendor/h2").load().migrate();
		return JdbcClient.create(ds);
	}

	private FirstAdmin firstAdmin(JdbcClient jdbc, String configuredPassword) {
		SecuritySettings settings = new SecuritySettings(5, Duration.ofMinutes(30), Duration.ofHours(8), 8, 3,
				configuredPassword, 20, Duration.ofMinutes(15));
		return new FirstAdmin(new AccountRepository(jdbc), new TreeRoot(jdbc, Clock.systemUTC()), encoder, new PasswordPolicy(settings), settings,
				Clock.systemUTC());
	}

	@Test
	void withoutAConfiguredPasswordTheAdminGetsAOneTimePasswordToChange() {
		JdbcClient jdbc = emptyDatabase();
		firstAdmin(jdbc, null).run(null);
		assertThat(jdbc.sql("select must_change_password from account where username = 'admin'").query(Boolean.class).single())
			.isTrue();
		String hash = jdbc.sql("select password_hash from account where username = 'admin'").query(String.class).single();
		assertThat(hash).startsWith("{bcrypt}");
		assertThat(encoder.matches("Demo@2026", hash)).isFalse();
		assertThat(jdbc.sql("select o.type from role_binding b join org o on o.id = b.org_id").query(String.class).single())
			.isEqualTo("COMMITTEE");
		assertThat(jdbc.sql("select path from org").query(String.class).single()).matches("/\\d+/");
	}

	@Test
	void aConfiguredPasswordIsUsedAndASecondStartChangesNothing() {
		JdbcClient jdbc = emptyDatabase();
		firstAdmin(jdbc, "Start#2026ok").run(null);
		firstAdmin(jdbc, "Other#2026ok").run(null);
		String hash = jdbc.sql("select password_hash from account where username = 'admin'").query(String.class).single();
		assertThat(encoder.matches("Start#2026ok", hash)).isTrue();
		assertThat(jdbc.sql("select count(*) from account").query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aConfiguredPasswordMustMeetThePolicy() {
		assertThatThrownBy(() -> firstAdmin(emptyDatabase(), "password").run(null))
			.isInstanceOf(InvalidValueException.class).hasMessageContaining("密码");
	}
}
