package org.quntuan.notice.collections;

import java.io.InputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.identity.RoleHolders;
import org.quntuan.notice.notices.NoticeUpload;
import org.quntuan.notice.notices.Notices;
import org.quntuan.notice.shared.CollectionText;
import org.quntuan.notice.shared.NoticePaths;
import org.quntuan.notification.NotificationRequest;
import org.quntuan.notification.Notifications;
import org.quntuan.organization.OrgSummary;
import org.quntuan.organization.OrganizationQueries;
import org.quntuan.organization.TargetOrgs;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.Coded;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.Role;
import org.quntuan.platform.ScopeGrant;
import org.quntuan.platform.TextInput;
import org.quntuan.platform.Texts;
import org.quntuan.platform.files.Download;
import org.quntuan.platform.files.FileKind;
import org.quntuan.platform.files.FileStorage;
import org.quntuan.platform.files.StoredFile;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Material collection (材料报送): a task with a deadline goes to target orgs; each uploads files
 * (replaceable until reviewed); the collector accepts or returns them with a reason.
 */
@Service
@Transactional
public class CollectionTasks {

	static final String TEMPLATE_OWNER = "COLLECTION";

	static final String SUBMISSION_OWNER = "COLLECTION_SUBMISSION";

	private final CollectionRepository repository;

	private final CollectionAccess access;

	private final TargetOrgs targetOrgs;

	private final OrganizationQueries orgs;

	private final RoleHolders roleHolders;

	private final Notifications notifications;

	private final FileStorage files;

	private final CurrentUserProvider users;

	private final JsonMapper json;

	private final Clock clock;

	private final AuditLog audit;

	CollectionTasks(CollectionRepository repository, CollectionAccess access, TargetOrgs targetOrgs,
			OrganizationQueries orgs, RoleHolders roleHolders, Notifications notifications, FileStorage files, CurrentUserProvider users,
			JsonMapper json, Clock clock, AuditLog audit) {
		this.audit = audit;
		this.repository = repository;
		this.access = access;
		this.targetOrgs = targetOrgs;
		this.orgs = orgs;
		this.roleHolders = roleHolders;
		this.notifications = notifications;
		this.files = files;
		this.users = users;
		this.json = json;
		this.clock = clock;
	}

	public long create(CollectionRequest request) {
		return createWith(request, null);
	}

	/** Creates a task with its template file, all or nothing; one audit event for both. */
	long createWith(CollectionRequest request, NoticeUpload template) {
		CurrentUser user = users.current();
		ScopeGrant senderOrg = Notices.senderOrg(user);
		String title = TextInput.name("title", request.title());
		if (title == null) {
			throw new InvalidValueException("title", "notice.collection.error.title-required");
		}
		if (title.length() > 200) {
			throw new InvalidValueException("title", "notice.common.error.title-too-long");
		}
		String instructions = TextInput.text("instructions", request.instructions());
		if (instructions == null) {
			throw new InvalidValueException("instructions", "notice.collection.error.instructions-required");
		}
		if (instructions.length() > 5000) {
			throw new InvalidValueException("instructions", "notice.collection.error.instructions-too-long");
		}
		OffsetDateTime now = now();
		if (request.deadline() == null) {
			throw new InvalidValueException("deadline", "notice.common.error.deadline-required");
		}
		if (!request.deadline().isAfter(now)) {
			throw new InvalidValueException("deadline", "notice.collection.error.deadline-past");
		}
		CollectionLatePolicy policy = request.latePolicy() == null || request.latePolicy().isBlank()
				? CollectionLatePolicy.ALLOW_LATE_MARKED : parse(CollectionLatePolicy.class, request.latePolicy(), "latePolicy");
		Set<FileKind> kinds = EnumSet.noneOf(FileKind.class);
		if (request.allowedKinds() == null || request.allowedKinds().isEmpty()) {
			kinds.addAll(Notices.ATTACHMENT_KINDS);
		}
		else {
			request.allowedKinds().forEach(k -> kinds.add(parse(FileKind.class, k, "allowedKinds")));
		}
		if (request.targets() == null) {
			throw new InvalidValueException("targets", "notice.collection.error.targets-required");
		}
		List<OrgSummary> recipients = targetOrgs.recipients(request.targets());
		if (recipients.isEmpty()) {
			throw new InvalidValueException("targets", "notice.collection.error.no-targets");
		}
		long id = repository.insert(title, instructions, request.deadline().truncatedTo(ChronoUnit.MICROS), policy, kinds,
				json.writeValueAsString(request.targets()), user.accountId(), user.displayName(), senderOrg.orgId(), now);
		List<Long> orgIds = recipients.stream().map(OrgSummary::id).toList();
		repository.insertTargets(id, orgIds);
		notify("collection-" + id, "collection-published", orgIds, id, title, senderOrg.orgName(),
				CollectionText.time(request.deadline()));
		if (template != null) {
			storeTemplate(id, template.name(), template.content(), template.size());
		}
		audit.record(AuditType.PUBLISH, "COLLECTION", id, AuditLog.SUCCESS,
				Texts.chinese("notice.collection.audit.published", title, orgIds.size(), CollectionText.time(request.deadline())),
				senderOrg.orgPath());
		return id;
	}

