package org.quntuan.notice.notices;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.identity.RoleHolders;
import org.quntuan.notice.shared.NoticePaths;
import org.quntuan.notification.NotificationRequest;
import org.quntuan.notification.Notifications;
import org.quntuan.organization.OrgSummary;
import org.quntuan.organization.TargetOrgs;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.ConflictException;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.Role;
import org.quntuan.platform.ScopeGrant;
import org.quntuan.platform.TextInput;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.quntuan.platform.files.Download;
import org.quntuan.platform.files.FileKind;
import org.quntuan.platform.files.FileStorage;
import org.quntuan.platform.files.StoredFile;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notices (通知公告): publishing to target orgs, whose admins find them in their inbox; read receipts
 * per target org; reminders to the unread; withdrawal; public notices on members' home pages.
 */
@Service
@Transactional
public class Notices {

	static final String OWNER = "NOTICE";

	public static final Set<FileKind> ATTACHMENT_KINDS = EnumSet.of(FileKind.PDF, FileKind.DOCX, FileKind.XLSX, FileKind.PNG,
			FileKind.JPEG);

	private final NoticeRepository notices;

	private final NoticeAccess access;

	private final TargetOrgs targetOrgs;

	private final RoleHolders roleHolders;

	private final Notifications notifications;

	private final FileStorage files;

	private final CurrentUserProvider users;

	private final JsonMapper json;

	private final Clock clock;

	private final AuditLog audit;

	Notices(NoticeRepository notices, NoticeAccess access, TargetOrgs targetOrgs, RoleHolders roleHolders,
			Notifications notifications, FileStorage files, CurrentUserProvider users, JsonMapper json, Clock clock,
			AuditLog audit) {
		this.audit = audit;
		this.notices = notices;
		this.access = access;
		this.targetOrgs = targetOrgs;
		this.roleHolders = roleHolders;
		this.notifications = notifications;
		this.files = files;
		this.users = users;
		this.json = json;
		this.clock = clock;
	}

	/** Publishes a notice and puts it in the inbox of every target org's admins; returns its id. */
	public long publish(NoticeRequest request) {
		return publishWith(request, List.of());
	}

