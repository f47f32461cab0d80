package org.quntuan.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.CurrentUserProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

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

	AuditLog(JdbcClient jdbc, ObjectProvider<CurrentUserProvider> users) {
		this.jdbc = jdbc;
		this.users = users;
	}

	/** Records an action of the current user inside the caller's transaction: undone with it. */
	@Transactional(propagation = Propagation.REQUIRED)
	public void record(AuditType type, String objectType, Object objectId, String result, String detail) {
		Optional<CurrentUser> user = users.getObject().currentIfAny();
		insert(type, user.map(CurrentUser::accountId).orElse(null), user.map(CurrentUser::username).orElse(null),
				objectType, objectId, result, detail);
	}

	/** Records an event that must stay even if the surrounding work is rolled back. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordIndependently(AuditType type, Long accountId, String actor, String objectType, Object objectId,
			String result, String detail) {
		if (accountId == null && actor == null) {
			Optional<CurrentUser> user = users.getObject().currentIfAny();
			accountId = user.map(CurrentUser::accountId).orElse(null);
			actor = user.map(CurrentUser::username).orElse(null);
		}
		insert(type, accountId, actor, objectType, objectId, result, detail);
	}

	private void insert(AuditType type, Long accountId, String actor, String objectType, Object objectId, String result,
			String detail) {
		jdbc.sql("""
				insert into audit_event (occurred_at, type, account_id, actor, ip, object_type, object_id, result, detail)
				values (:at, :type, :account, :actor, :ip, :objectType, :objectId, :result, :detail)""")
			.param("at", OffsetDateTime.now(ZoneOffset.UTC))
			.param("type", type.name())
			.param("account", accountId)
			.param("actor", truncate(actor, 100))
			.param("ip", clientAddress())
			.param("objectType", objectType)
			.param("objectId", objectId == null ? null : truncate(objectId.toString(), 64))
			.param("result", result)
			.param("detail", truncate(detail, 1000))
			.update();
	}

	private static String clientAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
			HttpServletRequest request = attrs.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

	private static String truncate(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max);
	}
}
