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
import org.quntuan.platform.TextInput;
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
			throw new ForbiddenException("只有组织管理员可以安排会议");
		}
		if (form.orgId() == null) {
			throw new InvalidValueException("orgId", "请选择召开会议的组织");
		}
		OrgSummary org = orgs.visible(form.orgId());
		if (!orgs.canManage(org)) {
			throw new ForbiddenException("您无权为该组织安排会议");
		}
		if (org.type() == OrgType.CLUB || !org.active()) {
			throw new BusinessRuleException("该组织不能召开会议");
		}
		String title = required(TextInput.name("title", form.title()), "title", "请填写会议名称", 200);
		MeetingKind kind = form.kind() == null || form.kind().isBlank() ? null : Coded.parse(MeetingKind.class, form.kind());
		if (kind == null) {
			throw new InvalidValueException("kind", "请选择会议类型");
		}
		if (form.startsAt() == null) {
			throw new InvalidValueException("startsAt", "请填写会议时间");
		}
		String place = required(TextInput.name("place", form.place()), "place", "请填写会议地点", 200);
		String agenda = optional(form.agenda(), "agenda", "议程", 4000);
		List<Long> invitees = form.inviteeIds() == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(form.inviteeIds()));
		if (invitees.isEmpty()) {
			throw new InvalidValueException("inviteeIds", "请选择参会人员");
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
		audit.record(AuditType.CREATE, "MEETING", id, AuditLog.SUCCESS, "安排会议：" + org.name() + " " + kind.label() + "「"
				+ title + "」，" + form.startsAt().atZoneSameInstant(Zones.BUSINESS).format(WHEN) + "，邀请 " + invitees.size()
				+ " 人", org.path());
		return id;
	}

	public void cancel(long id, Integer version) {
		MeetingRepository.Row m = access.manageable(id);
		if (m.status() == MeetingStatus.CANCELLED) {
			throw new ConflictException("会议已取消");
		}
		if (isHeld(m)) {
			throw new BusinessRuleException("会议已召开，不能取消");
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
		record(AuditType.CANCEL, id, m.orgId(), "取消会议：" + m.title());
	}

	private void record(AuditType type, long meetingId, long orgId, String summary) {
		audit.record(type, "MEETING", meetingId, AuditLog.SUCCESS, summary,
				orgs.find(orgId).map(OrgSummary::path).orElse(null));
	}

	/** Attendance of invitees; anyone not invited is refused and nothing is changed. */
	public void recordAttendance(long id, Map<Long, String> attendance, Integer version) {
		MeetingRepository.Row m = held(access.manageable(id), "会议召开后才能登记出席情况");
		if (attendance == null || attendance.isEmpty()) {
			throw new InvalidValueException("attendance", "请登记至少一位参会人员的出席情况");
		}
		for (Map.Entry<Long, String> e : attendance.entrySet()) {
			if (e.getKey() == null || !meetings.isInvited(id, e.getKey())) {
				throw new BusinessRuleException("人员（编号 " + e.getKey() + "）不在本次会议的邀请名单中");
			}
			if (e.getValue() == null || e.getValue().isBlank()) {
				throw new InvalidValueException("attendance", "请选择出席情况：出席、缺席或请假");
			}
			Coded.parse(Attendance.class, e.getValue());
		}
		// the meeting's version moves on, so two secretaries filling in the same list learn of each other
		if (!meetings.touch(id, versionOrFail(version))) {
			throw stale();
		}
		attendance.forEach((person, value) -> meetings.setAttendance(m.id(), person, Coded.parse(Attendance.class, value)));
		record(AuditType.UPDATE, id, m.orgId(), "登记出席情况：" + m.title() + "，" + attendance.size() + " 人");
	}

	/** Saves the minutes; published minutes are readable by the org's people, a draft by admins only. */
	public void saveMinutes(long id, String text, boolean publish, Integer version) {
		MeetingRepository.Row m = held(access.manageable(id), "会议召开后才能填写会议纪要");
		String minutes = optional(text, "minutes", "会议纪要", 20000);
		if (publish && minutes == null) {
			throw new InvalidValueException("minutes", "请先填写会议纪要再发布");
		}
		OffsetDateTime publishedAt = publish ? (m.minutesPublishedAt() != null ? m.minutesPublishedAt()
				: OffsetDateTime.now(clock)) : null;
		if (!meetings.saveMinutes(id, versionOrFail(version), minutes, publishedAt)) {
			throw stale();
		}
		record(publish ? AuditType.PUBLISH : AuditType.UPDATE, id, m.orgId(),
				(publish ? "发布会议纪要：" : "保存会议纪要草稿：") + m.title());
	}

	public long addResolution(long meetingId, ResolutionForm form) {
		MeetingRepository.Row m = access.manageable(meetingId);
		String content = required(form.content(), "content", "请填写决议事项", 1000);
		if (form.ownerId() == null) {
			throw new InvalidValueException("ownerId", "请指定决议事项的责任人");
		}
		if (form.dueDate() == null) {
			throw new InvalidValueException("dueDate", "请填写决议事项的完成期限");
		}
		held(m, "会议召开后才能登记决议事项");
		OrgSummary org = orgs.find(m.orgId()).orElseThrow();
		checkPeopleOfOrg(org, List.of(form.ownerId()), "ownerId");
		long id = meetings.insertResolution(meetingId, content, form.ownerId(), form.dueDate(), OffsetDateTime.now(clock));
		audit.record(AuditType.CREATE, "RESOLUTION", id, AuditLog.SUCCESS, "登记决议事项：" + content + "，会议："
				+ m.title() + "，期限 " + form.dueDate(), org.path());
		return id;
	}

	/** Closes an open resolution with a note; by an admin of the meeting's org or by the resolution's owner. */
	public void closeResolution(long id, String note, Integer version) {
		MeetingRepository.ResolutionRow r = meetings.findResolution(id)
			.orElseThrow(NotFoundException::new);
		MeetingRepository.Row m = access.readable(r.meetingId());
		boolean owner = users.current().isSelf(r.ownerId());
		if (!access.canManage(m) && !owner) {
			throw new ForbiddenException("只有组织管理员或责任人可以办结决议事项");
		}
		String closingNote = required(note, "closingNote", "请填写办结情况", 1000);
		if (r.status() == ResolutionStatus.CLOSED) {
			throw new ConflictException("该决议事项已办结");
		}
		if (!meetings.closeResolution(id, versionOrFail(version), closingNote, users.current().accountId(),
				OffsetDateTime.now(clock))) {
			throw stale();
		}
		audit.record(AuditType.UPDATE, "RESOLUTION", id, AuditLog.SUCCESS, "办结决议事项：" + r.content() + "，会议："
				+ r.meetingTitle(), orgs.find(r.orgId()).map(OrgSummary::path).orElse(null));
	}

	public StoredFile attach(long id, MultipartFile file) {
		MeetingRepository.Row m = access.manageable(id);
		if (file == null || file.isEmpty()) {
			throw new InvalidValueException("file", "请选择要上传的附件");
		}
		StoredFile stored;
		try {
			stored = files.store(FILE_OWNER, id, file.getOriginalFilename(), file.getInputStream(), file.getSize(),
					ATTACHMENT_KINDS);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		record(AuditType.UPDATE, id, m.orgId(), "上传会议附件：" + stored.originalName() + "，会议：" + m.title());
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
				throw new InvalidValueException(field, "人员（编号 " + personId + "）不是「" + org.name() + "」所在单位的在职人员");
			}
		}
	}

	boolean isHeld(MeetingRepository.Row m) {
		return !m.startsAt().isAfter(OffsetDateTime.now(clock));
	}

	private MeetingRepository.Row held(MeetingRepository.Row m, String message) {
		if (m.status() == MeetingStatus.CANCELLED) {
			throw new BusinessRuleException("会议已取消");
		}
		if (!isHeld(m)) {
			throw new BusinessRuleException(message);
		}
		return m;
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.BUSINESS));
	}

	static String required(String value, String field, String message, int max) {
		String v = TextInput.text(field, value);
		if (v == null) {
			throw new InvalidValueException(field, message);
		}
		if (v.length() > max) {
			throw new InvalidValueException(field, "内容过长（最多 " + max + " 字）");
		}
		return v;
	}

	static String optional(String value, String field, String name, int max) {
		String v = TextInput.text(field, value);
		if (v != null && v.length() > max) {
			throw new InvalidValueException(field, name + "过长（最多 " + max + " 字）");
		}
		return v;
	}

	static int versionOrFail(Integer version) {
		if (version == null) {
			throw new InvalidValueException("version", "缺少版本号");
		}
		return version;
	}

	static ConflictException stale() {
		return new ConflictException("数据已被他人修改，请刷新后重试");
	}
}
