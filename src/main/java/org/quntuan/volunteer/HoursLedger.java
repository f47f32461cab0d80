package org.quntuan.volunteer;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.Text;
import org.quntuan.platform.TextInput;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hours ledger (谁组织、谁记录、谁证明): an approved volunteer claims hours done off the platform; an admin
 * who administers them (never they themselves) verifies, possibly other hours with a reason (written as an
 * adjusting entry), or rejects; a verified claim is corrected later by further adjusting entries. Nothing is
 * ever updated: a person's total is the sum of their verified entries. A day holds at most 24 hours. Every
 * write of a person's hours holds their registration's row lock, so two checks of a claim never both land.
 */
@Service
@Transactional
class HoursLedger {

	static final String OWNER = "VOLUNTEER_HOURS";

	private final HoursRepository ledger;

	private final VolunteerRepository volunteers;

	private final VolunteerAccess access;

	private final PersonAccounts accounts;

	private final Notifications notifications;

	private final AuditLog audit;

	private final Clock clock;

	HoursLedger(HoursRepository ledger, VolunteerRepository volunteers, VolunteerAccess access, PersonAccounts accounts,
			Notifications notifications, AuditLog audit, Clock clock) {
		this.ledger = ledger;
		this.volunteers = volunteers;
		this.access = access;
		this.accounts = accounts;
		this.notifications = notifications;
		this.audit = audit;
		this.clock = clock;
	}

	/** The caller's claim of hours done off the platform; it counts once verified. */
	long claim(VolunteerViews.ClaimInput input) {
		CurrentUser user = access.user();
		if (user.personId() == null) {
			throw new BusinessRuleException("volunteer.error.no-person");
		}
		if (input == null || input.date() == null) {
			throw new InvalidValueException("date", "volunteer.hours.error.no-date");
		}
		LocalDate today = LocalDate.now(clock.withZone(Zones.BUSINESS));
		if (input.date().isAfter(today)) {
			throw new InvalidValueException("date", "volunteer.hours.error.future");
		}
		if (input.date().getYear() < 2000) {
			throw new InvalidValueException("date", "volunteer.hours.error.too-old");
		}
		BigDecimal hours = Hours.positive("hours", input.hours());
		String description = TextInput.text("description", input.description());
		if (description == null) {
			throw new InvalidValueException("description", "volunteer.error.required");
		}
		if (description.length() > VolunteerRegistrations.MAX_TEXT) {
			throw new InvalidValueException("description", Text.of("volunteer.error.too-long", VolunteerRegistrations.MAX_TEXT));
		}
		VolunteerRepository.Row volunteer = volunteers.lockOfPerson(user.personId())
			.filter(v -> v.status() == VolunteerStatus.APPROVED)
			.orElseThrow(() -> new BusinessRuleException("volunteer.hours.error.not-volunteer"));
		withinDay(user.personId(), input.date(), hours);
		long id = ledger.insertClaim(user.personId(), input.date(), hours, description, user.accountId(),
				user.displayName(), OffsetDateTime.now(clock));
		audit.record(AuditType.CREATE, OWNER, id, AuditLog.SUCCESS, Texts.chinese("volunteer.audit.claimed",
				volunteer.name(), input.date().toString(), Hours.format(hours)), volunteer.orgPath());
		return id;
	}

