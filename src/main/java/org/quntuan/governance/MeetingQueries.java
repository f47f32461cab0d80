package org.quntuan.governance;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.quntuan.member.MemberQueries;
import org.quntuan.organization.OrgSummary;
import org.quntuan.organization.OrgType;
import org.quntuan.organization.TargetOrgs;
import org.quntuan.organization.Targets;
import org.quntuan.organization.OrganizationQueries;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.SqlCondition;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.quntuan.platform.files.Download;
import org.quntuan.platform.files.FileStorage;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of meetings and resolutions, always within what the caller may see ({@link MeetingScope}). */
@Service
@Transactional(readOnly = true)
public class MeetingQueries {

	/** The most resolutions one list shows. */
	static final int RESOLUTION_LIMIT = 500;

	private final MeetingRepository meetings;

	private final MeetingScope scope;

	private final MeetingAccess access;

	private final OrganizationQueries orgs;

	private final MemberQueries members;

	private final FileStorage files;

	private final CurrentUserProvider users;

	private final TargetOrgs targets;

	private final Clock clock;

	MeetingQueries(MeetingRepository meetings, MeetingScope scope, MeetingAccess access, OrganizationQueries orgs,
			MemberQueries members, FileStorage files, CurrentUserProvider users,
			TargetOrgs targets, Clock clock) {
		this.targets = targets;
		this.meetings = meetings;
		this.scope = scope;
		this.access = access;
		this.orgs = orgs;
		this.members = members;
		this.files = files;
		this.users = users;
		this.clock = clock;
	}

	/** @param publishedOnly only meetings whose minutes are published (the 会议纪要 page) */
	public PageResult<MeetingViews.Summary> list(Long orgId, boolean publishedOnly, PageRequest page) {
		CurrentUser user = users.current();
		SqlCondition readable = scope.readable(user);
		long total = meetings.count(readable, orgId, publishedOnly);
		List<MeetingRepository.Row> rows = meetings.page(readable, orgId, publishedOnly, page.offset(), page.size());
		Map<Long, String> orgNames = orgNames(rows.stream().map(MeetingRepository.Row::orgId).toList());
		return PageResult.of(rows.stream().map(m -> summary(m, orgNames)).toList(), page, total);
	}

	public MeetingViews.Detail detail(long id) {
		CurrentUser user = users.current();
		MeetingRepository.Row m = access.readable(id);
		boolean manageable = access.canManage(m);
		Names names = new Names();
		List<MeetingViews.Invitee> invitees = meetings.invitees(id).stream()
			.map(i -> new MeetingViews.Invitee(i.personId(), names.of(i.personId()),
					i.attendance() == null ? null : i.attendance().toCodeLabel()))
			.toList();
		boolean published = m.minutesPublishedAt() != null;
		String orgName = orgs.find(m.orgId()).map(OrgSummary::name).orElse("");
		// a reader who is only invited sees the minutes and resolutions once published, like the org's people
		boolean seesRecord = manageable || published;
		List<MeetingViews.Resolution> resolutions = !seesRecord ? List.of()
				: meetings.resolutionsOf(id).stream().map(r -> resolution(r, Map.of(m.orgId(), orgName), names)).toList();
		List<MeetingViews.FileRef> attachments = !seesRecord && !isInvited(user, id) ? List.of()
				: files.ofOwner(Meetings.FILE_OWNER, id).stream()
					.map(f -> new MeetingViews.FileRef(f.id(), f.originalName(), f.kind().label(), f.sizeBytes()))
					.toList();
		return new MeetingViews.Detail(m.id(), m.orgId(), orgName, m.title(), m.kind().toCodeLabel(),
				m.startsAt().atZoneSameInstant(Zones.BUSINESS).toOffsetDateTime(), m.place(), m.agenda(),
				m.status().toCodeLabel(), held(m), seesRecord ? m.minutes() : null, published, m.minutesPublishedAt(),
				invitees, resolutions, attachments, manageable, m.version());
	}

	/** An attachment, for a caller who may see the meeting's attachments; 404 otherwise. */
	public Download attachment(long meetingId, long fileId) {
		MeetingViews.Detail meeting = detail(meetingId);
		if (meeting.attachments().stream().noneMatch(f -> f.id() == fileId)) {
			throw new NotFoundException();
		}
		return files.open(fileId);
	}

