package org.quntuan.activity.clubs;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.quntuan.activity.ActivityRepository;
import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.member.MemberQueries;
import org.quntuan.notification.NotificationRequest;
import org.quntuan.notification.Notifications;
import org.quntuan.organization.OrgSummary;
import org.quntuan.organization.OrgType;
import org.quntuan.organization.OrganizationQueries;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.TextInput;
import org.quntuan.platform.Texts;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Clubs: founding, join requests and their approval, leaving, and merging two clubs. */
@Service
@Transactional
public class ClubManagement {

	/** What a join request left behind; {@code created} false when the caller had already asked. */
	public record JoinResult(ClubMemberStatus status, boolean created) {
	}

	private final ClubRepository clubs;

	private final ClubAccess access;

	private final CurrentUserProvider users;

	private final OrganizationQueries orgs;

	private final MemberQueries people;

	private final Notifications notifications;

	private final Clock clock;

	private final AuditLog audit;

	private final ActivityRepository activities;

	ClubManagement(ClubRepository clubs, ClubAccess access, CurrentUserProvider users, OrganizationQueries orgs,
			MemberQueries people, Notifications notifications, Clock clock, AuditLog audit,
			ActivityRepository activities) {
		this.activities = activities;
		this.audit = audit;
		this.clubs = clubs;
		this.access = access;
		this.users = users;
		this.orgs = orgs;
		this.people = people;
		this.notifications = notifications;
		this.clock = clock;
	}

	public long create(ClubForm form) {
		CurrentUser user = users.current();
		if (!user.scope().isAdmin()) {
			throw new ForbiddenException("activity.club.error.admin-only");
		}
		String name = TextInput.name("name", form.name());
		if (name == null || name.length() > 100) {
			throw new InvalidValueException("name", "activity.club.error.name");
		}
		String description = TextInput.normalize(form.description());
		if (description != null && description.length() > 2000) {
			throw new InvalidValueException("description", "activity.club.error.description-too-long");
		}
		if (form.sponsorOrgId() == null || form.leaderPersonId() == null) {
			throw new InvalidValueException("activity.club.error.sponsor-and-leader");
		}
		OrgSummary sponsor = orgs.find(form.sponsorOrgId()).filter(OrgSummary::active)
			.orElseThrow(() -> new InvalidValueException("sponsorOrgId", "activity.club.error.sponsor-missing"));
		if (sponsor.type() != OrgType.COMMITTEE && sponsor.type() != OrgType.UNION) {
			throw new InvalidValueException("sponsorOrgId", "activity.club.error.sponsor-type");
		}
		if (!access.administers(user, sponsor.path())) {
			throw new ForbiddenException("activity.club.error.sponsor-forbidden");
		}
		MemberQueries.PersonRef leader = people.find(form.leaderPersonId()).filter(MemberQueries.PersonRef::active)
			.orElseThrow(() -> new InvalidValueException("leaderPersonId", "activity.club.error.leader-missing"));
		if (access.accountOf(leader.id()) == null) {
			throw new BusinessRuleException("activity.club.error.leader-no-account", leader.name());
		}
		String organPath = orgs.find(leader.organId()).map(OrgSummary::path).orElse("");
		if (!organPath.startsWith(access.reachOf(sponsor))) {
			throw new BusinessRuleException("activity.club.error.leader-out-of-reach");
		}
		OffsetDateTime now = OffsetDateTime.now(clock);
		long id = clubs.insert(name, description, leader.id(), sponsor.id(), now);
		clubs.insertApprovedMember(id, leader.id(), now, user.accountId());
		audit.record(AuditType.CREATE, "CLUB", id, AuditLog.SUCCESS, Texts.chinese("activity.club.audit.created", name, leader.name()),
				sponsor.path());
		return id;
	}

	/** Asks to join; asking again returns the standing request or membership unchanged. */
	public JoinResult join(long clubId) {
		CurrentUser user = users.current();
		ClubAccess.ClubRef club = access.visible(clubId);
		requireActive(club);
		if (user.personId() == null) {
			throw new BusinessRuleException("activity.club.error.no-person");
		}
		lockClub(clubId);
		ClubMemberStatus current = statusOf(clubId, user.personId());
		if (current == ClubMemberStatus.PENDING || current == ClubMemberStatus.APPROVED) {
			return new JoinResult(current, false);
		}
		OffsetDateTime now = OffsetDateTime.now(clock);
		if (current == null) {
			try {
				clubs.insertRequest(clubId, user.personId(), now);
			}
			catch (DuplicateKeyException raced) {
				return new JoinResult(statusOf(clubId, user.personId()), false);
			}
		}
		else {
			clubs.renewRequest(clubId, user.personId(), now);
		}
		Long leaderAccount = access.accountOf(club.leaderPersonId());
		if (leaderAccount != null) {
			notifications.send(NotificationRequest.of("club-" + clubId + "-join-" + user.personId() + "-" + now.toEpochSecond(),
					"club-join-requested", List.of(leaderAccount), club.name(), user.displayName())
				.withLink("/clubs/requests"));
		}
		audit.record(AuditType.CREATE, "CLUB", clubId, AuditLog.SUCCESS,
				Texts.chinese("activity.club.audit.join-requested", club.name()), club.sponsorPath());
		return new JoinResult(ClubMemberStatus.PENDING, true);
	}

