package org.quntuan.volunteer;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.identity.PersonAccounts;
import org.quntuan.notification.Channel;
import org.quntuan.notification.NotificationRequest;
import org.quntuan.notification.Notifications;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.ConflictException;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.Text;
import org.quntuan.platform.TextInput;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registration of volunteers: the person registers with their skills, service areas and available times
 * and consents to the volunteer rules; an admin of their organ's union (or above) approves, which gives
 * the volunteer number (year and sequence, kept for life) and the organ's team, or rejects with a reason.
 * The person may leave and register again; every step is kept in the history and the audit log.
 */
@Service
@Transactional
@EnableConfigurationProperties(VolunteerSettings.class)
class VolunteerRegistrations {

	static final String OWNER = "VOLUNTEER";

	static final int MAX_TEXT = 500;

	record Registered(long id, boolean created) {
	}

	private final VolunteerRepository repository;

	private final VolunteerAccess access;

	private final PersonAccounts accounts;

	private final Notifications notifications;

	private final AuditLog audit;

	private final Clock clock;

	VolunteerRegistrations(VolunteerRepository repository, VolunteerAccess access, PersonAccounts accounts,
			Notifications notifications, AuditLog audit, Clock clock) {
		this.repository = repository;
		this.access = access;
		this.accounts = accounts;
		this.notifications = notifications;
		this.audit = audit;
		this.clock = clock;
	}

	/** The caller registers; a standing registration (pending or approved) is answered as it is. */
	Registered register(VolunteerViews.RegistrationInput input) {
		CurrentUser user = access.user();
		if (user.personId() == null) {
			throw new BusinessRuleException("volunteer.error.no-person");
		}
		VolunteerRepository.Fields fields = check(input);
		OffsetDateTime now = OffsetDateTime.now(clock);
		var existing = repository.lockOfPerson(user.personId());
		if (existing.isPresent()) {
			VolunteerRepository.Row row = existing.get();
			if (row.status().standing()) {
				return new Registered(row.id(), false);
			}
			repository.reregister(row.id(), fields, now);
			repository.event(row.id(), "REJOINED", null, user.accountId(), user.displayName(), now);
			audit.record(AuditType.UPDATE, OWNER, row.id(), AuditLog.SUCCESS,
					Texts.chinese("volunteer.audit.rejoined", row.name()), row.orgPath());
			return new Registered(row.id(), true);
		}
		long id;
		try {
			id = repository.insert(user.personId(), fields, now);
		}
		catch (DuplicateKeyException ex) {
			// the same person registered twice at once: the other request's registration stands
			throw new ConflictException("volunteer.error.registered-meanwhile");
		}
		repository.event(id, "REGISTERED", null, user.accountId(), user.displayName(), now);
		VolunteerRepository.Row row = repository.find(id).orElseThrow();
		audit.record(AuditType.CREATE, OWNER, id, AuditLog.SUCCESS, Texts.chinese("volunteer.audit.registered", row.name()),
				row.orgPath());
		return new Registered(id, true);
	}

