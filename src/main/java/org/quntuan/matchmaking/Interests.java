package org.quntuan.matchmaking;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.identity.PersonAccounts;
import org.quntuan.identity.RoleHolders;
import org.quntuan.notification.NotificationRequest;
import org.quntuan.notification.Notifications;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.ConflictException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.Role;
import org.quntuan.platform.TextInput;
import org.quntuan.platform.Texts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Interest (心动), block and report. Interest between two profiles locks both rows in id order first, so
 * that A's interest in B and B's in A at the same moment are serialised: the second finds the first and
 * makes the one match. Notifications and audit texts name nobody: before a match nobody learns who.
 */
@Service
@Transactional
public class Interests {

	static final String INTEREST = "MATCHMAKING_INTEREST";

	/** What an interest became: waiting for an answer, or at once a match (the other had already shown theirs). */
	public record Expressed(long id, InterestStatus status, Long matchId) {
	}

	private final InterestRepository interests;

	private final ProfileRepository profiles;

	private final SearchRepository search;

	private final Profiles own;

	private final PersonAccounts accounts;

	private final RoleHolders roles;

	private final Notifications notifications;

	private final AuditLog audit;

	private final Clock clock;

	Interests(InterestRepository interests, ProfileRepository profiles, SearchRepository search, Profiles own,
			PersonAccounts accounts, RoleHolders roles, Notifications notifications, AuditLog audit, Clock clock) {
		this.interests = interests;
		this.profiles = profiles;
		this.search = search;
		this.own = own;
		this.accounts = accounts;
		this.roles = roles;
		this.notifications = notifications;
		this.audit = audit;
		this.clock = clock;
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
	}

	/** The caller's profile, approved and listed: the condition of taking part. */
	private ProfileRow listedOwn() {
		ProfileRow me = own.shownOwn();
		if (me == null) {
			throw new BusinessRuleException("matchmaking.interest.error.no-profile");
		}
		return me;
	}

	public Expressed express(Long to) {
		ProfileRow me = listedOwn();
		if (to == null) {
			throw new InvalidValueException("to", "matchmaking.interest.error.to");
		}
		if (to == me.id()) {
			throw new InvalidValueException("to", "matchmaking.interest.error.self");
		}
		if (interests.blocked(me.id(), to)) {
			throw new BusinessRuleException("matchmaking.interest.error.blocked");
		}
		ProfileRow other = search.visible(me, to).orElseThrow(NotFoundException::new);
		profiles.lock(List.of(me.id(), other.id()));
		if (interests.between(me.id(), other.id()).isPresent()) {
			throw new ConflictException("matchmaking.interest.error.twice");
		}
		InterestRepository.InterestRow theirs = interests.between(other.id(), me.id())
			.filter(i -> i.status() == InterestStatus.PENDING).orElse(null);
		if (theirs == null) {
			long id = interests.insert(me.id(), other.id(), InterestStatus.PENDING, now());
			audit.record(AuditType.CREATE, INTEREST, id, AuditLog.SUCCESS, Texts.chinese("matchmaking.audit.interest", id));
			notify(other, "matchmaking-interest", "matchmaking-interest-" + id);
			return new Expressed(id, InterestStatus.PENDING, null);
		}
		long id = interests.insert(me.id(), other.id(), InterestStatus.ACCEPTED, now());
		interests.answer(theirs.id(), InterestStatus.ACCEPTED, now());
		long match = matched(me, other);
		audit.record(AuditType.CREATE, INTEREST, id, AuditLog.SUCCESS, Texts.chinese("matchmaking.audit.mutual", id, match));
		return new Expressed(id, InterestStatus.ACCEPTED, match);
	}

	/** The receiver returns the interest: a match. */
	public long accept(long interestId) {
		ProfileRow me = listedOwn();
		InterestRepository.InterestRow i = received(me, interestId);
		profiles.lock(List.of(me.id(), i.fromProfileId()));
		i = interests.find(interestId).orElseThrow(NotFoundException::new);
		if (i.status() != InterestStatus.PENDING) {
			throw new ConflictException("matchmaking.interest.error.answered", i.status());
		}
		// the sender may have withdrawn, paused, been returned to review or blocked since: no contact then
		ProfileRow other = profiles.find(i.fromProfileId())
			.filter(p -> p.deletedAt() == null && own.shown(p) && !interests.blocked(me.id(), p.id())
					&& !interests.blocked(p.id(), me.id()))
			.orElseThrow(NotFoundException::new);
		interests.answer(i.id(), InterestStatus.ACCEPTED, now());
		long match = matched(me, other);
		audit.record(AuditType.UPDATE, INTEREST, i.id(), AuditLog.SUCCESS,
				Texts.chinese("matchmaking.audit.accepted", i.id(), match));
		return match;
	}

