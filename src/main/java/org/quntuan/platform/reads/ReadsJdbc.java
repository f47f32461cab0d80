package org.quntuan.platform.reads;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where heavy reads go: the 收支情况表, the boards (片组 ranking, re-election, collection and form
 * status, form aggregate, funds audits, information-report ranking) and the exports (people, journal,
 * statement, boards, forms, dues sheet, arrears, income, budgets, expenses, audit log, information
 * reports, club members, registrants; README, "Reads on a standby"). With
 * {@code quntuan.reads.url} set, a pool of read-only connections to the standby; without it the
 * primary's own {@link JdbcClient} and {@link DataSource}, so nothing changes.
 * <p>
 * Only reads that may lag the primary by the replication delay belong here: a board or an export
 * shows what was committed a moment ago. What a transaction reads after writing (a ranking shown
 * right after it is computed), checks that guard a write, and the audit rows an export writes stay on
 * the primary. Standby statements are outside the primary's transaction: auto-commit is off (so
 * PostgreSQL honours a fetch size and streams a large export through a cursor), a connection taken
 * inside a primary transaction is held until that ends, and the pool rolls back whatever a returned
 * connection still has open.
 * <p>
 * Not a {@code JdbcClient} or {@code DataSource} bean of its own: a second one would switch off Spring
 * Boot's auto-configured primary ones.
 */
@Component
@EnableConfigurationProperties(ReadsSettings.class)
public class ReadsJdbc implements DisposableBean {

	private final HikariDataSource standby;

	private final DataSource dataSource;

	private final JdbcClient client;

	ReadsJdbc(ReadsSettings settings, DataSource primary, JdbcClient primaryClient, ObjectProvider<MeterRegistry> meters) {
		if (settings.configured()) {
			standby = new HikariDataSource();
			standby.setPoolName("quntuan-reads");
			standby.setJdbcUrl(settings.url());
			standby.setUsername(settings.username());
			standby.setPassword(settings.password());
			standby.setMaximumPoolSize(settings.maxPoolSize());
			standby.setMinimumIdle(0);
			standby.setReadOnly(true);
			standby.setAutoCommit(false);
			// hikaricp_connections_*{pool="quntuan-reads"} beside the primary's pool
			meters.ifAvailable(registry -> standby.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry)));
			dataSource = standby;
			client = JdbcClient.create(standby);
		}
		else {
			standby = null;
			dataSource = primary;
			client = primaryClient;
		}
	}

	/** The standby's client when one is configured, otherwise the primary's. */
	public JdbcClient client() {
		return client;
	}

	/** For a template of its own (a fetch size for streaming); the standby's or the primary's. */
	public DataSource dataSource() {
		return dataSource;
	}

	/** Whether reads go to a standby. */
	public boolean standby() {
		return standby != null;
	}

	@Override
	public void destroy() {
		if (standby != null) {
			standby.close();
		}
	}
}