	public void leave(long clubId) {
		CurrentUser user = users.current();
		ClubAccess.ClubRef club = access.visible(clubId);
		requireActive(club);
		if (user.isSelf(club.leaderPersonId())) {
			throw new BusinessRuleException("activity.club.error.leader-cannot-leave");
		}
		ClubMemberStatus current = user.personId() == null ? null : statusOf(clubId, user.personId());
		if (current != ClubMemberStatus.APPROVED && current != ClubMemberStatus.PENDING) {
			throw new BusinessRuleException("activity.club.error.not-member");
		}
		clubs.markLeft(clubId, user.personId(), OffsetDateTime.now(clock));
		audit.record(AuditType.CANCEL, "CLUB", clubId, AuditLog.SUCCESS,
				Texts.chinese(current == ClubMemberStatus.PENDING ? "activity.club.audit.withdrawn" : "activity.club.audit.left",
						club.name()),
				club.sponsorPath());
	}

	public ClubMemberStatus decide(long clubId, long personId, boolean approve) {
		CurrentUser user = users.current();
		ClubAccess.ClubRef club = access.manageable(clubId);
		requireActive(club);
		lockClub(clubId);
		ClubMemberStatus current = statusOf(clubId, personId);
		if (current == null) {
			throw new NotFoundException("activity.club.error.no-request");
		}
		ClubMemberStatus target = approve ? ClubMemberStatus.APPROVED : ClubMemberStatus.REJECTED;
		if (current == target) {
			return current;
		}
		if (current != ClubMemberStatus.PENDING) {
			throw new BusinessRuleException("activity.club.error.decided", current);
		}
		OffsetDateTime now = OffsetDateTime.now(clock);
		clubs.decide(clubId, personId, target, now, user.accountId());
		Long account = access.accountOf(personId);
		if (account != null) {
			notifications.send(NotificationRequest.of("club-" + clubId + "-decided-" + personId + "-" + now.toEpochSecond(),
					"club-join-decided", List.of(account), club.name(), target.label())
				.withLink("/clubs/" + clubId));
		}
		String name = people.find(personId).map(MemberQueries.PersonRef::name).orElseGet(() -> Texts.chinese("activity.audit.person", personId));
		audit.record(AuditType.DECIDE, "CLUB", clubId, AuditLog.SUCCESS,
				Texts.chinese(approve ? "activity.club.audit.approved" : "activity.club.audit.rejected", name, club.name()),
				club.sponsorPath());
		return target;
	}

	/**
	 * The absorbed club's members move to the surviving club (someone in both stays once, approved if
	 * approved in either), its activities now belong to the survivor, and it is closed as merged.
	 */
	public void merge(long survivingId, long absorbedId) {
		CurrentUser user = users.current();
		ClubAccess.ClubRef surviving = access.visible(survivingId);
		if (!access.administers(user, surviving.sponsorPath())) {
			throw new ForbiddenException("activity.club.error.merge-admin-only");
		}
		if (survivingId == absorbedId) {
			throw new InvalidValueException("absorbedClubId", "activity.club.error.merge-self");
		}
		ClubAccess.ClubRef absorbed = access.visible(absorbedId);
		if (!access.administers(user, absorbed.sponsorPath())) {
			throw new ForbiddenException("activity.club.error.merge-both-admin");
		}
		// both rows locked in id order, so two opposite merges cannot deadlock
		lockClub(Math.min(survivingId, absorbedId));
		lockClub(Math.max(survivingId, absorbedId));
		requireActive(statusNow(surviving));
		requireActive(statusNow(absorbed));
		OffsetDateTime now = OffsetDateTime.now(clock);
		List<Object[]> moving = clubs.approvedOrPending(absorbedId);
		for (Object[] m : moving) {
			long person = (Long) m[0];
			String status = (String) m[1];
			ClubMemberStatus there = statusOf(survivingId, person);
			if (there == null) {
				clubs.insertMoved(survivingId, person, status, now, user.accountId(), absorbedId);
			}
			else if (there != ClubMemberStatus.APPROVED && !(there == ClubMemberStatus.PENDING && status.equals("PENDING"))) {
				clubs.updateMoved(survivingId, person, status, now, user.accountId(), absorbedId);
			}
		}
		activities.moveToClub(absorbedId, survivingId);
		clubs.markMerged(absorbedId, survivingId, now, user.accountId());
		audit.record(AuditType.UPDATE, "CLUB", absorbedId, AuditLog.SUCCESS,
				Texts.chinese("activity.club.audit.merged", absorbed.name(), surviving.name(), moving.size()),
				absorbed.sponsorPath());
	}

	private ClubAccess.ClubRef statusNow(ClubAccess.ClubRef club) {
		String status = clubs.status(club.id());
		return new ClubAccess.ClubRef(club.id(), club.name(), club.leaderPersonId(), club.sponsorPath(), status);
	}

	private static void requireActive(ClubAccess.ClubRef club) {
		if (!ClubStatus.ACTIVE.name().equals(club.status())) {
			throw new BusinessRuleException("activity.club.error.merged", club.name());
		}
	}

	private void lockClub(long id) {
		clubs.lock(id);
	}

	private ClubMemberStatus statusOf(long clubId, long personId) {
		return clubs.memberStatus(clubId, personId).orElse(null);
	}
}
