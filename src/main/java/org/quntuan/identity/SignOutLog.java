package org.quntuan.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;

/**
 * Writes 退出登录 when a page session signs out, under the same organization as its sign-in, so a
 * session's end is in the log next to its start. A sign-out without a session (already expired) has
 * nobody to name and writes nothing. The API has no sign-out: its tokens expire.
 */
@Component
class SignOutLog implements LogoutHandler {

	private final AuditLog audit;

	private final SignInOrgPath orgPath;

	SignOutLog(AuditLog audit, SignInOrgPath orgPath) {
		this.audit = audit;
		this.orgPath = orgPath;
	}

	@Override
	public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
		if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal p) {
			audit.recordIndependently(AuditType.LOGOUT, p.accountId(), p.username(), "ACCOUNT", p.accountId(),
					AuditLog.SUCCESS, null, orgPath.ofAccount(p.accountId()));
		}
	}
}
