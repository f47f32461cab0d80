package org.quntuan.activity;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.quntuan.activity.ActivityEligibilityRule.Candidate;
import org.quntuan.platform.BusinessRuleException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Check-out (签退) with the organizer's second QR code: it closes the time a member was there, which a
 * volunteer service counts in hours. Only one who checked in may check out, from then until
 * {@value #LATE_HOURS} hours after the activity's end; a second check-out answers the first.
 */
@Service
public class CheckOuts {

	static final int LATE_HOURS = 2;

	private final ActivityRepository activities;

	private final ActivityAccess access;

	private final CheckInTokens tokens;

	private final RegistrationAudit audit;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate tx;

	private final Clock clock;

	CheckOuts(ActivityRepository activities, ActivityAccess access, CheckInTokens tokens, RegistrationAudit audit,
			ApplicationEventPublisher events, PlatformTransactionManager transactions, Clock clock) {
		this.activities = activities;
		this.access = access;
		this.tokens = tokens;
		this.audit = audit;
		this.events = events;
		this.tx = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/** The signed-in member checks out with the token of the check-out code. */
	public OffsetDateTime checkOut(long activityId, String token) {
		Candidate me = access.requireCandidate();
		return tx.execute(s -> {
			ActivityRow a = access.visible(activityId);
			OffsetDateTime now = OffsetDateTime.now(clock);
			tokens.verifyCheckOut(a, token, now);
			if (a.status() == ActivityStatus.CANCELLED) {
				throw new BusinessRuleException("activity.registration.error.cancelled");
			}
			RegistrationRow r = activities.registration(a.id(), me.personId())
				.filter(x -> x.status() == RegistrationStatus.CONFIRMED)
				.orElseThrow(() -> new BusinessRuleException("activity.registration.error.not-confirmed-out"));
			if (r.attendedAt() == null) {
				throw new BusinessRuleException("activity.registration.error.check-out-before-check-in");
			}
			if (r.checkedOutAt() != null) {
				return r.checkedOutAt();
			}
			OffsetDateTime latest = a.endAt().plus(Duration.ofHours(LATE_HOURS));
			if (now.isAfter(latest)) {
				throw new BusinessRuleException("activity.registration.error.check-out-window",
						Registrations.when(latest));
			}
			if (!activities.checkOut(r.id(), now)) {
				return activities.registration(a.id(), me.personId()).map(RegistrationRow::checkedOutAt).orElse(now);
			}
			audit.checkedOut(a);
			events.publishEvent(new CheckedOut(a.id(), a.type(), a.title(), a.organizerOrgId(), me.personId(),
					r.attendedAt(), now, a.startAt(), a.endAt()));
			return now;
		});
	}

	/** When the signed-in member checked out of the activity, if they did (never, for an account without a person). */
	public Optional<OffsetDateTime> mine(long activityId) {
		ActivityRow a = access.visible(activityId);
		return access.candidate(access.user())
			.flatMap(me -> activities.registration(a.id(), me.personId()).map(RegistrationRow::checkedOutAt));
	}
}
