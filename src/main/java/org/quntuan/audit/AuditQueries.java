package org.quntuan.audit;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** What other modules read of the audit log: an account's own sign-ins, for 我的. */
@Service
public class AuditQueries {

	public record AuditEntry(long id, OffsetDateTime occurredAt, AuditType type, Long accountId, String actor,
			String ip, String objectType, String objectId, String result, String detail) {
	}

	private final JdbcClient jdbc;

	AuditQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The account's own sign-ins and failed attempts, newest first. */
	public List<AuditEntry> signInsOf(long accountId, int limit) {
		return jdbc.sql("""
				select * from audit_event
				where account_id = :a and type in ('LOGIN_SUCCESS', 'LOGIN_FAILURE')
				order by id desc fetch first :limit rows only""")
			.param("a", accountId).param("limit", limit)
			.query((rs, i) -> new AuditEntry(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class),
					AuditType.valueOf(rs.getString("type")), rs.getObject("account_id", Long.class), rs.getString("actor"),
					rs.getString("ip"), rs.getString("object_type"), rs.getString("object_id"), rs.getString("result"),
					rs.getString("detail")))
			.list();
	}
}
