package org.quntuan.platform.web;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The address of the current request's client, for the audit log and consent records. Behind a
 * trusted proxy Tomcat's RemoteIpValve has already put the browser's address from X-Forwarded-For
 * here ({@code server.forward-headers-strategy=native}); headers from anyone else never count.
 */
public final class ClientAddress {

	private ClientAddress() {
	}

	/** Null outside a web request (a scheduled job, a test calling a service). */
	public static String current() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
			return attrs.getRequest().getRemoteAddr();
		}
		return null;
	}
}
