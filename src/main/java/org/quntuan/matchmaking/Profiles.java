package org.quntuan.matchmaking;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.identity.PersonAccounts;
import org.quntuan.notification.NotificationRequest;
import org.quntuan.notification.Notifications;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.ConflictException;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.TextInput;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Versions;
import org.quntuan.platform.Zones;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member's consent and profile, and its review. The audit log keeps what happened, never what the
 * profile says: its texts carry the profile's id only.
 */
@Service
@Transactional
public class Profiles {

	static final String PROFILE = "MATCHMAKING_PROFILE";

	static final String CONSENT = "MATCHMAKING_CONSENT";

	private final ProfileRepository profiles;

	private final MatchmakingAccess access;

	private final MatchmakingSettings settings;

	private final PersonAccounts accounts;

	private final Notifications notifications;

	private final AuditLog audit;

	private final Clock clock;

	private final ProfileEraser eraser;

	Profiles(ProfileRepository profiles, MatchmakingAccess access, MatchmakingSettings settings, PersonAccounts accounts,
			Notifications notifications, AuditLog audit, Clock clock, ProfileEraser eraser) {
		this.eraser = eraser;
		this.profiles = profiles;
		this.access = access;
		this.settings = settings;
		this.accounts = accounts;
		this.notifications = notifications;
		this.audit = audit;
		this.clock = clock;
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
	}

	/** Agrees to the rules of the given version, which must be the current one. */
	public void consent(Integer version) {
		CurrentUser user = access.current();
		long person = access.person(user);
		if (version == null) {
			throw new InvalidValueException("version", "matchmaking.consent.error.version");
		}
		if (version != settings.rulesVersion()) {
			throw new ConflictException("matchmaking.consent.error.stale", settings.rulesVersion());
		}
		profiles.giveConsent(person, version, now());
		profiles.consentVersion(person, version);
		profiles.ofPerson(person).filter(p -> p.withdrawn() && p.deletedAt() == null)
			.ifPresent(p -> profiles.setState(p.id(), p.status(), p.returnReason(), p.paused(), false, null,
					p.recommendations(), now()));
		audit.record(AuditType.CREATE, CONSENT, person, AuditLog.SUCCESS,
				Texts.chinese("matchmaking.audit.consented", version));
	}

	/** Withdraws the consent: the profile is hidden at once. */
	public void withdrawConsent() {
		CurrentUser user = access.current();
		long person = access.person(user);
		if (!profiles.withdrawConsent(person, now())) {
			throw new BusinessRuleException("matchmaking.consent.error.none");
		}
		profiles.ofPerson(person).filter(p -> p.deletedAt() == null)
			.ifPresent(p -> profiles.setState(p.id(), p.status(), p.returnReason(), p.paused(), true, null,
					p.recommendations(), now()));
		audit.record(AuditType.WITHDRAW, CONSENT, person, AuditLog.SUCCESS, Texts.chinese("matchmaking.audit.consent-withdrawn"));
	}

	/**
	 * Creates or changes the caller's profile after the eligibility rules: an active person in service of a
	 * member organ, of the least age, unmarried by declaration, holding a consent to the current rules. A
	 * change of what others see sends an approved profile back to review.
	 */
	public long save(ProfileInput in) {
		CurrentUser user = access.current();
		long person = access.person(user);
		ProfileRepository.Applicant a = profiles.applicant(person)
			.orElseThrow(() -> new ForbiddenException("matchmaking.error.no-person"));
		if (!a.active() || !a.inService()) {
			throw new BusinessRuleException("matchmaking.profile.error.inactive");
		}
		if (!a.memberOrgan()) {
			throw new BusinessRuleException("matchmaking.profile.error.organ");
		}
		LocalDate today = LocalDate.now(clock.withZone(Zones.BUSINESS));
		if (Period.between(a.birthDate(), today).getYears() < settings.minimumAge()) {
			throw new BusinessRuleException("matchmaking.profile.error.age", settings.minimumAge());
		}
		if (!profiles.consentedVersion(person).map(v -> v == settings.rulesVersion()).orElse(false)) {
			throw new BusinessRuleException("matchmaking.profile.error.consent");
		}
		ProfileValues v = ProfileValues.check(in, a.birthDate().getYear());
		ProfileRow existing = profiles.ofPerson(person).orElse(null);
		if (existing != null && existing.deletedAt() != null) {
			// deleted and not yet erased: erase it now, the new one starts afresh
			eraser.erase(existing.id());
			audit.record(AuditType.DELETE, PROFILE, existing.id(), AuditLog.SUCCESS,
					Texts.chinese("matchmaking.audit.erased", existing.id()));
			existing = null;
		}
		if (existing == null) {
			long id = profiles.insert(v, person, a.organId(), a.gender(), settings.rulesVersion(), now());
			audit.record(AuditType.CREATE, PROFILE, id, AuditLog.SUCCESS, Texts.chinese("matchmaking.audit.applied", id));
			return id;
		}
		int version = Versions.required(in.version());
		profiles.lock(List.of(existing.id()));
		ProfileStatus status = existing.status() == ProfileStatus.APPROVED && !v.changesShownFields(existing)
				? ProfileStatus.APPROVED : ProfileStatus.PENDING;
		boolean listed = ProfileRow.listed(status, existing.paused(), existing.withdrawn(), null);
		if (!profiles.update(existing.id(), version, v, status, listed, now())) {
			throw new ConflictException("matchmaking.profile.error.stale");
		}
		audit.record(AuditType.UPDATE, PROFILE, existing.id(), AuditLog.SUCCESS, Texts.chinese(
				status == existing.status() ? "matchmaking.audit.updated" : "matchmaking.audit.resubmitted", existing.id()));
		return existing.id();
	}

