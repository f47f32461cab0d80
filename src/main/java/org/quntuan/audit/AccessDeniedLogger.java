package org.quntuan.audit;

import org.quntuan.platform.AccessDenied;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Writes every refused request to the audit log, outside the refused request's transaction. */
@Component
class AccessDeniedLogger {

	private final AuditLog audit;

	AccessDeniedLogger(AuditLog audit) {
		this.audit = audit;
	}

	@EventListener
	void on(AccessDenied event) {
		audit.recordIndependently(AuditType.ACCESS_DENIED, null, null, "REQUEST", event.method() + " " + event.path(),
				AuditLog.DENIED, event.status() + " " + event.reason());
	}
}
