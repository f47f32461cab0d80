package org.quntuan.finance.audits;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

import org.quntuan.identity.RoleHolders;
import org.quntuan.notification.NotificationRequest;
import org.quntuan.notification.Notifications;
import org.quntuan.organization.OrgSummary;
import org.quntuan.platform.Role;
import org.springframework.stereotype.Component;

/**
 * Tells the audited union's keepers of a finding and of a response sent back, and the auditor of a
 * response. Sent inside the command's transaction: nobody hears of a finding that was not saved.
 */
@Component
class FundsAuditNotifications {

	private final Notifications notifications;

	private final RoleHolders holders;

	FundsAuditNotifications(Notifications notifications, RoleHolders holders) {
		this.notifications = notifications;
		this.holders = holders;
	}

	void findingRaised(FundsAuditAccess.Ref audit, long findingId, FindingSeverity severity, LocalDate deadline,
			String description) {
		send("finance-audit-finding-" + findingId, "finance-audit-finding", keepers(audit.book()), audit,
				audit.book().name(), String.valueOf(audit.year()), severity.label(), deadline.toString(), brief(description));
	}

	void returned(FundsAuditAccess.Ref audit, long findingId, long stepId, LocalDate deadline, String reason) {
		send("finance-audit-returned-" + findingId + "-" + stepId, "finance-audit-returned", keepers(audit.book()), audit,
				audit.book().name(), String.valueOf(audit.year()), brief(reason), deadline.toString());
	}

	void responded(FundsAuditAccess.Ref audit, long findingId, long stepId, String response) {
		if (audit.auditorAccountId() == null) {
			return;
		}
		send("finance-audit-responded-" + findingId + "-" + stepId, "finance-audit-responded",
				Set.of(audit.auditorAccountId()), audit, audit.book().name(), String.valueOf(audit.year()), brief(response));
	}

	private void send(String eventKey, String template, Set<Long> to, FundsAuditAccess.Ref audit, Object... args) {
		if (to.isEmpty()) {
			return;
		}
		notifications.send(NotificationRequest.of(eventKey, template, to, args).withLink("/finance/audits/" + audit.id()));
	}

	/** The union's (or group's) own org admins and finance officers. */
	private Set<Long> keepers(OrgSummary book) {
		Set<Long> ids = new LinkedHashSet<>(holders.accountsWithRole(Role.ORG_ADMIN, book.id()));
		ids.addAll(holders.accountsWithRole(Role.FINANCE_OFFICER, book.id()));
		return ids;
	}

	private static String brief(String text) {
		return text.length() <= 100 ? text : text.substring(0, 99) + "…";
	}
}
