package org.quntuan.notification;

import java.time.Duration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The gauge {@code quntuan.notifications.pending} (Prometheus: {@code quntuan_notifications_pending}):
 * deliveries by e-mail, SMS or WeChat not sent yet. A number that keeps growing means a channel is
 * down. Counted when scraped, at most every {@link #MAX_AGE}, on a partial index.
 */
@Component
class PendingDeliveries {

	static final Duration MAX_AGE = Duration.ofSeconds(15);

	private final JdbcClient jdbc;

	private volatile long countedAt = Long.MIN_VALUE;

	private volatile double count = Double.NaN;

	PendingDeliveries(JdbcClient jdbc, MeterRegistry registry) {
		this.jdbc = jdbc;
		Gauge.builder("quntuan.notifications.pending", this, PendingDeliveries::count)
			.description("Notifications waiting to be sent on a channel other than the inbox")
			.strongReference(true)
			.register(registry);
	}

	double count() {
		long now = System.nanoTime();
		if (countedAt != Long.MIN_VALUE && now - countedAt < MAX_AGE.toNanos()) {
			return count;
		}
		try {
			count = jdbc.sql("select count(*) from notification where status = :pending")
				.param("pending", DeliveryStatus.PENDING.name())
				.query(Long.class)
				.single();
		}
		catch (DataAccessException ex) {
			count = Double.NaN;
		}
		countedAt = now;
		return count;
	}
}