	/**
	 * Resolutions of the meetings the caller manages (admins) or may read the minutes of, and those
	 * the caller owns; open ones first by due date.
	 */
	public List<MeetingViews.Resolution> resolutions(ResolutionStatus status, Long orgId) {
		CurrentUser user = users.current();
		SqlCondition readable = scope.readable(user);
		// unpublished meetings' resolutions are a draft: only for admins (and their owners)
		SqlCondition condition = new SqlCondition("(" + scope.administered(user).sql()
				+ " or (m.minutes_published_at is not null and " + readable.sql() + "))", merged(readable, scope.administered(user)));
		List<MeetingRepository.ResolutionRow> rows = meetings.resolutions(condition, user.personId(), status, orgId,
				RESOLUTION_LIMIT);
		Map<Long, String> orgNames = orgNames(rows.stream().map(MeetingRepository.ResolutionRow::orgId).toList());
		Names names = new Names();
		return rows.stream().map(r -> resolution(r, orgNames, names)).toList();
	}

	/** A page of {@link #resolutions(ResolutionStatus, Long)}, cut in SQL. */
	public PageResult<MeetingViews.Resolution> resolutions(ResolutionStatus status, Long orgId, PageRequest page) {
		CurrentUser user = users.current();
		SqlCondition readable = scope.readable(user);
		SqlCondition condition = new SqlCondition("(" + scope.administered(user).sql()
				+ " or (m.minutes_published_at is not null and " + readable.sql() + "))", merged(readable, scope.administered(user)));
		PageResult<MeetingRepository.ResolutionRow> rows = meetings.resolutions(condition, user.personId(), status, orgId,
				page);
		Map<Long, String> orgNames = orgNames(rows.content().stream().map(MeetingRepository.ResolutionRow::orgId).toList());
		Names names = new Names();
		return rows.map(r -> resolution(r, orgNames, names));
	}

	/** Orgs the caller may schedule meetings for: those of their grants, then the mass orgs below. */
	public List<OrgSummary> schedulableOrgs() {
		CurrentUser user = users.current();
		List<Long> ids = user.scope().adminGrants().stream().map(g -> g.orgId()).distinct().toList();
		LinkedHashMap<Long, OrgSummary> result = new LinkedHashMap<>();
		orgs.findAll(ids).stream().filter(o -> o.active() && o.type() != OrgType.CLUB)
			.forEach(o -> result.put(o.id(), o));
		if (!ids.isEmpty()) {
			targets.recipients(Targets.everyone()).forEach(o -> result.putIfAbsent(o.id(), o));
		}
		return List.copyOf(result.values());
	}

	private static Map<String, Object> merged(SqlCondition a, SqlCondition b) {
		Map<String, Object> params = new HashMap<>(a.params());
		params.putAll(b.params());
		return params;
	}

	private boolean isInvited(CurrentUser user, long meetingId) {
		return user.personId() != null && meetings.isInvited(meetingId, user.personId());
	}

	private boolean held(MeetingRepository.Row m) {
		return !m.startsAt().isAfter(OffsetDateTime.now(clock));
	}

	private MeetingViews.Summary summary(MeetingRepository.Row m, Map<Long, String> orgNames) {
		return new MeetingViews.Summary(m.id(), m.orgId(), orgNames.getOrDefault(m.orgId(), ""), m.title(),
				m.kind().toCodeLabel(), m.startsAt().atZoneSameInstant(Zones.BUSINESS).toOffsetDateTime(), m.place(),
				m.status().toCodeLabel(), held(m), m.minutesPublishedAt() != null);
	}

	private MeetingViews.Resolution resolution(MeetingRepository.ResolutionRow r, Map<Long, String> orgNames, Names names) {
		LocalDate today = LocalDate.now(clock.withZone(Zones.BUSINESS));
		return new MeetingViews.Resolution(r.id(), r.meetingId(), r.meetingTitle(), r.orgId(),
				orgNames.getOrDefault(r.orgId(), ""), r.content(), r.ownerId(), names.of(r.ownerId()), r.dueDate(),
				r.status().toCodeLabel(), r.status() == ResolutionStatus.OPEN && r.dueDate().isBefore(today),
				r.closingNote(), r.closedAt(), r.version());
	}

	private Map<Long, String> orgNames(List<Long> ids) {
		Map<Long, String> names = new HashMap<>();
		orgs.findAll(ids.stream().distinct().toList()).forEach(o -> names.put(o.id(), o.name()));
		return names;
	}

	/** Person names looked up once each. */
	private final class Names {

		private final Map<Long, String> cache = new HashMap<>();

		String of(long personId) {
			return cache.computeIfAbsent(personId,
					id -> members.find(id).map(MemberQueries.PersonRef::name).orElse(Texts.localized("governance.meeting.person.unknown", id)));
		}
	}
}
