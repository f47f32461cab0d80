package org.quntuan.notice;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.identity.RoleHolders;
import org.quntuan.notice.collections.CollectionAccess;
import org.quntuan.notice.collections.CollectionLatePolicy;
import org.quntuan.notice.collections.CollectionRepository;
import org.quntuan.notice.collections.CollectionTask;
import org.quntuan.notice.collections.CollectionTasks;
import org.quntuan.notice.forms.FormAccess;
import org.quntuan.notice.forms.FormExport;
import org.quntuan.notice.forms.FormRepository;
import org.quntuan.notice.forms.FormResponseStatus;
import org.quntuan.notice.shared.CollectionText;
import org.quntuan.notification.NotificationRequest;
import org.quntuan.notification.Notifications;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.Role;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 催报: the sender reminds the target units that have not submitted a collection task or a form, as
 * notices (催阅) and annual reports already allow. The event key holds the business date, so a unit's
 * admins hear it at most once a day however often the button is pressed; a unit that was returned
 * counts as not submitted. Each press is written to the audit log with the number of units.
 */
@Service
@Transactional
class SubmissionReminders {

	private final CollectionAccess collections;

	private final CollectionRepository collectionRows;

	private final CollectionTasks collectionTasks;

	private final FormAccess forms;

	private final FormRepository formRows;

	private final RoleHolders holders;

	private final Notifications notifications;

	private final CurrentUserProvider users;

	private final AuditLog audit;

	private final Clock clock;

	SubmissionReminders(CollectionAccess collections, CollectionRepository collectionRows, CollectionTasks collectionTasks,
			FormAccess forms, FormRepository formRows, RoleHolders holders, Notifications notifications, CurrentUserProvider users,
			AuditLog audit, Clock clock) {
		this.collections = collections;
		this.collectionRows = collectionRows;
		this.collectionTasks = collectionTasks;
		this.forms = forms;
		this.formRows = formRows;
		this.holders = holders;
		this.notifications = notifications;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
	}

	/** Returns the number of units reminded (those without a submission or with a returned one). */
	int collection(long id) {
		CollectionTask task = collections.managed(users.current(), id);
		if (task.latePolicy() == CollectionLatePolicy.REFUSE_LATE && OffsetDateTime.now(clock).isAfter(task.deadline())) {
			throw new BusinessRuleException("notice.reminder.error.closed");
		}
		List<Long> units = collectionRows.targetsToRemind(id);
		collectionTasks.notify("collection-" + id + "-urge-" + today(), "collection-urge", units, id, task.title(),
				CollectionText.time(task.deadline()));
		audit.record(AuditType.UPDATE, "COLLECTION", id, AuditLog.SUCCESS,
				Texts.chinese("notice.reminder.audit.sent", task.title(), units.size()), task.senderOrgPath());
		return units.size();
	}

	/** Returns the number of units reminded (those that have not submitted, returned ones included). */
	int form(long id) {
		FormRepository.FormRow form = forms.form(id);
		if (!forms.isSender(form)) {
			throw new ForbiddenException("notice.reminder.error.not-sender");
		}
		List<Long> units = formRows.responses(id).stream().filter(r -> r.status() != FormResponseStatus.SUBMITTED)
			.map(FormRepository.ResponseRow::orgId).toList();
		Set<Long> accounts = new LinkedHashSet<>();
		holders.accountsWithRole(Role.ORG_ADMIN, units).values().forEach(accounts::addAll);
		if (!accounts.isEmpty()) {
			notifications.send(NotificationRequest.of("form-" + id + "-urge-" + today(), "form-urge", accounts,
					form.title(), FormExport.time(form.deadline())).withLink("/forms/" + id));
		}
		audit.record(AuditType.UPDATE, "STAT_FORM", id, AuditLog.SUCCESS,
				Texts.chinese("notice.reminder.audit.sent", form.title(), units.size()), form.senderOrgPath());
		return units.size();
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.BUSINESS));
	}
}