	public StoredFile attachTemplate(long id, String name, InputStream content, long size) {
		CollectionTask task = access.managed(users.current(), id);
		StoredFile stored = storeTemplate(id, name, content, size);
		audit.record(AuditType.UPDATE, "COLLECTION", id, AuditLog.SUCCESS,
				Texts.chinese("notice.collection.audit.template", stored.originalName(), task.title()),
				task.senderOrgPath());
		return stored;
	}

	private StoredFile storeTemplate(long id, String name, InputStream content, long size) {
		if (content == null) {
			throw new InvalidValueException("file", "notice.common.error.file-required");
		}
		return files.store(TEMPLATE_OWNER, id, name, content, size, Notices.ATTACHMENT_KINDS);
	}

	private String pathOf(long orgId) {
		return orgs.find(orgId).map(OrgSummary::path).orElse(null);
	}

	@Transactional(readOnly = true)
	public PageResult<CollectionListItem> list(boolean sent, boolean received, PageRequest page) {
		CurrentUser user = users.current();
		NoticePaths paths = NoticePaths.of(user);
		String condition = CollectionRepository.scope(paths, sent, received);
		var params = CollectionRepository.scopeParams(user.accountId(), paths);
		return PageResult.of(repository.list(paths, condition, params, page, now()), page, repository.count(condition, params));
	}

	@Transactional(readOnly = true)
	public CollectionDetail detail(long id) {
		CurrentUser user = users.current();
		CollectionTask task = access.visible(user, id);
		boolean manages = access.collector(user, task);
		OffsetDateTime now = now();
		int targets = 0;
		int submitted = 0;
		int accepted = 0;
		if (manages) {
			for (CollectionRepository.StatusRow row : repository.status(id, null)) {
				targets++;
				submitted += row.status() == null ? 0 : 1;
				accepted += row.status() == SubmissionStatus.ACCEPTED ? 1 : 0;
			}
		}
		List<SubmissionView> mine = new ArrayList<>();
		if (!manages) {
			// the collector works from the status table; a target org's admins see their own submissions
			access.administeredTargets(user, task).stream().limit(50).forEach(org -> mine.add(view(task, org, now)));
		}
		CollectionDetail.TemplateFile template = files.ofOwner(TEMPLATE_OWNER, id).stream().reduce((a, b) -> b)
			.map(f -> new CollectionDetail.TemplateFile(f.id(), f.originalName(), f.kind().label())).orElse(null);
		return new CollectionDetail(task.id(), task.title(), task.instructions(), task.deadline(), task.latePolicy().toCodeLabel(),
				task.allowedKinds().stream().map(FileKind::label).toList(), task.senderName(), task.senderOrgName(),
				task.createdAt(), now.isAfter(task.deadline()), template, manages, targets, submitted, accepted, mine);
	}

	/** One row per target; the collector side sees all, a target org's admins their own. */
	@Transactional(readOnly = true)
	public List<CollectionStatusRow> status(long id) {
		CurrentUser user = users.current();
		CollectionTask task = access.visible(user, id);
		OffsetDateTime now = now();
		return repository.status(id, access.collector(user, task) ? null : NoticePaths.of(user)).stream()
			.map(r -> new CollectionStatusRow(r.orgId(), r.orgName(), CollectionState.of(r.status(), task.deadline(), now).toCodeLabel(),
					r.late(), r.submittedAt(), r.reviewedAt(), r.returnReason(), r.files()))
			.toList();
	}

