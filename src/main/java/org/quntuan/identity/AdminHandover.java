package org.quntuan.identity;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.organization.LeadershipTeamReplaced;
import org.quntuan.platform.Role;
import org.quntuan.platform.Texts;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * When a newly elected team takes office, the org admin role at that org passes to the new chair's
 * account; the previous chair keeps it only while still on the team. Other holders of the role at
 * the org (an office clerk, say) keep theirs. Runs inside the approving transaction, so the team and
 * the role change commit together. If the new chair has no enabled account, nothing is taken away
 * and the log says that the handover is outstanding.
 */
@Component
class AdminHandover {

	record Holder(long accountId, String username) {
	}

	private final Clock clock;

	private final AccountRepository accounts;

	private final AuditLog audit;

	AdminHandover(AccountRepository accounts, AuditLog audit, Clock clock) {
		this.clock = clock;
		this.accounts = accounts;
		this.audit = audit;
	}

	@EventListener
	@Transactional
	public void on(LeadershipTeamReplaced replaced) {
		String role = Role.ORG_ADMIN.name();
		Optional<Holder> newChair = accountOf(replaced.newChairPersonId());
		if (newChair.isEmpty()) {
			audit.record(AuditType.UPDATE, "ROLE_BINDING", replaced.orgId(), AuditLog.FAILURE,
					Texts.chinese("identity.handover.audit.no-account", replaced.orgName()), replaced.orgPath());
			return;
		}
		Holder chair = newChair.get();
		if (!holds(chair.accountId(), replaced.orgId())) {
			accounts.bind(chair.accountId(), role, replaced.orgId(),
					replaced.replacedAt() == null ? OffsetDateTime.now(clock) : replaced.replacedAt());
			audit.record(AuditType.UPDATE, "ACCOUNT", chair.accountId(), AuditLog.SUCCESS,
					Texts.chinese("identity.handover.audit.granted", chair.username(), replaced.orgName()),
					replaced.orgPath());
		}
		Long previous = replaced.previousChairPersonId();
		if (previous == null || previous == replaced.newChairPersonId() || replaced.previousChairStillOnTeam()) {
			return;
		}
		accountOf(previous).filter(h -> holds(h.accountId(), replaced.orgId())).ifPresent(old -> {
			accounts.unbind(old.accountId(), role, replaced.orgId());
			audit.record(AuditType.UPDATE, "ACCOUNT", old.accountId(), AuditLog.SUCCESS,
					Texts.chinese("identity.handover.audit.revoked", old.username(), replaced.orgName()),
					replaced.orgPath());
		});
	}

	private Optional<Holder> accountOf(long personId) {
		return accounts.enabledHoldersOf(personId).stream().findFirst();
	}

	private boolean holds(long accountId, long orgId) {
		return accounts.holds(accountId, Role.ORG_ADMIN.name(), orgId);
	}
}
