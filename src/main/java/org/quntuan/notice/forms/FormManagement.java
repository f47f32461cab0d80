package org.quntuan.notice.forms;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.identity.RoleHolders;
import org.quntuan.notification.NotificationRequest;
import org.quntuan.notification.Notifications;
import org.quntuan.organization.OrgSummary;
import org.quntuan.organization.OrgType;
import org.quntuan.organization.OrganizationQueries;
import org.quntuan.organization.TargetOrgs;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.ConflictException;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.Role;
import org.quntuan.platform.ScopeGrant;
import org.quntuan.platform.TextInput;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Versions;
import org.quntuan.platform.Zones;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Defining and sending statistical forms, filling them in, returning them for correction. */
@Service
@Transactional
class FormManagement {

	static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

	private static final List<FormResponseStatus> EDITABLE = List.of(FormResponseStatus.NOT_STARTED,
			FormResponseStatus.DRAFT, FormResponseStatus.RETURNED);

	private final FormRepository forms;

	private final FormAccess access;

	private final RoleHolders holders;

	private final TargetOrgs targetOrgs;

	private final OrganizationQueries orgs;

	private final Notifications notifications;

	private final CurrentUserProvider users;

	private final Clock clock;

	private final AuditLog audit;

	FormManagement(FormRepository forms, FormAccess access, RoleHolders holders, TargetOrgs targetOrgs, OrganizationQueries orgs,
			Notifications notifications, CurrentUserProvider users, Clock clock, AuditLog audit) {
		this.audit = audit;
		this.forms = forms;
		this.access = access;
		this.holders = holders;
		this.targetOrgs = targetOrgs;
		this.orgs = orgs;
		this.notifications = notifications;
		this.users = users;
		this.clock = clock;
	}

	/** Creates the form and one NOT_STARTED response per target org; tells the targets' admins. */
	long create(FormInput input) {
		CurrentUser user = users.current();
		if (!user.scope().isAdmin()) {
			throw new ForbiddenException("notice.form.error.create-not-admin");
		}
		if (input == null) {
			throw new InvalidValueException("notice.form.error.input-required");
		}
		OffsetDateTime now = OffsetDateTime.now(clock);
		String title = FormRules.title(input.title());
		String instructions = FormRules.instructions(input.instructions());
		FormRules.deadline(input.deadline(), now);
		List<FormField> fields = FormRules.fields(input.fields());
		if (input.targets() == null) {
			throw new InvalidValueException("targets", "notice.common.error.targets-required");
		}
		List<OrgSummary> recipients = targetOrgs.recipients(input.targets());
		if (recipients.isEmpty()) {
			throw new BusinessRuleException("notice.form.error.no-targets");
		}
		ScopeGrant sender = senderGrant(user, recipients);
		long id = forms.insertForm(title, instructions, input.deadline(), sender.orgId(), user.accountId(), now);
		forms.insertFields(id, fields);
		Map<Long, Long> groups = groupsOf(recipients);
		forms.insertResponses(id, recipients.stream()
			.map(o -> new FormRepository.Target(o.id(), groups.get(o.id()))).toList());
		notifyTargets(id, title, input.deadline(), recipients.stream().map(OrgSummary::id).toList());
		audit.record(AuditType.PUBLISH, "FORM", id, AuditLog.SUCCESS,
				Texts.chinese("notice.form.audit.sent", title, fields.size(), recipients.size()), sender.orgPath());
		return id;
	}

	/** Saves a draft or submits; the values are checked field by field, a submission needs every required one. */
	void save(long formId, long orgId, Map<Long, String> values, boolean submit, Integer version) {
		FormRepository.FormRow form = access.form(formId);
		FormRepository.ResponseRow response = access.fillable(form, orgId);
		if (response.status() == FormResponseStatus.SUBMITTED) {
			throw new BusinessRuleException("notice.form.error.submitted", form.senderOrgName());
		}
		Map<Long, FormRules.Value> checked = FormRules.values(forms.fields(formId), values, submit);
		int expected = Versions.required(version);
		FormResponseStatus to = submit ? FormResponseStatus.SUBMITTED
				: response.status() == FormResponseStatus.RETURNED ? FormResponseStatus.RETURNED : FormResponseStatus.DRAFT;
		if (!forms.changeStatus(response.id(), expected, EDITABLE, to, null, users.current().accountId(),
				OffsetDateTime.now(clock))) {
			FormResponseStatus now = forms.response(formId, orgId).map(FormRepository.ResponseRow::status).orElse(null);
			throw new ConflictException(now == FormResponseStatus.SUBMITTED ? "notice.form.error.already-submitted"
					: "notice.form.error.stale");
		}
		forms.replaceValues(response.id(), checked);
		audit.record(AuditType.UPDATE, "FORM", formId, AuditLog.SUCCESS,
				Texts.chinese(submit ? "notice.form.audit.submitted" : "notice.form.audit.draft-saved", form.title(),
						response.orgName()),
				response.orgPath());
	}