	/** Verifies (the claimed hours, or others with a reason) or rejects (with a reason) a claim, once. */
	void verify(long id, VolunteerViews.Verification v) {
		HoursRepository.EntryRow claim = claimOf(id);
		access.requireChecker(claim.personId(), "volunteer.hours.error.own");
		if (v == null || v.approve() == null) {
			throw new InvalidValueException("approve", "volunteer.error.no-decision");
		}
		String reason = reason(v.reason());
		BigDecimal hours = v.approve() && v.hours() != null && !v.hours().isBlank() ? Hours.positive("hours", v.hours())
				: claim.hours();
		boolean adjusted = hours.compareTo(claim.hours()) != 0;
		if ((adjusted || !v.approve()) && reason == null) {
			throw new InvalidValueException("reason", adjusted ? "volunteer.hours.error.adjustment-reason"
					: "volunteer.error.no-reason");
		}
		VolunteerRepository.Row volunteer = volunteers.lockOfPerson(claim.personId()).orElseThrow(NotFoundException::new);
		claim = ledger.find(id).orElseThrow(NotFoundException::new);
		if (claim.approved() != null) {
			throw new ConflictException("volunteer.hours.error.checked", Text.label(claim.status()));
		}
		if (adjusted) {
			withinDay(claim.personId(), claim.date(), hours.subtract(claim.hours()));
		}
		CurrentUser user = access.user();
		OffsetDateTime now = OffsetDateTime.now(clock);
		try {
			ledger.insertCheck(id, v.approve(), reason, user.accountId(), user.displayName(), now);
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("volunteer.hours.error.checked", Text.label(HoursStatus.VERIFIED));
		}
		if (adjusted) {
			ledger.insertAdjustment(claim.personId(), id, claim.date(), hours.subtract(claim.hours()), reason,
					user.accountId(), user.displayName(), now);
		}
		String key = v.approve() ? "volunteer.audit.verified" : "volunteer.audit.hours-rejected";
		audit.record(AuditType.UPDATE, OWNER, id, AuditLog.SUCCESS, Texts.chinese(key, volunteer.name(),
				claim.date().toString(), Hours.format(claim.hours()), Hours.format(hours), reason == null ? "" : reason),
				volunteer.orgPath());
		tell(claim, v.approve() ? "volunteer-hours-verified" : "volunteer-hours-rejected", "checked",
				claim.date().toString(), Hours.format(v.approve() ? hours : claim.hours()), reason == null ? "" : reason);
	}

	/** Corrects a verified claim by a signed number of hours, with a reason: a new entry, never a change. */
	long adjust(long id, VolunteerViews.AdjustmentInput input) {
		HoursRepository.EntryRow claim = claimOf(id);
		access.requireChecker(claim.personId(), "volunteer.hours.error.own");
		BigDecimal delta = Hours.signed("hours", input == null ? null : input.hours());
		String reason = reason(input.reason());
		if (reason == null) {
			throw new InvalidValueException("reason", "volunteer.hours.error.adjustment-reason");
		}
		VolunteerRepository.Row volunteer = volunteers.lockOfPerson(claim.personId()).orElseThrow(NotFoundException::new);
		claim = ledger.find(id).orElseThrow(NotFoundException::new);
		if (!Boolean.TRUE.equals(claim.approved())) {
			throw new BusinessRuleException("volunteer.hours.error.not-verified");
		}
		if (claim.counted().add(delta).signum() < 0) {
			throw new BusinessRuleException("volunteer.hours.error.below-zero", Hours.format(claim.counted()));
		}
		if (delta.signum() > 0) {
			withinDay(claim.personId(), claim.date(), delta);
		}
		CurrentUser user = access.user();
		long entry = ledger.insertAdjustment(claim.personId(), id, claim.date(), delta, reason, user.accountId(),
				user.displayName(), OffsetDateTime.now(clock));
		audit.record(AuditType.CREATE, OWNER, entry, AuditLog.SUCCESS, Texts.chinese("volunteer.audit.adjusted",
				volunteer.name(), claim.date().toString(), delta.toPlainString(), reason), volunteer.orgPath());
		tell(claim, "volunteer-hours-adjusted", String.valueOf(entry), claim.date().toString(), delta.toPlainString(),
				reason);
		return entry;
	}

	private HoursRepository.EntryRow claimOf(long id) {
		HoursRepository.EntryRow claim = ledger.find(id).orElseThrow(NotFoundException::new);
		if (claim.kind() != EntryKind.CLAIM) {
			throw new NotFoundException();
		}
		return claim;
	}

	private static String reason(String value) {
		String reason = TextInput.text("reason", value);
		if (reason != null && reason.length() > VolunteerRegistrations.MAX_TEXT) {
			throw new InvalidValueException("reason", Text.of("volunteer.error.too-long", VolunteerRegistrations.MAX_TEXT));
		}
		return reason;
	}

	/** 422 when the day would hold more than 24 hours (the caller holds the registration's lock). */
	private void withinDay(long personId, LocalDate date, BigDecimal more) {
		BigDecimal already = ledger.dayTotal(personId, date);
		if (already.add(more).compareTo(Hours.DAY) > 0) {
			throw new BusinessRuleException("volunteer.hours.error.day-full", date.toString(), Hours.format(already));
		}
	}

	private void tell(HoursRepository.EntryRow claim, String template, String event, String... arguments) {
		Long account = accounts.accountsOf(List.of(claim.personId())).get(claim.personId());
		if (account != null) {
			notifications.send(NotificationRequest.of(template + "-" + claim.id() + "-" + event, template,
					List.of(account), (Object[]) arguments).withLink("/volunteer").via(Channel.INBOX));
		}
	}
}
