package org.quntuan.activity;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.quntuan.activity.ActivityAccess.Refusal;
import org.quntuan.activity.ActivityEligibilityRule.Candidate;
import org.quntuan.member.MemberQueries;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.ConflictException;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.Text;
import org.quntuan.platform.TextInput;
import org.quntuan.platform.Zones;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registration, the wait list and everything that moves a seat. Each such operation first locks the
 * activity row, so operations on one activity run one after another and the held-seat counts stay
 * exact; a second submit of the same person finds the first one's registration (and the unique
 * constraint catches what slips past), so it answers with the current status.
 */
@Service
public class Registrations {

	/** Check-in opens this long before the start. */
	static final Duration CHECK_IN_EARLY = Duration.ofMinutes(30);

	private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm");

	/** What a registration attempt came to; created is false when the person had registered already. */
	public record Outcome(RegistrationStatus status, Integer waitlistPosition, boolean created) {
	}

	private final ActivityRepository activities;

	private final ActivityAccess access;

	private final ActivityNotifications notices;

	private final CheckInTokens tokens;

	private final MemberQueries members;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final RegistrationAudit audit;

	Registrations(ActivityRepository activities, ActivityAccess access, ActivityNotifications notices, CheckInTokens tokens,
			MemberQueries members, PlatformTransactionManager transactions, Clock clock,
			RegistrationAudit audit) {
		this.audit = audit;
		this.activities = activities;
		this.access = access;
		this.notices = notices;
		this.tokens = tokens;
		this.members = members;
		this.tx = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock);
	}

	/** The caller registers: confirmed if a seat is free (pending if the organizer decides), else waiting. */
	public Outcome register(long activityId) {
		Candidate me = access.requireCandidate();
		// read before the row lock: the audience is fixed when the activity is created, and the wait
		// list position is counted after the commit; what stays under the lock is only what must
		// (a flash sign-up queues on this lock, so every statement inside costs the whole queue)
		List<ActivityEligibilityRule.AudienceRoot> audience = activities.audience(activityId);
		for (int attempt = 1;; attempt++) {
			boolean underLock = attempt > 2;
			try {
				Outcome outcome = tx.execute(s -> underLock ? registerUnderLock(activityId, me, audience)
						: register(activityId, me, audience));
				return outcome.status() == RegistrationStatus.WAITLISTED && outcome.waitlistPosition() != null
						? new Outcome(outcome.status(),
								activities.waitlistPosition(activityId, outcome.waitlistPosition()), outcome.created())
						: outcome;
			}
			catch (SeatsChanged again) {
				// rolled back: the last seat went, or one came free, between the read and the update
			}
			catch (DuplicateKeyException raced) {
				// another request of the same person won; answer as a repeated submit does
				return tx.execute(s -> activities.registration(activityId, me.personId())
					.map(r -> outcome(r, false)).orElseThrow(() -> raced));
			}
		}
	}

	/** Rolls a sign-up back whose reading of the seats no longer held when it came to take one. */
	private static final class SeatsChanged extends RuntimeException {

		SeatsChanged() {
			super(null, null, false, false);
		}
	}

	/**
	 * A sign-up, decided on the seats as read (no lock), its registration and log entry written first;
	 * the last statement takes the seat, or the next wait list number, by a conditional update that
	 * locks the activity's row until the commit. A flash sign-up queues on that lock, so under it are
	 * one statement and the commit. When the reading no longer holds (the last seat went, one came
	 * free, the activity was cancelled), the whole sign-up rolls back and is tried again.
	 */
	private Outcome register(long activityId, Candidate me, List<ActivityEligibilityRule.AudienceRoot> audience) {
		ActivityRow a = activities.find(activityId).orElseThrow(NotFoundException::new);
		Optional<RegistrationRow> existing = activities.registration(a.id(), me.personId());
		if (existing.isPresent() && existing.get().status().active()) {
			RegistrationRow r = existing.get();
			return new Outcome(r.status(), r.status() == RegistrationStatus.WAITLISTED ? r.waitlistSeq() : null, false);
		}
		OffsetDateTime now = now();
		checkSignUp(a, me, audience, existing, now);
		boolean seat = a.hasFreeSeat();
		RegistrationStatus status = !seat ? RegistrationStatus.WAITLISTED
				: a.needsApproval() ? RegistrationStatus.PENDING : RegistrationStatus.CONFIRMED;
		write(a, me, existing, status, null, now);
		audit.signedUp(a, status);
		if (seat) {
			if (activities.takeSeat(a.id(), a.needsApproval()) == 0) {
				throw new SeatsChanged();
			}
			return new Outcome(status, null, true);
		}
		int seq = activities.joinWaitlist(a.id(), me.personId()).orElseThrow(SeatsChanged::new);
		return new Outcome(status, seq, true);
	}

	private void write(ActivityRow a, Candidate me, Optional<RegistrationRow> existing, RegistrationStatus status,
			Integer seq, OffsetDateTime now) {
		if (existing.isPresent()) {
			if (activities.renewRegistration(existing.get().id(), existing.get().status(), status, seq, now, null) == 0) {
				// the same person's other request renewed it first: answer as a repeated submit does
				throw new DuplicateKeyException("registration " + existing.get().id() + " renewed meanwhile");
			}
		}
		else {
			activities.insertRegistration(a.id(), me.personId(), status, seq, now, null);
		}
	}

	/**
	 * The sign-up as it was before the conditional updates, for the third try of a sign-up whose reading
	 * of the seats kept changing: the row locked first, then decided, so it cannot need another try.
	 * The outcome's waitlistPosition is the wait list sequence number here (also in {@link #register});
	 * the caller turns it into a position.
	 */
	private Outcome registerUnderLock(long activityId, Candidate me,
			List<ActivityEligibilityRule.AudienceRoot> audience) {
		ActivityRow seen = activities.find(activityId).orElseThrow(NotFoundException::new);
		Optional<RegistrationRow> existing = activities.registration(seen.id(), me.personId());
		if (existing.isPresent() && existing.get().status().active()) {
			RegistrationRow r = existing.get();
			return new Outcome(r.status(), r.status() == RegistrationStatus.WAITLISTED ? r.waitlistSeq() : null, false);
		}
		OffsetDateTime now = now();
		checkSignUp(seen, me, audience, existing, now);
		ActivityRow a = activities.lock(activityId).orElseThrow(NotFoundException::new);
		if (a.status() == ActivityStatus.CANCELLED) {
			// cancelled while this request was being checked
			throw new BusinessRuleException("activity.registration.error.cancelled");
		}
		RegistrationStatus status;
		Integer seq = null;
		int confirmed = a.confirmedCount();
		int pending = a.pendingCount();
		int waitSeq = a.waitlistSeq();
		if (a.hasFreeSeat()) {
			status = a.needsApproval() ? RegistrationStatus.PENDING : RegistrationStatus.CONFIRMED;
			if (a.needsApproval()) {
				pending++;
			}
			else {
				confirmed++;
			}
		}
		else {
			status = RegistrationStatus.WAITLISTED;
			seq = ++waitSeq;
		}
		write(a, me, existing, status, seq, now);
		activities.setCounts(a.id(), confirmed, pending, waitSeq);
		audit.signedUp(a, status);
		return new Outcome(status, seq, true);
	}

	/** Whether the person may sign up, seats aside: refused with the reason the member reads. */
	private void checkSignUp(ActivityRow a, Candidate me, List<ActivityEligibilityRule.AudienceRoot> audience,
			Optional<RegistrationRow> existing, OffsetDateTime now) {
		Optional<Refusal> refusal = access.refusal(access.offer(a, audience), me);
		if (refusal.isPresent() && refusal.get().hides()) {
			throw new ForbiddenException(refusal.get().message());
		}
		if (a.status() == ActivityStatus.CANCELLED) {
			throw new BusinessRuleException("activity.registration.error.cancelled");
		}
		if (now.isBefore(a.signupOpensAt())) {
			throw new BusinessRuleException("activity.registration.error.not-open-yet", when(a.signupOpensAt()));
		}
		if (!now.isBefore(a.signupClosesAt())) {
			throw new BusinessRuleException("activity.registration.error.closed", when(a.signupClosesAt()));
		}
		if (refusal.isPresent()) {
			throw new BusinessRuleException(refusal.get().message());
		}
		if (existing.isPresent() && existing.get().status() == RegistrationStatus.REJECTED) {
			throw new BusinessRuleException("activity.registration.error.rejected-before");
		}
	}

	private Outcome outcome(RegistrationRow r, boolean created) {
		Integer position = r.status() == RegistrationStatus.WAITLISTED
				? activities.waitlistPosition(r.activityId(), r.waitlistSeq()) : null;
		return new Outcome(r.status(), position, created);
	}

	/** The caller's registration now, if any. */
	public Optional<Outcome> mine(long activityId) {
		CurrentUser user = access.user();
		if (user.personId() == null) {
			return Optional.empty();
		}
		return activities.registration(activityId, user.personId()).map(r -> outcome(r, false));
	}

	/** The caller cancels before the deadline; the first waiting person moves up. */
	public void cancelMine(long activityId) {
		Candidate me = access.requireCandidate();
		tx.executeWithoutResult(s -> {
			ActivityRow a = activities.lock(activityId).orElseThrow(NotFoundException::new);
			RegistrationRow r = activities.registration(a.id(), me.personId())
				.filter(x -> x.status().active())
				.orElseThrow(() -> access.visible(access.user(), a) ? new BusinessRuleException("activity.registration.error.none")
						: new NotFoundException());
			if (now().isAfter(a.effectiveCancelDeadline())) {
				throw new BusinessRuleException("activity.registration.error.cancel-deadline-passed",
						when(a.effectiveCancelDeadline()));
			}
			release(a, r, null);
			audit.cancelledOwn(a);
		});
	}

	/** Frees the registration's place (and seat, if it held one) and fills free seats from the wait list. */
	private void release(ActivityRow a, RegistrationRow r, Long by) {
		if (!activities.move(r.id(), r.status(), RegistrationStatus.CANCELLED, now(), by)) {
			throw new ConflictException("activity.registration.error.status-changed");
		}
		int confirmed = a.confirmedCount() - (r.status() == RegistrationStatus.CONFIRMED ? 1 : 0);
		int pending = a.pendingCount() - (r.status() == RegistrationStatus.PENDING ? 1 : 0);
		activities.setCounts(a.id(), confirmed, pending, a.waitlistSeq());
		fillFreeSeats(a.id());
	}

	/**
	 * Moves waiting people up while seats are free, first come first served, and tells each of them.
	 * Runs inside the transaction that holds the activity's lock.
	 */
	void fillFreeSeats(long activityId) {
		ActivityRow a = activities.lock(activityId).orElseThrow(NotFoundException::new);
		if (a.status() == ActivityStatus.CANCELLED) {
			return;
		}
		int confirmed = a.confirmedCount();
		int pending = a.pendingCount();
		RegistrationStatus to = a.needsApproval() ? RegistrationStatus.PENDING : RegistrationStatus.CONFIRMED;
		while (confirmed + pending < a.seats()) {
			Optional<RegistrationRow> next = activities.firstWaiting(a.id());
			if (next.isEmpty()) {
				break;
			}
			RegistrationRow r = next.get();
			if (!activities.move(r.id(), RegistrationStatus.WAITLISTED, to, now(), null)) {
				throw new ConflictException("activity.registration.error.waitlist-changed");
			}
			if (to == RegistrationStatus.PENDING) {
				pending++;
			}
			else {
				confirmed++;
			}
			notices.send("activity-" + a.id() + "-promoted-" + r.personId() + "-" + r.waitlistSeq(), "activity-promoted",
					a, List.of(r.personId()), to.label());
		}
		activities.setCounts(a.id(), confirmed, pending, a.waitlistSeq());
	}

	// the organizer's side

	private RegistrationRow registrationOf(ActivityRow a, long registrationId) {
		return activities.registration(registrationId).filter(r -> r.activityId() == a.id())
			.orElseThrow(NotFoundException::new);
	}

	public void approve(long activityId, long registrationId) {
		tx.executeWithoutResult(s -> {
			ActivityRow a = access.managed(activities.lock(activityId).orElseThrow(NotFoundException::new));
			RegistrationRow r = registrationOf(a, registrationId);
			if (r.status() != RegistrationStatus.PENDING) {
				throw new ConflictException("activity.registration.error.not-pending", r.status());
			}
			CurrentUser user = access.user();
			activities.move(r.id(), RegistrationStatus.PENDING, RegistrationStatus.CONFIRMED, now(), user.accountId());
			activities.setCounts(a.id(), a.confirmedCount() + 1, a.pendingCount() - 1, a.waitlistSeq());
			notices.send("activity-" + a.id() + "-approved-" + r.id() + "-" + r.registeredAt().toEpochSecond(),
					"activity-approved", a, List.of(r.personId()));
			audit.decided(a, r.personId(), true);
		});
	}

	public void reject(long activityId, long registrationId) {
		tx.executeWithoutResult(s -> {
			ActivityRow a = access.managed(activities.lock(activityId).orElseThrow(NotFoundException::new));
			RegistrationRow r = registrationOf(a, registrationId);
			if (r.status() != RegistrationStatus.PENDING) {
				throw new ConflictException("activity.registration.error.not-pending", r.status());
			}
			activities.move(r.id(), RegistrationStatus.PENDING, RegistrationStatus.REJECTED, now(),
					access.user().accountId());
			activities.setCounts(a.id(), a.confirmedCount(), a.pendingCount() - 1, a.waitlistSeq());
			notices.send("activity-" + a.id() + "-rejected-" + r.id() + "-" + r.registeredAt().toEpochSecond(),
					"activity-rejected", a, List.of(r.personId()));
			fillFreeSeats(a.id());
			audit.decided(a, r.personId(), false);
		});
	}

	/** The organizer takes someone off the list (confirmed, pending or waiting). */
	public void remove(long activityId, long registrationId) {
		tx.executeWithoutResult(s -> {
			ActivityRow a = access.managed(activities.lock(activityId).orElseThrow(NotFoundException::new));
			RegistrationRow r = registrationOf(a, registrationId);
			if (!r.status().active()) {
				throw new ConflictException("activity.registration.error.inactive", r.status());
			}
			release(a, r, access.user().accountId());
			notices.send("activity-" + a.id() + "-removed-" + r.id() + "-" + r.registeredAt().toEpochSecond(),
					"activity-removed", a, List.of(r.personId()));
			audit.removed(a, r.personId());
		});
	}

	/** The organizer adds a person they administer, straight to a confirmed seat if one is free. */
	public void add(long activityId, Long personId) {
		tx.executeWithoutResult(s -> {
			ActivityRow a = access.managed(activities.lock(activityId).orElseThrow(NotFoundException::new));
			if (personId == null) {
				throw new InvalidValueException("personId", "activity.registration.error.person-required");
			}
			if (!administers(personId)) {
				throw new InvalidValueException("personId", "activity.registration.error.person-not-administered");
			}
			if (a.status() == ActivityStatus.CANCELLED) {
				throw new BusinessRuleException("activity.registration.error.cancelled");
			}
			Optional<RegistrationRow> existing = activities.registration(a.id(), personId);
			if (existing.isPresent() && existing.get().status().active()) {
				throw new ConflictException("activity.registration.error.already-listed-as", existing.get().status());
			}
			if (!a.hasFreeSeat()) {
				throw new BusinessRuleException("activity.registration.error.full", a.seats());
			}
			OffsetDateTime now = now();
			long by = access.user().accountId();
			if (existing.isPresent() && activities.renewRegistration(existing.get().id(), existing.get().status(),
					RegistrationStatus.CONFIRMED, null, now, by) == 0) {
				throw new ConflictException("activity.registration.error.already-listed");
			}
			else {
				activities.insertRegistration(a.id(), personId, RegistrationStatus.CONFIRMED, null, now, by);
			}
			activities.setCounts(a.id(), a.confirmedCount() + 1, a.pendingCount(), a.waitlistSeq());
			notices.send("activity-" + a.id() + "-added-" + personId + "-" + now.toEpochSecond(), "activity-added", a,
					List.of(personId));
			audit.added(a, personId);
		});
	}

	private boolean administers(long personId) {
		return activities.isActivePerson(personId, members.administeredPeople("adm"));
	}

	void notifyActivityCancelled(ActivityRow a) {
		List<Long> people = activities.registrations(a.id()).stream().filter(r -> r.status().active())
			.map(RegistrationRow::personId).toList();
		if (!people.isEmpty()) {
			notices.send("activity-" + a.id() + "-cancelled", "activity-cancelled", a, people);
		}
	}

	// check-in and feedback

	/** The signed-in member checks in with the token of the QR code, inside the check-in window. */
	public OffsetDateTime checkIn(long activityId, String token) {
		Candidate me = access.requireCandidate();
		return tx.execute(s -> {
			ActivityRow a = access.visible(activityId);
			OffsetDateTime now = now();
			tokens.verify(a, token, now);
			if (a.status() == ActivityStatus.CANCELLED) {
				throw new BusinessRuleException("activity.registration.error.cancelled");
			}
			if (now.isBefore(a.startAt().minus(CHECK_IN_EARLY)) || now.isAfter(a.endAt())) {
				throw new BusinessRuleException("activity.registration.error.check-in-window",
						when(a.startAt().minus(CHECK_IN_EARLY)), when(a.endAt()));
			}
			RegistrationRow r = activities.registration(a.id(), me.personId())
				.filter(x -> x.status() == RegistrationStatus.CONFIRMED)
				.orElseThrow(() -> new BusinessRuleException("activity.registration.error.not-confirmed"));
			if (r.attendedAt() != null) {
				return r.attendedAt();
			}
			activities.checkIn(r.id(), now);
			audit.checkedIn(a);
			return now;
		});
	}

	/** An attendee rates the activity: 1 to 5 stars and an optional comment; a second rating replaces the first. */
	public void feedback(long activityId, Integer stars, String comment) {
		Candidate me = access.requireCandidate();
		tx.executeWithoutResult(s -> {
			ActivityRow a = access.visible(activityId);
			if (stars == null || stars < 1 || stars > 5) {
				throw new InvalidValueException("stars", "activity.registration.error.stars");
			}
			String c = TextInput.text("comment", comment);
			if (c != null && c.length() > 500) {
				throw new InvalidValueException("comment", "activity.registration.error.comment-too-long");
			}
			RegistrationRow r = activities.registration(activityId, me.personId())
				.filter(x -> x.attendedAt() != null && x.status() == RegistrationStatus.CONFIRMED)
				.orElseThrow(() -> new BusinessRuleException("activity.registration.error.not-attended"));
			activities.feedback(r.id(), stars, c, now());
			audit.rated(a, stars);
		});
	}

	/** A moment as the reader writes it: 2026年5月1日 09:30 in Chinese, 2026-05-01 09:30 in English. */
	static Text when(OffsetDateTime t) {
		LocalDateTime local = t.atZoneSameInstant(Zones.BUSINESS).toLocalDateTime();
		return Text.of("activity.time.at", local.getYear(), local.getMonthValue(), local.getDayOfMonth(),
				local.format(HOUR_MINUTE), local.toLocalDate().toString());
	}
}