	public void decline(long interestId) {
		ProfileRow me = listedOwn();
		InterestRepository.InterestRow i = received(me, interestId);
		profiles.lock(List.of(me.id(), i.fromProfileId()));
		i = interests.find(interestId).orElseThrow(NotFoundException::new);
		if (i.status() != InterestStatus.PENDING) {
			throw new ConflictException("matchmaking.interest.error.answered", i.status());
		}
		interests.answer(i.id(), InterestStatus.DECLINED, now());
		audit.record(AuditType.UPDATE, INTEREST, i.id(), AuditLog.SUCCESS, Texts.chinese("matchmaking.audit.declined", i.id()));
	}

	private InterestRepository.InterestRow received(ProfileRow me, long interestId) {
		return interests.find(interestId).filter(i -> i.toProfileId() == me.id()).orElseThrow(NotFoundException::new);
	}

	private long matched(ProfileRow me, ProfileRow other) {
		long match = interests.match(me.id(), other.id(), now());
		notify(me, "matchmaking-matched", "matchmaking-matched-" + match);
		notify(other, "matchmaking-matched", "matchmaking-matched-" + match);
		return match;
	}

	private void notify(ProfileRow to, String template, String key) {
		Long account = accounts.accountsOf(List.of(to.personId())).get(to.personId());
		if (account != null) {
			notifications.send(NotificationRequest.of(key, template, List.of(account)).withLink("/matchmaking/interests"));
		}
	}

	/** Blocks another profile: neither sees the other any more; open interests between them are declined. */
	public void block(Long profileId) {
		ProfileRow me = own.own();
		ProfileRow other = target(me, profileId);
		if (interests.blocked(me.id(), other.id())) {
			throw new ConflictException("matchmaking.block.error.twice");
		}
		interests.block(me.id(), other.id(), now());
		for (long[] pair : new long[][] { { me.id(), other.id() }, { other.id(), me.id() } }) {
			interests.between(pair[0], pair[1]).filter(i -> i.status() == InterestStatus.PENDING)
				.ifPresent(i -> interests.answer(i.id(), InterestStatus.DECLINED, now()));
		}
		audit.record(AuditType.CREATE, Profiles.PROFILE, me.id(), AuditLog.SUCCESS,
				Texts.chinese("matchmaking.audit.blocked", me.id(), other.id()));
	}

	/** Reports another profile to the work committee's reviewers. */
	public long report(Long profileId, String reason) {
		ProfileRow me = own.own();
		String why = reason == null ? null : TextInput.text("reason", reason);
		if (why == null || why.isBlank() || why.length() > 500) {
			throw new InvalidValueException("reason", "matchmaking.report.error.reason");
		}
		ProfileRow other = target(me, profileId);
		long id = interests.report(me.id(), other.id(), why.strip(), now());
		audit.record(AuditType.CREATE, Profiles.PROFILE, other.id(), AuditLog.SUCCESS,
				Texts.chinese("matchmaking.audit.reported", other.id(), id));
		Map<Long, List<Long>> reviewers = roles.accountsWithRole(Role.FEDERATION_ADMIN, List.of(interests.root()));
		List<Long> to = new ArrayList<>();
		reviewers.values().forEach(to::addAll);
		if (!to.isEmpty()) {
			notifications.send(NotificationRequest.of("matchmaking-report-" + id, "matchmaking-reported", to)
				.withLink("/matchmaking/reviews"));
		}
		return id;
	}

	private ProfileRow target(ProfileRow me, Long profileId) {
		if (profileId == null) {
			throw new InvalidValueException("profileId", "matchmaking.interest.error.to");
		}
		if (profileId == me.id()) {
			throw new InvalidValueException("profileId", "matchmaking.interest.error.self");
		}
		return profiles.find(profileId).filter(p -> p.deletedAt() == null && p.status() == ProfileStatus.APPROVED)
			.orElseThrow(NotFoundException::new);
	}
}