	@Transactional(readOnly = true)
	public SubmissionView submission(long id, long orgId) {
		CurrentUser user = users.current();
		CollectionTask task = access.visible(user, id);
		access.requireTargetVisible(user, task, orgId);
		return view(task, orgId, now());
	}

	/**
	 * Uploads a file for a target org. The first upload creates the submission; later ones add files
	 * until it is reviewed; an upload after a return resubmits. Concurrent uploads for one target wait
	 * for each other on the target row, so there is only ever one submission.
	 */
	public SubmissionView submit(long id, Long orgId, String name, InputStream content, long size) {
		CurrentUser user = users.current();
		CollectionTask task = access.visible(user, id);
		long org = access.submittingOrg(user, task, orgId);
		if (content == null) {
			throw new InvalidValueException("file", "notice.common.error.file-required");
		}
		repository.lockTarget(id, org);
		OffsetDateTime now = now();
		boolean late = now.isAfter(task.deadline());
		CollectionRepository.Submission existing = repository.submission(id, org).orElse(null);
		if (existing != null && existing.status() == SubmissionStatus.ACCEPTED) {
			throw new BusinessRuleException("notice.collection.error.accepted");
		}
		boolean returned = existing != null && existing.status() == SubmissionStatus.RETURNED;
		if (late && task.latePolicy() == CollectionLatePolicy.REFUSE_LATE && !returned) {
			throw new BusinessRuleException("notice.collection.error.closed", CollectionText.time(task.deadline()));
		}
		StoredFile file = files.store(SUBMISSION_OWNER, id, name, content, size, task.allowedKinds());
		long submissionId;
		if (existing == null) {
			submissionId = repository.insertSubmission(id, org, late, user.accountId(), user.displayName(), now);
		}
		else {
			submissionId = existing.id();
			boolean markLate = returned ? existing.late() : existing.late() || late;
			repository.resubmitted(submissionId, markLate, user.accountId(), user.displayName(), now);
		}
		repository.addFile(file.id(), submissionId, now);
		String what = "notice.collection.audit." + (existing == null ? "submitted" : returned ? "resubmitted" : "added")
				+ (late ? "-late" : "");
		audit.record(existing == null ? AuditType.CREATE : AuditType.UPDATE, "COLLECTION", id, AuditLog.SUCCESS,
				Texts.chinese(what, file.originalName(), task.title()), pathOf(org));
		return view(task, org, now);
	}

	/** Removes a file from a submission that is not yet accepted; the last file stays. */
	public void removeFile(long id, long orgId, long fileId) {
		CurrentUser user = users.current();
		CollectionTask task = access.visible(user, id);
		long org = access.submittingOrg(user, task, orgId);
		repository.lockTarget(id, org);
		CollectionRepository.Submission s = repository.submission(id, org).orElseThrow(NotFoundException::new);
		if (s.status() == SubmissionStatus.ACCEPTED) {
			throw new BusinessRuleException("notice.collection.error.accepted");
		}
		List<Long> current = repository.files(s.id()).stream().map(Map.Entry::getKey).toList();
		if (!current.contains(fileId)) {
			throw new NotFoundException();
		}
		if (current.size() == 1) {
			throw new BusinessRuleException("notice.collection.error.last-file");
		}
		repository.removeFile(fileId, s.id(), now());
		audit.record(AuditType.DELETE, "COLLECTION", id, AuditLog.SUCCESS,
				Texts.chinese("notice.collection.audit.file-removed", fileId, task.title()), pathOf(org));
	}

	public void accept(long id, long orgId) {
		review(id, orgId, SubmissionStatus.ACCEPTED, null);
	}

	public void returnSubmission(long id, long orgId, String reason) {
		String why = TextInput.normalize(reason);
		CollectionTask task = access.managed(users.current(), id);
		if (why == null) {
			throw new InvalidValueException("reason", "notice.common.error.return-reason-required");
		}
		if (why.length() > 500) {
			throw new InvalidValueException("reason", "notice.collection.error.reason-too-long");
		}
		review(task.id(), orgId, SubmissionStatus.RETURNED, why);
	}