	/** Publishes with attachments, all or nothing: a refused file publishes nothing. One audit event for all. */
	long publishWith(NoticeRequest request, List<NoticeUpload> uploads) {
		CurrentUser user = users.current();
		ScopeGrant senderOrg = senderOrg(user);
		String title = TextInput.name("title", request.title());
		if (title == null) {
			throw new InvalidValueException("title", "notice.common.error.title-required");
		}
		if (title.length() > 200) {
			throw new InvalidValueException("title", "notice.common.error.title-too-long");
		}
		String body = NoticeHtml.sanitize(TextInput.text("body", request.body()));
		if (NoticeHtml.toText(body).isEmpty()) {
			throw new InvalidValueException("body", "notice.common.error.body-required");
		}
		if (body.length() > 50_000) {
			throw new InvalidValueException("body", "notice.notice.error.body-too-long");
		}
		OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
		if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
			throw new InvalidValueException("expiresAt", "notice.notice.error.expiry-past");
		}
		if (request.targets() == null) {
			throw new InvalidValueException("targets", "notice.common.error.targets-required");
		}
		List<OrgSummary> recipients = targetOrgs.recipients(request.targets());
		if (recipients.isEmpty()) {
			throw new InvalidValueException("targets", "notice.notice.error.no-recipients");
		}
		long id = notices.insert(title, body, json.writeValueAsString(request.targets()), user.accountId(),
				user.displayName(), senderOrg.orgId(), Boolean.TRUE.equals(request.pinned()),
				Boolean.TRUE.equals(request.isPublic()), request.expiresAt(), now);
		List<Long> orgIds = recipients.stream().map(OrgSummary::id).toList();
		notices.insertTargets(id, orgIds);
		notify("notice-" + id, "notice-published", adminsOf(orgIds), id, title, senderOrg.orgName());
		for (NoticeUpload upload : uploads) {
			store(id, upload.name(), upload.content(), upload.size());
		}
		audit.record(AuditType.PUBLISH, "NOTICE", id, AuditLog.SUCCESS, uploads.isEmpty()
				? Texts.chinese("notice.notice.audit.published", title, orgIds.size())
				: Texts.chinese("notice.notice.audit.published-files", title, orgIds.size(), uploads.size()),
				senderOrg.orgPath());
		return id;
	}

	public StoredFile attach(long noticeId, String name, InputStream content, long size) {
		NoticeRecord n = access.managed(users.current(), noticeId);
		if (n.withdrawn()) {
			throw new BusinessRuleException("notice.notice.error.attach-withdrawn");
		}
		StoredFile stored = store(noticeId, name, content, size);
		audit.record(AuditType.UPDATE, "NOTICE", noticeId, AuditLog.SUCCESS,
				Texts.chinese("notice.notice.audit.attached", stored.originalName(), n.title()), n.senderOrgPath());
		return stored;
	}

	private StoredFile store(long noticeId, String name, InputStream content, long size) {
		if (content == null) {
			throw new InvalidValueException("file", "notice.common.error.file-required");
		}
		return files.store(OWNER, noticeId, name, content, size, ATTACHMENT_KINDS);
	}

	@Transactional(readOnly = true)
	public PageResult<NoticeListItem> list(PageRequest page) {
		CurrentUser user = users.current();
		NoticePaths paths = NoticePaths.of(user);
		OffsetDateTime now = OffsetDateTime.now(clock);
		return PageResult.of(notices.listInScope(user.accountId(), paths, now, page), page,
				notices.countInScope(user.accountId(), paths, now));
	}

	/** Notices addressed to the orgs the caller administers directly, not expired. */
	@Transactional(readOnly = true)
	public PageResult<NoticeListItem> inbox(PageRequest page) {
		NoticePaths paths = NoticePaths.of(users.current());
		OffsetDateTime now = OffsetDateTime.now(clock);
		List<Long> orgs = paths.directOrgIdsOrNone();
		return PageResult.of(notices.inbox(orgs, now, page), page, notices.countInbox(orgs, now));
	}

	@Transactional(readOnly = true)
	public PageResult<NoticeListItem> sent(PageRequest page) {
		CurrentUser user = users.current();
		NoticePaths paths = NoticePaths.of(user);
		return PageResult.of(notices.sent(user.accountId(), paths, page), page, notices.countSent(user.accountId(), paths));
	}

	/** Public notices for the caller's organ, newest first; none for callers without an organ. */
	@Transactional(readOnly = true)
	public List<NoticeListItem> publicForMe(int limit) {
		Long organ = users.current().scope().personOrganId();
		return organ == null ? List.of() : notices.publicFor(organ, OffsetDateTime.now(clock), limit);
	}

	/**
	 * Opens a notice. For each target org the caller administers directly, the first opening is the
	 * read receipt; the sender side reading its own notice records nothing.
	 */
	public NoticeDetail open(long id) {
		CurrentUser user = users.current();
		NoticeRecord n = access.visible(user, id);
		boolean manages = access.senderSide(user, n);
		NoticePaths paths = NoticePaths.of(user);
		if (!n.withdrawn() && !paths.directOrgIds().isEmpty()) {
			notices.markRead(id, paths.directOrgIds(), user.accountId(), user.displayName(),
					OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS));
		}
		boolean hidden = n.withdrawn() && !manages;
		List<NoticeDetail.Attachment> attachments = hidden ? List.of()
				: files.ofOwner(OWNER, id).stream()
					.map(f -> new NoticeDetail.Attachment(f.id(), f.originalName(), f.kind().label(), f.sizeBytes()))
					.toList();
		int[] counts = manages ? notices.counts(id) : new int[] { 0, 0 };
		return new NoticeDetail(n.id(), n.title(), hidden ? null : n.body(), n.senderName(), n.senderOrgName(),
				n.createdAt(), n.pinned(), n.isPublic(), n.expiresAt(), n.withdrawn(), n.withdrawnAt(),
				n.withdrawReason(), attachments, manages, counts[0], counts[1]);
	}

	@Transactional(readOnly = true)
	public List<NoticeReceipt> receipts(long id) {
		access.managed(users.current(), id);
		return notices.receipts(id);
	}

	/** A notice's title and read list, for the Excel export; recorded in the audit log (it names the readers). */
	ReadList readList(long id) {
		NoticeRecord n = access.managed(users.current(), id);
		List<NoticeReceipt> receipts = notices.receipts(id);
		audit.record(AuditType.PERSONAL_DATA_VIEW, "NOTICE_READS_EXPORT", id, AuditLog.SUCCESS,
				Texts.chinese("notice.notice.audit.reads-exported", n.title(), receipts.size()), n.senderOrgPath());
		return new ReadList(n.title(), receipts);
	}

	record ReadList(String title, List<NoticeReceipt> receipts) {
	}

	/** Reminds the admins of the target orgs that have not opened the notice; once a day. Returns the org count. */
	public int remindUnread(long id) {
		NoticeRecord n = access.managed(users.current(), id);
		if (n.withdrawn()) {
			throw new BusinessRuleException("notice.notice.error.remind-withdrawn");
		}
		List<Long> unread = notices.targetOrgIds(id, true);
		LocalDate today = LocalDate.now(clock.withZone(Zones.BUSINESS));
		notify("notice-" + id + "-remind-" + today, "notice-remind", adminsOf(unread), id, n.title(), n.senderOrgName());
		return unread.size();
	}

	public void withdraw(long id, String reason) {
		CurrentUser user = users.current();
		NoticeRecord n = access.managed(user, id);
		String why = TextInput.normalize(reason);
		if (why == null) {
			throw new InvalidValueException("reason", "notice.notice.error.reason-required");
		}
		if (why.length() > 500) {
			throw new InvalidValueException("reason", "notice.notice.error.reason-too-long");
		}
		if (!notices.withdraw(id, user.accountId(), why, OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS))) {
			throw new ConflictException("notice.notice.error.already-withdrawn");
		}
		notify("notice-" + id + "-withdrawn", "notice-withdrawn", adminsOf(notices.targetOrgIds(id, false)), id,
				n.title(), why);
		audit.record(AuditType.WITHDRAW, "NOTICE", id, AuditLog.SUCCESS,
				Texts.chinese("notice.notice.audit.withdrawn", n.title(), why), n.senderOrgPath());
	}

	/** An attachment, if the caller may see its notice (and, after a withdrawal, manages it). */
	@Transactional(readOnly = true)
	public Download attachment(long noticeId, long fileId) {
		CurrentUser user = users.current();
		NoticeRecord n = access.visible(user, noticeId);
		if (n.withdrawn() && !access.senderSide(user, n)) {
			throw new NotFoundException();
		}
		StoredFile file = files.find(fileId).orElseThrow(NotFoundException::new);
		if (!OWNER.equals(file.ownerType()) || file.ownerId() != noticeId) {
			throw new NotFoundException();
		}
		return files.open(fileId);
	}

	/** The highest org the caller administers: a notice is sent in its name. */
	public static ScopeGrant senderOrg(CurrentUser user) {
		return user.scope().adminGrants().stream().min(Comparator.comparingInt((ScopeGrant g) -> g.orgPath().length()))
			.orElseThrow(() -> new ForbiddenException("notice.notice.error.not-admin"));
	}

	private Set<Long> adminsOf(Collection<Long> orgIds) {
		Set<Long> accounts = new LinkedHashSet<>();
		for (Role role : List.of(Role.ORG_ADMIN, Role.FEDERATION_ADMIN)) {
			for (Map.Entry<Long, List<Long>> e : roleHolders.accountsWithRole(role, orgIds).entrySet()) {
				accounts.addAll(e.getValue());
			}
		}
		return accounts;
	}

	private void notify(String eventKey, String template, Set<Long> accounts, long noticeId, Object... args) {
		if (accounts.isEmpty()) {
			return;
		}
		notifications.send(NotificationRequest.of(eventKey, template, accounts, args).withLink("/notices/" + noticeId));
	}
}
