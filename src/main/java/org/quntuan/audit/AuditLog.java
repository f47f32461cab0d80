package org.quntuan.audit;

import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.web.ClientAddress;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the audit log: who, when (UTC), from which address, what, result. There is no method
 * that changes or removes an entry.
 */
@Service
public class AuditLog {

	public static final String SUCCESS = "SUCCESS";

	public static final String FAILURE = "FAILURE";

	public static final String DENIED = "DENIED";

	private final JdbcClient jdbc;

	private final ObjectProvider<CurrentUserProvider> users;

	private final Clock clock;

	AuditLog(JdbcClient jdbc, ObjectProvider<CurrentUserProvider> users, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.users = users;
	}

	/** Records an action of the current user inside the caller's transaction: undone with it. */
	@Transactional(propagation = Propagation.REQUIRED)
	public void record(AuditType type, String objectType, Object objectId, String result, String detail) {
		record(type, objectType, objectId, result, detail, null);
	}

	/**
	 * @param orgPath the materialized path of the organization the event concerns, as it is now (a
	 * snapshot): org admins see the events below their grants
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public void record(AuditType type, String objectType, Object objectId, String result, String detail,
			String orgPath) {
		Optional<CurrentUser> user = users.getObject().currentIfAny();
		insert(type, user.map(CurrentUser::accountId).orElse(null), user.map(CurrentUser::username).orElse(null),
				objectType, objectId, result, detail, orgPath);
	}

	/** Records an event that must stay even if the surrounding work is rolled back. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordIndependently(AuditType type, Long accountId, String actor, String objectType, Object objectId,
			String result, String detail) {
		recordIndependently(type, accountId, actor, objectType, objectId, result, detail, null);
	}

	/** As above, with the path of the organization the event concerns (see {@link #record}). */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordIndependently(AuditType type, Long accountId, String actor, String objectType, Object objectId,
			String result, String detail, String orgPath) {
		if (accountId == null && actor == null) {
			Optional<CurrentUser> user = users.getObject().currentIfAny();
			accountId = user.map(CurrentUser::accountId).orElse(null);
			actor = user.map(CurrentUser::username).orElse(null);
		}
		insert(type, accountId, actor, objectType, objectId, result, detail, orgPath);
	}

	private void insert(AuditType type, Long accountId, String actor, String objectType, Object objectId, String result,
			String detail, String orgPath) {
		jdbc.sql("""
				insert into audit_event (occurred_at, type, account_id, actor, ip, object_type, object_id, result, detail,
				  org_path)
				values (:at, :type, :account, :actor, :ip, :objectType, :objectId, :result, :detail, :orgPath)""")
			.param("at", OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)))
			.param("type", type.name())
			.param("account", accountId)
			.param("actor", truncate(actor, 100))
			.param("ip", ClientAddress.current())
			.param("objectType", objectType)
			.param("objectId", objectId == null ? null : truncate(objectId.toString(), 64))
			.param("result", result)
			.param("detail", truncate(detail, 1000))
			.param("orgPath", orgPath != null && orgPath.length() <= 400 ? orgPath : null, Types.VARCHAR)
			.update();
	}

	/**
	 * Cut to the column, control characters made visible: what users typed (a sign-in name) goes in
	 * as it was, but PostgreSQL refuses a NUL and the log must never fail.
	 */
	private static String truncate(String s, int max) {
		if (s == null) {
			return null;
		}
		StringBuilder sb = new StringBuilder(Math.min(s.length(), max));
		for (int i = 0; i < s.length() && sb.length() < max; i++) {
			char c = s.charAt(i);
			sb.append(Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r' ? '\uFFFD' : c);
		}
		return sb.toString();
	}
}