	/** Pauses (hidden, kept) or resumes the profile; switches recommendations off or on (PIPL art. 24). */
	public void settings(Boolean paused, Boolean recommendations) {
		ProfileRow p = own();
		boolean pause = paused == null ? p.paused() : paused;
		boolean recommend = recommendations == null ? p.recommendations() : recommendations;
		profiles.setState(p.id(), p.status(), p.returnReason(), pause, p.withdrawn(), null, recommend, now());
		audit.record(AuditType.UPDATE, PROFILE, p.id(), AuditLog.SUCCESS,
				Texts.chinese("matchmaking.audit.settings", p.id(),
						Texts.chinese(pause ? "matchmaking.audit.paused" : "matchmaking.audit.shown"),
						Texts.chinese(recommend ? "matchmaking.audit.recommend-on" : "matchmaking.audit.recommend-off")));
	}

	/** Deletes the profile: hidden at once, erased with its interests by the erasure job. */
	public void delete() {
		ProfileRow p = own();
		profiles.setState(p.id(), p.status(), p.returnReason(), p.paused(), p.withdrawn(), now(), p.recommendations(), now());
		audit.record(AuditType.DELETE, PROFILE, p.id(), AuditLog.SUCCESS, Texts.chinese("matchmaking.audit.deleted", p.id()));
	}

	ProfileRow own() {
		ProfileRow p = ownIfAny();
		if (p == null) {
			throw new NotFoundException("matchmaking.profile.error.none");
		}
		return p;
	}

	/** The caller's profile if others see it now (listed, under the current rules); null otherwise. */
	ProfileRow shownOwn() {
		ProfileRow p = ownIfAny();
		return p != null && shown(p) ? p : null;
	}

	/** Whether the profile is shown to others now: listed (approved, not paused or withdrawn), current consent. */
	boolean shown(ProfileRow p) {
		return p.listed() && p.consentVersion() == settings.rulesVersion();
	}

	/** The caller's profile unless deleted; null if none (or no person). */
	ProfileRow ownIfAny() {
		CurrentUser user = access.current();
		if (user.personId() == null) {
			return null;
		}
		return profiles.ofPerson(user.personId()).filter(p -> p.deletedAt() == null).orElse(null);
	}

	/** A reviewer approves the profile or returns it with a reason; the member is told, without any name. */
	public void review(long id, Boolean approve, String reason, Integer version) {
		CurrentUser user = access.current();
		access.requireReviewer(user);
		ProfileRow p = profiles.find(id).filter(r -> r.deletedAt() == null && MatchmakingAccess.reviews(user, r))
			.orElseThrow(NotFoundException::new);
		if (user.isSelf(p.personId())) {
			throw new ForbiddenException("matchmaking.review.error.own");
		}
		if (approve == null) {
			throw new InvalidValueException("approve", "matchmaking.review.error.approve");
		}
		String why = reason == null ? null : TextInput.text("reason", reason);
		why = why == null || why.isBlank() ? null : why.strip();
		if (!approve && (why == null || why.length() > 500) || why != null && why.length() > 500) {
			throw new InvalidValueException("reason", "matchmaking.review.error.reason");
		}
		profiles.lock(List.of(id));
		p = profiles.find(id).orElseThrow(NotFoundException::new);
		if (version != null && version != p.version()) {
			throw new ConflictException("matchmaking.profile.error.stale");
		}
		if (p.status() != ProfileStatus.PENDING) {
			throw new ConflictException("matchmaking.review.error.not-pending", p.status());
		}
		ProfileStatus to = approve ? ProfileStatus.APPROVED : ProfileStatus.RETURNED;
		profiles.setState(id, to, approve ? null : why, p.paused(), p.withdrawn(), null, p.recommendations(), now());
		profiles.insertReview(id, approve, why, user.accountId(), user.displayName(), now());
		audit.record(AuditType.DECIDE, PROFILE, id, AuditLog.SUCCESS,
				Texts.chinese(approve ? "matchmaking.audit.approved" : "matchmaking.audit.returned", id), p.organPath());
		Long account = accounts.accountsOf(List.of(p.personId())).get(p.personId());
		if (account != null) {
			notifications.send(NotificationRequest.of("matchmaking-reviewed-" + id + "-" + p.version(),
					approve ? "matchmaking-approved" : "matchmaking-returned", List.of(account))
				.withLink("/matchmaking"));
		}
	}
}
