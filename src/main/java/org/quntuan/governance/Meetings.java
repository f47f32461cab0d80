package org.quntuan.governance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.member.MemberQueries;
import org.quntuan.notification.NotificationRequest;
import org.quntuan.notification.Notifications;
import org.quntuan.organization.OrgSummary;
import org.quntuan.organization.OrgType;
import org.quntuan.organization.OrganizationQueries;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.Coded;
import org.quntuan.platform.ConflictException;
import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.Text;
import org.quntuan.platform.TextInput;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.quntuan.platform.files.FileKind;
import org.quntuan.platform.files.FileStorage;
import org.quntuan.platform.files.StoredFile;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Scheduling meetings and recording what happened: attendance, minutes, resolutions, attachments.
 * Minutes, attendance and resolutions can only be recorded once the meeting's start time has passed.
 */
@Service
@Transactional
public class Meetings {

	static final String FILE_OWNER = "MEETING";

	static final Set<FileKind> ATTACHMENT_KINDS = EnumSet.of(FileKind.PDF, FileKind.DOCX, FileKind.XLSX, FileKind.PNG,
			FileKind.JPEG);

	static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final MeetingRepository meetings;

	private final MeetingAccess access;

	private final OrganizationQueries orgs;

	private final MemberQueries members;

	private final GovernanceContacts contacts;

	private final Notifications notifications;

	private final FileStorage files;

	private final CurrentUserProvider users;

	private final Clock clock;

	private final AuditLog audit;

	Meetings(MeetingRepository meetings, MeetingAccess access, OrganizationQueries orgs, MemberQueries members,
			GovernanceContacts contacts, Notifications notifications, FileStorage files, CurrentUserProvider users,
			Clock clock, AuditLog audit) {
		this.audit = audit;
		this.meetings = meetings;
		this.access = access;
		this.orgs = orgs;
		this.members = members;
		this.contacts = contacts;
		this.notifications = notifications;
		this.files = files;
		this.users = users;
		this.clock = clock;
	}

