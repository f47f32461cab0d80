package org.quntuan.platform.web;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The address of the current request's client, for the audit log and consent records. */
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