	/** Approves (number and team) or rejects (with a reason) a pending registration; the person is told. */
	void decide(long id, VolunteerViews.Decision decision) {
		VolunteerRepository.Row row = repository.lock(id).orElseThrow(NotFoundException::new);
		access.requireChecker(row.personId(), "volunteer.error.own-registration");
		if (decision == null || decision.approve() == null) {
			throw new InvalidValueException("approve", "volunteer.error.no-decision");
		}
		String reason = TextInput.text("reason", decision.reason());
		if (!decision.approve() && reason == null) {
			throw new InvalidValueException("reason", "volunteer.error.no-reason");
		}
		if (reason != null && reason.length() > MAX_TEXT) {
			throw new InvalidValueException("reason", Text.of("volunteer.error.too-long", MAX_TEXT));
		}
		if (row.status() != VolunteerStatus.PENDING) {
			throw new ConflictException("volunteer.error.decided", Text.label(row.status()));
		}
		CurrentUser user = access.user();
		OffsetDateTime now = OffsetDateTime.now(clock);
		if (decision.approve()) {
			String number = row.number() != null ? row.number()
					: repository.nextNumber(LocalDate.now(clock.withZone(Zones.BUSINESS)).getYear());
			long team = repository.teamOf(row.organId(), Texts.chinese("volunteer.team.organ", row.organName()), now);
			repository.decide(id, VolunteerStatus.APPROVED, number, team, user.accountId(), reason, now);
			repository.event(id, "APPROVED", reason, user.accountId(), user.displayName(), now);
			audit.record(AuditType.UPDATE, OWNER, id, AuditLog.SUCCESS,
					Texts.chinese("volunteer.audit.approved", row.name(), number), row.orgPath());
			tell(row, "volunteer-approved", number);
		}
		else {
			repository.decide(id, VolunteerStatus.REJECTED, row.number(), null, user.accountId(), reason, now);
			repository.event(id, "REJECTED", reason, user.accountId(), user.displayName(), now);
			audit.record(AuditType.UPDATE, OWNER, id, AuditLog.SUCCESS,
					Texts.chinese("volunteer.audit.rejected", row.name(), reason), row.orgPath());
			tell(row, "volunteer-rejected", reason);
		}
	}

	/** The person leaves (pending or approved); the number and the hours stay, and they may register again. */
	void leave(long id, VolunteerViews.Leaving leaving) {
		VolunteerRepository.Row row = repository.lock(id).orElseThrow(NotFoundException::new);
		access.requireSeen(row.personId());
		CurrentUser user = access.user();
		if (!user.isSelf(row.personId())) {
			throw new ForbiddenException("volunteer.error.self-only");
		}
		String reason = TextInput.text("reason", leaving == null ? null : leaving.reason());
		if (reason != null && reason.length() > MAX_TEXT) {
			throw new InvalidValueException("reason", Text.of("volunteer.error.too-long", MAX_TEXT));
		}
		if (!row.status().standing()) {
			throw new ConflictException("volunteer.error.not-standing", Text.label(row.status()));
		}
		OffsetDateTime now = OffsetDateTime.now(clock);
		repository.leave(id);
		repository.event(id, "LEFT", reason, user.accountId(), user.displayName(), now);
		audit.record(AuditType.UPDATE, OWNER, id, AuditLog.SUCCESS, Texts.chinese("volunteer.audit.left", row.name()),
				row.orgPath());
	}

	private void tell(VolunteerRepository.Row row, String template, String argument) {
		Long account = accounts.accountsOf(List.of(row.personId())).get(row.personId());
		if (account == null) {
			return;
		}
		notifications.send(NotificationRequest.of(template + "-" + row.id() + "-" + (row.version() + 1),
				template, List.of(account), argument).withLink("/volunteer").via(Channel.INBOX));
	}

	private static VolunteerRepository.Fields check(VolunteerViews.RegistrationInput input) {
		List<InvalidValueException.Problem> problems = new ArrayList<>();
		VolunteerViews.RegistrationInput in = input == null
				? new VolunteerViews.RegistrationInput(null, null, null, null) : input;
		String skills = required("skills", in.skills(), problems);
		String areas = required("areas", in.areas(), problems);
		String availability = required("availability", in.availability(), problems);
		if (!Boolean.TRUE.equals(in.consent())) {
			problems.add(new InvalidValueException.Problem("consent", "volunteer.error.no-consent"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidValueException(problems);
		}
		return new VolunteerRepository.Fields(skills, areas, availability);
	}

	private static String required(String field, String value, List<InvalidValueException.Problem> problems) {
		String v;
		try {
			v = TextInput.text(field, value);
		}
		catch (InvalidValueException ex) {
			problems.addAll(ex.problems());
			return null;
		}
		if (v == null) {
			problems.add(new InvalidValueException.Problem(field, "volunteer.error.required"));
		}
		else if (v.length() > MAX_TEXT) {
			problems.add(new InvalidValueException.Problem(field, Text.of("volunteer.error.too-long", MAX_TEXT)));
		}
		return v;
	}
}
