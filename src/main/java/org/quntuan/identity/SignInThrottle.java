package org.quntuan.identity;

import java.time.Clock;
import java.time.OffsetDateTime;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The limit per client address: at most {@code quntuan.security.max-failures-per-address} failed
 * sign-ins from one address in {@code quntuan.security.address-window}, whatever accounts they name,
 * so that guesses spread over many accounts (each below its own lock) are stopped too.
 * <p>
 * Like the account's lock it reserves before the password is checked ({@link #tryAcquire}), in one
 * conditional update per address that commits at once, so parallel requests cannot all slip under the
 * limit; a sign-in that succeeds gives its reservation back. The counts live in the database
 * ({@code sign_in_address}), so the limit holds once across every node behind the load balancer.
 */
@Component
class SignInThrottle {

	private final SecuritySettings settings;

	private final Clock clock;

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	SignInThrottle(SecuritySettings settings, Clock clock, JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.settings = settings;
		this.clock = clock;
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Takes one attempt for the address; false when its failures have used up the window. */
	boolean tryAcquire(String address) {
		if (address == null) {
			return true; // not a web request
		}
		OffsetDateTime now = OffsetDateTime.now(clock);
		OffsetDateTime expired = now.minus(settings.addressWindow());
		Integer taken = ownTransaction.execute(tx -> {
			jdbc.sql("insert into sign_in_address (address, window_start, used) values (:a, :now, 0) on conflict do nothing")
				.param("a", address).param("now", now).update();
			// one statement: the row lock orders parallel attempts, each sees the count the one before left
			return jdbc.sql("""
					update sign_in_address
					   set used = case when window_start <= :expired then 1 else used + 1 end,
					       window_start = case when window_start <= :expired then :now else window_start end
					 where address = :a and (window_start <= :expired or used < :max)""")
				.param("a", address).param("now", now).param("expired", expired)
				.param("max", settings.maxFailuresPerAddress()).update();
		});
		return taken != null && taken == 1;
	}

	/** A right password: its attempt does not count against the address. */
	void succeeded(String address) {
		if (address != null) {
			ownTransaction.executeWithoutResult(tx -> jdbc
				.sql("update sign_in_address set used = used - 1 where address = :a and used > 0")
				.param("a", address).update());
		}
	}

	/** Failed attempts counted for an address in its current window. */
	int used(String address) {
		OffsetDateTime expired = OffsetDateTime.now(clock).minus(settings.addressWindow());
		return jdbc.sql("select used from sign_in_address where address = :a and window_start > :expired")
			.param("a", address).param("expired", expired).query(Integer.class).optional().orElse(0);
	}

	/** Windows that have ended are forgotten (hourly, on one node). */
	@Scheduled(cron = "${quntuan.jobs.sign-in-address-cleanup:0 17 * * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "sign-in-address-cleanup")
	public Integer forgetEndedWindows() {
		return jdbc.sql("delete from sign_in_address where window_start <= :expired")
			.param("expired", OffsetDateTime.now(clock).minus(settings.addressWindow())).update();
	}
}