	/** Schedules a meeting and notifies the invitees who have an account. */
	public long schedule(MeetingForm form) {
		if (!users.current().scope().isAdmin()) {
			throw new ForbiddenException("governance.meeting.error.schedule-forbidden");
		}
		if (form.orgId() == null) {
			throw new InvalidValueException("orgId", "governance.meeting.error.org-required");
		}
		OrgSummary org = orgs.visible(form.orgId());
		if (!orgs.canManage(org)) {
			throw new ForbiddenException("governance.meeting.error.org-forbidden");
		}
		if (org.type() == OrgType.CLUB || !org.active()) {
			throw new BusinessRuleException("governance.meeting.error.org-cannot-meet");
		}
		String title = required(TextInput.name("title", form.title()), "title", "governance.meeting.error.title-required", 200);
		MeetingKind kind = form.kind() == null || form.kind().isBlank() ? null : Coded.parse(MeetingKind.class, form.kind());
		if (kind == null) {
			throw new InvalidValueException("kind", "governance.meeting.error.kind-required");
		}
		if (form.startsAt() == null) {
			throw new InvalidValueException("startsAt", "governance.meeting.error.time-required");
		}
		String place = required(TextInput.name("place", form.place()), "place", "governance.meeting.error.place-required", 200);
		String agenda = optional(form.agenda(), "agenda", "governance.meeting.error.agenda-too-long", 4000);
		List<Long> invitees = form.inviteeIds() == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(form.inviteeIds()));
		if (invitees.isEmpty()) {
			throw new InvalidValueException("inviteeIds", "governance.meeting.error.invitees-required");
		}
		checkPeopleOfOrg(org, invitees, "inviteeIds");
		OffsetDateTime now = OffsetDateTime.now(clock);
		long id = meetings.insert(org.id(), MeetingScope.organOf(org), title, kind, form.startsAt(), place, agenda,
				users.current().accountId(), now);
		meetings.addInvitees(id, invitees);
		if (form.startsAt().isAfter(now)) {
			Map<Long, Long> accounts = contacts.accountsOfPeople(invitees);
			if (!accounts.isEmpty()) {
				notifications.send(NotificationRequest.of("meeting-" + id + "-invite", "meeting-invited",
						accounts.values(), org.name(), title,
						form.startsAt().atZoneSameInstant(Zones.BUSINESS).format(WHEN), place)
					.withLink("/meetings/" + id));
			}
		}
		audit.record(AuditType.CREATE, "MEETING", id, AuditLog.SUCCESS, Texts.chinese("governance.meeting.audit.scheduled",
				org.name(), kind, title, form.startsAt().atZoneSameInstant(Zones.BUSINESS).format(WHEN), invitees.size()),
				org.path());
		return id;
	}

	public void cancel(long id, Integer version) {
		MeetingRepository.Row m = access.manageable(id);
		if (m.status() == MeetingStatus.CANCELLED) {
			throw new ConflictException("governance.meeting.error.cancelled");
		}
		if (isHeld(m)) {
			throw new BusinessRuleException("governance.meeting.error.already-held");
		}
		if (!meetings.cancel(id, versionOrFail(version))) {
			throw stale();
		}
		Map<Long, Long> accounts = contacts
			.accountsOfPeople(meetings.invitees(id).stream().map(MeetingRepository.InviteeRow::personId).toList());
		if (!accounts.isEmpty()) {
			notifications.send(NotificationRequest.of("meeting-" + id + "-cancel", "meeting-cancelled",
					accounts.values(), m.title(), m.startsAt().atZoneSameInstant(Zones.BUSINESS).format(WHEN))
				.withLink("/meetings/" + id));
		}
		record(AuditType.CANCEL, id, m.orgId(), Texts.chinese("governance.meeting.audit.cancelled", m.title()));
	}

	private void record(AuditType type, long meetingId, long orgId, String summary) {
		audit.record(type, "MEETING", meetingId, AuditLog.SUCCESS, summary,
				orgs.find(orgId).map(OrgSummary::path).orElse(null));
	}

	/** Attendance of invitees; anyone not invited is refused and nothing is changed. */
	public void recordAttendance(long id, Map<Long, String> attendance, Integer version) {
		MeetingRepository.Row m = held(access.manageable(id), "governance.meeting.error.attendance-before-start");
		if (attendance == null || attendance.isEmpty()) {
			throw new InvalidValueException("attendance", "governance.meeting.error.attendance-required");
		}
		for (Map.Entry<Long, String> e : attendance.entrySet()) {
			if (e.getKey() == null || !meetings.isInvited(id, e.getKey())) {
				throw new BusinessRuleException("governance.meeting.error.not-invited", String.valueOf(e.getKey()));
			}
			if (e.getValue() == null || e.getValue().isBlank()) {
				throw new InvalidValueException("attendance", "governance.meeting.error.attendance-value");
			}
			Coded.parse(Attendance.class, e.getValue());
		}
		// the meeting's version moves on, so two secretaries filling in the same list learn of each other
		if (!meetings.touch(id, versionOrFail(version))) {
			throw stale();
		}
		attendance.forEach((person, value) -> meetings.setAttendance(m.id(), person, Coded.parse(Attendance.class, value)));
		record(AuditType.UPDATE, id, m.orgId(),
				Texts.chinese("governance.meeting.audit.attendance", m.title(), attendance.size()));
	}

	/** Saves the minutes; published minutes are readable by the org's people, a draft by admins only. */
	public void saveMinutes(long id, String text, boolean publish, Integer version) {
		MeetingRepository.Row m = held(access.manageable(id), "governance.meeting.error.minutes-before-start");
		String minutes = optional(text, "minutes", "governance.meeting.error.minutes-too-long", 20000);
		if (publish && minutes == null) {
			throw new InvalidValueException("minutes", "governance.meeting.error.minutes-required");
		}
		OffsetDateTime publishedAt = publish ? (m.minutesPublishedAt() != null ? m.minutesPublishedAt()
				: OffsetDateTime.now(clock)) : null;
		if (!meetings.saveMinutes(id, versionOrFail(version), minutes, publishedAt)) {
			throw stale();
		}
		record(publish ? AuditType.PUBLISH : AuditType.UPDATE, id, m.orgId(),
				Texts.chinese(publish ? "governance.meeting.audit.minutes-published" : "governance.meeting.audit.minutes-saved",
						m.title()));
	}

	public long addResolution(long meetingId, ResolutionForm form) {
		MeetingRepository.Row m = access.manageable(meetingId);
		String content = required(form.content(), "content", "governance.resolution.error.content-required", 1000);
		if (form.ownerId() == null) {
			throw new InvalidValueException("ownerId", "governance.resolution.error.owner-required");
		}
		if (form.dueDate() == null) {
			throw new InvalidValueException("dueDate", "governance.resolution.error.due-date-required");
		}
		held(m, "governance.resolution.error.before-start");
		OrgSummary org = orgs.find(m.orgId()).orElseThrow();
		checkPeopleOfOrg(org, List.of(form.ownerId()), "ownerId");
		long id = meetings.insertResolution(meetingId, content, form.ownerId(), form.dueDate(), OffsetDateTime.now(clock));
		audit.record(AuditType.CREATE, "RESOLUTION", id, AuditLog.SUCCESS, Texts.chinese("governance.resolution.audit.added",
				content, m.title(), form.dueDate().toString()), org.path());
		return id;
	}

	/** Closes an open resolution with a note; by an admin of the meeting's org or by the resolution's owner. */
	public void closeResolution(long id, String note, Integer version) {
		MeetingRepository.ResolutionRow r = meetings.findResolution(id)
			.orElseThrow(NotFoundException::new);
		MeetingRepository.Row m = access.readable(r.meetingId());
		boolean owner = users.current().isSelf(r.ownerId());
		if (!access.canManage(m) && !owner) {
			throw new ForbiddenException("governance.resolution.error.close-forbidden");
		}
		String closingNote = required(note, "closingNote", "governance.resolution.error.closing-note-required", 1000);
		if (r.status() == ResolutionStatus.CLOSED) {
			throw new ConflictException("governance.resolution.error.closed");
		}
		if (!meetings.closeResolution(id, versionOrFail(version), closingNote, users.current().accountId(),
				OffsetDateTime.now(clock))) {
			throw stale();
		}
		audit.record(AuditType.UPDATE, "RESOLUTION", id, AuditLog.SUCCESS, Texts.chinese("governance.resolution.audit.closed",
				r.content(), r.meetingTitle()), orgs.find(r.orgId()).map(OrgSummary::path).orElse(null));
	}

	public StoredFile attach(long id, MultipartFile file) {
		MeetingRepository.Row m = access.manageable(id);
		if (file == null || file.isEmpty()) {
			throw new InvalidValueException("file", "governance.meeting.error.attachment-required");
		}
		StoredFile stored;
		try {
			stored = files.store(FILE_OWNER, id, file.getOriginalFilename(), file.getInputStream(), file.getSize(),
					ATTACHMENT_KINDS);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		record(AuditType.UPDATE, id, m.orgId(), Texts.chinese("governance.meeting.audit.attached",
				stored.originalName(), m.title()));
		return stored;
	}

	/** Every person must be active and work in the org's organ (or an organ below a group / the committee). */
	private void checkPeopleOfOrg(OrgSummary org, List<Long> personIds, String field) {
		Long organ = MeetingScope.organOf(org);
		List<Long> organs = organ != null ? List.of(organ) : orgs.organIdsBelow(org.path());
		for (Long personId : personIds) {
			boolean ok = personId != null && members.find(personId)
				.filter(p -> p.active() && organs.contains(p.organId())).isPresent();
			if (!ok) {
				throw new InvalidValueException(field,
						Text.of("governance.meeting.error.not-of-org", String.valueOf(personId), org.name()));
			}
		}
	}

	boolean isHeld(MeetingRepository.Row m) {
		return !m.startsAt().isAfter(OffsetDateTime.now(clock));
	}

	private MeetingRepository.Row held(MeetingRepository.Row m, String messageKey) {
		if (m.status() == MeetingStatus.CANCELLED) {
			throw new BusinessRuleException("governance.meeting.error.cancelled");
		}
		if (!isHeld(m)) {
			throw new BusinessRuleException(messageKey);
		}
		return m;
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.BUSINESS));
	}

	/** {@code messageKey}: the bundle key of the message when the value is missing. */
	static String required(String value, String field, String messageKey, int max) {
		String v = TextInput.text(field, value);
		if (v == null) {
			throw new InvalidValueException(field, messageKey);
		}
		if (v.length() > max) {
			throw new InvalidValueException(field, Text.of("governance.meeting.error.too-long", max));
		}
		return v;
	}

	/** {@code tooLongKey}: the bundle key of the message when the value is too long, with the maximum as {0}. */
	static String optional(String value, String field, String tooLongKey, int max) {
		String v = TextInput.text(field, value);
		if (v != null && v.length() > max) {
			throw new InvalidValueException(field, Text.of(tooLongKey, max));
		}
		return v;
	}

	static int versionOrFail(Integer version) {
		if (version == null) {
			throw new InvalidValueException("version", "governance.meeting.error.version-required");
		}
		return version;
	}

	static ConflictException stale() {
		return new ConflictException("governance.meeting.error.stale");
	}
}
