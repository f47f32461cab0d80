package org.quntuan.volunteer;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.quntuan.activity.ActivityType;
import org.quntuan.activity.CheckedOut;
import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.identity.PersonAccounts;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hours of a 志愿 activity (谁组织、谁记录、谁证明): when an approved volunteer checks out, the time from check-in
 * to check-out within the activity's own start and end, rounded down to the half hour, becomes a claim
 * carrying the activity, in the check-out's transaction. Like every claim it counts once an admin who
 * reaches the volunteer (the organizer) verifies it, possibly other hours with a reason. Less than half an
 * hour, or someone who is not an approved volunteer (any more), writes nothing.
 */
@Component
class ServiceHours {

	private static final BigDecimal HALF = new BigDecimal("0.5");

	private final HoursRepository ledger;

	private final VolunteerRepository volunteers;

	private final PersonAccounts accounts;

	private final AuditLog audit;

	ServiceHours(HoursRepository ledger, VolunteerRepository volunteers, PersonAccounts accounts, AuditLog audit) {
		this.ledger = ledger;
		this.volunteers = volunteers;
		this.accounts = accounts;
		this.audit = audit;
	}

	/** The hours between check-in and check-out inside the activity's time, rounded down to the half hour. */
	static BigDecimal measured(CheckedOut e) {
		OffsetDateTime from = e.checkedInAt().isAfter(e.startAt()) ? e.checkedInAt() : e.startAt();
		OffsetDateTime to = e.checkedOutAt().isBefore(e.endAt()) ? e.checkedOutAt() : e.endAt();
		long halves = to.isAfter(from) ? Duration.between(from, to).toMinutes() / 30 : 0;
		return HALF.multiply(BigDecimal.valueOf(halves)).setScale(1);
	}

	@EventListener
	@Transactional
	public void on(CheckedOut e) {
		if (e.type() != ActivityType.VOLUNTEER) {
			return;
		}
		BigDecimal hours = measured(e);
		if (hours.signum() == 0) {
			return;
		}
		VolunteerRepository.Row v = volunteers.lockOfPerson(e.personId())
			.filter(row -> row.status() == VolunteerStatus.APPROVED).orElse(null);
		Long account = accounts.accountsOf(List.of(e.personId())).get(e.personId());
		if (v == null || account == null) {
			return;
		}
		LocalDate day = e.startAt().atZoneSameInstant(Zones.BUSINESS).toLocalDate();
		long id = ledger.insertServiceClaim(e.personId(), e.activityId(), day, hours, e.title(), account, v.name(),
				e.checkedOutAt());
		audit.record(AuditType.CREATE, HoursLedger.OWNER, id, AuditLog.SUCCESS, Texts.chinese("volunteer.audit.service-claimed",
				v.name(), e.title(), Hours.format(hours)), v.orgPath());
	}
}