	private void review(long id, long orgId, SubmissionStatus to, String reason) {
		CurrentUser user = users.current();
		CollectionTask task = access.managed(user, id);
		access.requireTargetVisible(user, task, orgId);
		CollectionRepository.Submission s = repository.submission(id, orgId)
			.orElseThrow(() -> new BusinessRuleException("notice.collection.error.not-submitted"));
		if (repository.review(id, orgId, to, reason, user.accountId(), now()) != 1) {
			throw new BusinessRuleException("notice.collection.error.already-reviewed", s.status());
		}
		String template = to == SubmissionStatus.ACCEPTED ? "collection-accepted" : "collection-returned";
		notify("collection-" + id + "-org-" + orgId + "-" + to.name().toLowerCase() + "-" + now().toEpochSecond(),
				template, List.of(orgId), id, task.title(), reason == null ? "" : reason);
		String orgName = orgs.find(orgId).map(OrgSummary::name)
			.orElseGet(() -> Texts.chinese("notice.collection.audit.org", orgId));
		audit.record(AuditType.DECIDE, "COLLECTION", id, AuditLog.SUCCESS, to == SubmissionStatus.ACCEPTED
				? Texts.chinese("notice.collection.audit.accepted", orgName, task.title())
				: Texts.chinese("notice.collection.audit.returned", orgName, reason, task.title()), pathOf(orgId));
	}

	/** A template or submission file, if the caller may see what owns it. */
	@Transactional(readOnly = true)
	public Download file(long id, long fileId) {
		CurrentUser user = users.current();
		CollectionTask task = access.visible(user, id);
		StoredFile file = files.find(fileId).orElseThrow(NotFoundException::new);
		if (file.ownerId() != id) {
			throw new NotFoundException();
		}
		if (SUBMISSION_OWNER.equals(file.ownerType())) {
			long submissionId = repository.submissionOfFile(fileId).orElseThrow(NotFoundException::new);
			CollectionRepository.Submission s = repository.submissionById(submissionId).orElseThrow(NotFoundException::new);
			access.requireTargetVisible(user, task, s.orgId());
		}
		else if (!TEMPLATE_OWNER.equals(file.ownerType())) {
			throw new NotFoundException();
		}
		return files.open(fileId);
	}

	/** For the collector: the task, checked, before streaming an export or the zip. */
	@Transactional(readOnly = true)
	CollectionTask managed(long id) {
		return access.managed(users.current(), id);
	}

	@Transactional(readOnly = true)
	List<Map.Entry<String, Long>> acceptedFiles(long id) {
		access.managed(users.current(), id);
		return repository.acceptedFiles(id);
	}

	private SubmissionView view(CollectionTask task, long orgId, OffsetDateTime now) {
		String orgName = orgs.find(orgId).map(OrgSummary::name).orElse("");
		CollectionRepository.Submission s = repository.submission(task.id(), orgId).orElse(null);
		if (s == null) {
			return new SubmissionView(orgId, orgName, CollectionState.of(null, task.deadline(), now).toCodeLabel(), false, null, null,
					null, null, List.of());
		}
		List<SubmissionView.SubmissionFile> list = new ArrayList<>();
		for (var e : repository.files(s.id())) {
			files.find(e.getKey()).ifPresent(f -> list.add(new SubmissionView.SubmissionFile(f.id(), f.originalName(),
					f.kind().label(), f.sizeBytes(), e.getValue())));
		}
		return new SubmissionView(orgId, orgName, CollectionState.of(s.status(), task.deadline(), now).toCodeLabel(), s.late(),
				s.submittedAt(), s.submittedByName(), s.reviewedAt(), s.returnReason(), list);
	}

	public void notify(String eventKey, String template, Collection<Long> orgIds, long taskId, Object... args) {
		Set<Long> accounts = new LinkedHashSet<>();
		for (Role role : List.of(Role.ORG_ADMIN, Role.FEDERATION_ADMIN)) {
			roleHolders.accountsWithRole(role, orgIds).values().forEach(accounts::addAll);
		}
		if (!accounts.isEmpty()) {
			notifications.send(NotificationRequest.of(eventKey, template, accounts, args).withLink("/collections/" + taskId));
		}
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
	}

	private static <E extends Enum<E> & Coded> E parse(Class<E> type, String value, String field) {
		try {
			return Coded.parse(type, value);
		}
		catch (InvalidValueException ex) {
			throw new InvalidValueException(field, ex.text());
		}
	}
}
