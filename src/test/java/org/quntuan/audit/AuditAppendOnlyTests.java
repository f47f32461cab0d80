package org.quntuan.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quntuan.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On PostgreSQL the database itself keeps the audit log append-only: no statement changes, removes or
 * empties an event, except the operator's retention purge of events past 180 days in a transaction
 * that declares it (README, "The audit log").
 */
@Tag("postgres-only")
class AuditAppendOnlyTests extends IntegrationTest {

	@Autowired
	PlatformTransactionManager transactions;

	private long event(OffsetDateTime at, String detail) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("insert into audit_event (occurred_at, type, actor, result, detail) values (:at, 'UPDATE', 'test', 'SUCCESS', :d)")
			.param("at", at).param("d", detail).update(keys, "id");
		return keys.getKey().longValue();
	}

	private boolean exists(long id) {
		return jdbc.sql("select count(*) from audit_event where id = :id").param("id", id).query(Long.class).single() == 1;
	}

	/** The purge as the README tells the operator to run it, on one event. */
	private int purge(long id) {
		return new TransactionTemplate(transactions).execute(s -> {
			jdbc.sql("set local quntuan.audit_purge = 'on'").update();
			return jdbc.sql("delete from audit_event where id = :id").param("id", id).update();
		});
	}

	private OffsetDateTime databaseNow() {
		return jdbc.sql("select now()").query(OffsetDateTime.class).single();
	}

	@Test
	void noStatementMayChangeOrRemoveAnEvent() {
		long id = event(databaseNow().minusDays(1), "昨天的事件");
		assertThatThrownBy(() -> jdbc.sql("update audit_event set detail = '改过' where id = :id").param("id", id).update())
			.hasMessageContaining("审计日志只能追加");
		assertThatThrownBy(() -> jdbc.sql("delete from audit_event where id = :id").param("id", id).update())
			.hasMessageContaining("审计日志只能追加");
		assertThatThrownBy(() -> jdbc.sql("truncate table audit_event").update()).hasMessageContaining("审计日志只能追加");
		assertThat(jdbc.sql("select detail from audit_event where id = :id").param("id", id).query(String.class).single())
			.isEqualTo("昨天的事件");
	}

	@Test
	void theDeclaredPurgeRemovesEventsPastTheRetentionPeriodOnly() {
		OffsetDateTime now = databaseNow();
		long old = event(now.minusDays(200), "两百天前的事件");
		long recent = event(now.minusDays(170), "一百七十天前的事件");
		// undeclared, even an old event stays
		assertThatThrownBy(() -> jdbc.sql("delete from audit_event where id = :id").param("id", old).update())
			.hasMessageContaining("审计日志只能追加");
		assertThat(exists(old)).isTrue();
		// declared: past 180 days it goes, within them it stays
		assertThat(purge(old)).isEqualTo(1);
		assertThat(exists(old)).isFalse();
		assertThatThrownBy(() -> purge(recent)).hasMessageContaining("审计日志只能追加");
		assertThat(exists(recent)).isTrue();
		// the declaration ends with its transaction: the next statement on the connection is refused again
		long another = event(now.minusDays(300), "三百天前的事件");
		assertThatThrownBy(() -> jdbc.sql("delete from audit_event where id = :id").param("id", another).update())
			.hasMessageContaining("审计日志只能追加");
	}
}
