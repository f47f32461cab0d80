package org.quntuan.approval;

import jakarta.servlet.http.HttpServletRequest;

import org.quntuan.platform.CurrentUserProvider;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The number of items waiting for the caller, for the header; full page views only. */
@ControllerAdvice(annotations = Controller.class)
class ApprovalBadge {

	private final ApprovalQueries queries;

	private final CurrentUserProvider users;

	ApprovalBadge(ApprovalQueries queries, CurrentUserProvider users) {
		this.queries = queries;
		this.users = users;
	}

	@ModelAttribute("approvalsPending")
	Long pending(HttpServletRequest request) {
		if (!"GET".equals(request.getMethod()) || request.getHeader("HX-Request") != null
				|| request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			return null;
		}
		return users.currentIfAny().map(user -> queries.pendingCount(user.accountId())).orElse(null);
	}
}