	/** The sender sends a submitted response back with a reason; the org corrects and submits again. */
	void returnForCorrection(long formId, long orgId, String reason, Integer version) {
		FormRepository.FormRow form = access.form(formId);
		access.requireSender(form);
		FormRepository.ResponseRow response = forms.response(formId, orgId)
			.orElseThrow(() -> new NotFoundException("notice.form.error.not-target"));
		String why = TextInput.normalize(reason);
		if (why == null || why.isEmpty()) {
			throw new InvalidValueException("reason", "notice.common.error.return-reason-required");
		}
		if (why.length() > 500) {
			throw new InvalidValueException("reason", "notice.form.error.reason-too-long");
		}
		if (response.status() != FormResponseStatus.SUBMITTED) {
			throw new BusinessRuleException("notice.form.error.return-not-submitted");
		}
		int expected = Versions.required(version);
		if (!forms.changeStatus(response.id(), expected, List.of(FormResponseStatus.SUBMITTED),
				FormResponseStatus.RETURNED, why, null, OffsetDateTime.now(clock))) {
			throw new ConflictException("notice.form.error.status-changed");
		}
		List<Long> admins = holders.accountsWithRole(Role.ORG_ADMIN, orgId);
		if (!admins.isEmpty()) {
			notifications.send(NotificationRequest.of("form-" + formId + "-return-" + response.id() + "-v" + expected,
					"form-returned", admins, form.title(), why).withLink("/forms/" + formId + "/responses/" + orgId));
		}
		audit.record(AuditType.DECIDE, "FORM", formId, AuditLog.SUCCESS,
				Texts.chinese("notice.form.audit.returned", response.orgName(), form.title(), why), response.orgPath());
	}

	private void notifyTargets(long id, String title, OffsetDateTime deadline, List<Long> orgIds) {
		Set<Long> accounts = new HashSet<>();
		holders.accountsWithRole(Role.ORG_ADMIN, orgIds).values().forEach(accounts::addAll);
		if (!accounts.isEmpty()) {
			notifications.send(NotificationRequest.of("form-" + id + "-sent", "form-sent", accounts, title,
					deadline.atZoneSameInstant(Zones.BUSINESS).format(DEADLINE)).withLink("/forms"));
		}
	}

	/** The most specific of the caller's admin grants that covers every recipient (else the widest). */
	private static ScopeGrant senderGrant(CurrentUser user, List<OrgSummary> recipients) {
		List<ScopeGrant> grants = new ArrayList<>(user.scope().adminGrants());
		grants.sort(Comparator.comparing((ScopeGrant g) -> g.orgPath().length()).reversed());
		for (ScopeGrant g : grants) {
			if (recipients.stream().allMatch(o -> o.path().startsWith(g.orgPath()))) {
				return g;
			}
		}
		return grants.get(grants.size() - 1);
	}

	/** org id → the id of the 片组 above it (null above the groups). */
	private Map<Long, Long> groupsOf(List<OrgSummary> recipients) {
		Set<Long> ancestors = new HashSet<>();
		for (OrgSummary o : recipients) {
			ancestors.addAll(pathIds(o.path()));
		}
		Set<Long> groupIds = new HashSet<>();
		orgs.findAll(ancestors).stream().filter(o -> o.type() == OrgType.GROUP).forEach(g -> groupIds.add(g.id()));
		Map<Long, Long> result = new HashMap<>();
		for (OrgSummary o : recipients) {
			pathIds(o.path()).stream().filter(groupIds::contains).findFirst().ifPresent(g -> result.put(o.id(), g));
		}
		return result;
	}

	static List<Long> pathIds(String path) {
		List<Long> ids = new ArrayList<>();
		for (String part : path.split("/")) {
			if (!part.isEmpty()) {
				ids.add(Long.valueOf(part));
			}
		}
		return ids;
	}
}
