package org.quntuan.notification;

import jakarta.servlet.http.HttpServletRequest;

import org.quntuan.platform.CurrentUserProvider;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The unread count for the badge in every page's header. Counted only for full page views: not for
 * the API, form posts (which redirect) or htmx fragments.
 */
@ControllerAdvice(annotations = Controller.class)
class InboxBadge {

	private final Inbox inbox;

	private final CurrentUserProvider users;

	InboxBadge(Inbox inbox, CurrentUserProvider users) {
		this.inbox = inbox;
		this.users = users;
	}

	@ModelAttribute("inboxUnread")
	Long unread(HttpServletRequest request) {
		if (!"GET".equals(request.getMethod()) || request.getHeader("HX-Request") != null
				|| request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			return null;
		}
		return users.currentIfAny().map(user -> inbox.unreadOf(user.accountId())).orElse(null);
	}
}
