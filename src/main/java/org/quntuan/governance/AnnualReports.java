package org.quntuan.governance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.notification.NotificationRequest;
import org.quntuan.notification.Notifications;
import org.quntuan.organization.OrgSummary;
import org.quntuan.organization.OrgType;
import org.quntuan.organization.OrganizationQueries;
import org.quntuan.organization.TargetOrgs;
import org.quntuan.organization.Targets;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.Coded;
import org.quntuan.platform.ConflictException;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.Role;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.quntuan.platform.files.Download;
import org.quntuan.platform.files.FileKind;
import org.quntuan.platform.files.FileStorage;
import org.quntuan.platform.files.StoredFile;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * The yearly report of each 工会 / 团组织 / 妇委会 to its party committee: one per org and year. Sending
 * it again replaces the earlier one (file and date) until the federation confirms it; after that a
 * new upload is refused with 409.
 */
@Service
@Transactional
public class AnnualReports {

	static final String FILE_OWNER = "ANNUAL_REPORT";

	static final Set<FileKind> KINDS = EnumSet.of(FileKind.PDF, FileKind.DOCX);

	/** The outcome of an upload: whether it replaced an earlier report of the year. */
	public record Submitted(long reportId, boolean replaced) {
	}

	private final AnnualReportRepository reports;

	private final OrganizationQueries orgs;

	private final TargetOrgs targets;

	private final FileStorage files;

	private final GovernanceContacts contacts;

	private final Notifications notifications;

	private final CurrentUserProvider users;

	private final Clock clock;

	private final AuditLog audit;

	AnnualReports(AnnualReportRepository reports, OrganizationQueries orgs, TargetOrgs targets, FileStorage files,
			GovernanceContacts contacts, Notifications notifications, CurrentUserProvider users, Clock clock,
			AuditLog audit) {
		this.audit = audit;
		this.reports = reports;
		this.orgs = orgs;
		this.targets = targets;
		this.files = files;
		this.contacts = contacts;
		this.notifications = notifications;
		this.users = users;
		this.clock = clock;
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.BUSINESS));
	}

	public Submitted submit(long orgId, Integer year, LocalDate reportedOn, MultipartFile file) {
		OrgSummary org = orgs.visible(orgId);
		if (!orgs.canManage(org)) {
			throw new ForbiddenException("governance.annual-report.error.submit-forbidden");
		}
		if (!org.type().isMassOrganization()) {
			throw new BusinessRuleException("governance.annual-report.error.mass-org-only");
		}
		int y = year == null ? today().getYear() : year;
		if (y < 2000 || y > today().getYear()) {
			throw new InvalidValueException("year", "governance.annual-report.error.year-invalid");
		}
		if (reportedOn == null) {
			throw new InvalidValueException("reportedOn", "governance.annual-report.error.reported-on-required");
		}
		if (reportedOn.isAfter(today())) {
			throw new InvalidValueException("reportedOn", "governance.annual-report.error.reported-on-future");
		}
		if (file == null || file.isEmpty()) {
			throw new InvalidValueException("file", "governance.annual-report.error.file-required");
		}
		var existing = reports.find(orgId, y);
		if (existing.isPresent() && existing.get().confirmedAt() != null) {
			throw new ConflictException("governance.annual-report.error.confirmed", y);
		}
		StoredFile stored = store(orgId, file);
		Long by = users.current().accountId();
		OffsetDateTime now = OffsetDateTime.now(clock);
		if (existing.isPresent()) {
			if (!reports.replace(existing.get().id(), existing.get().version(), reportedOn, stored.id(), by, now)) {
				throw new ConflictException("governance.annual-report.error.stale");
			}
			audit.record(AuditType.UPDATE, "ANNUAL_REPORT", existing.get().id(), AuditLog.SUCCESS,
					Texts.chinese("governance.annual-report.audit.replaced", org.name(), y, stored.originalName()), org.path());
			return new Submitted(existing.get().id(), true);
		}
		try {
			long id = reports.insert(orgId, y, reportedOn, stored.id(), by, now);
			audit.record(AuditType.CREATE, "ANNUAL_REPORT", id, AuditLog.SUCCESS,
					Texts.chinese("governance.annual-report.audit.submitted", org.name(), y, reportedOn.toString(),
							stored.originalName()), org.path());
			return new Submitted(id, false);
		}
		catch (DuplicateKeyException race) {
			throw new ConflictException("governance.annual-report.error.race");
		}
	}

	/** The federation (a 工委管理员 whose grant covers the org) confirms a report; it cannot be replaced afterwards. */
	public void confirm(long reportId) {
		AnnualReportRepository.Row report = reports.find(reportId).orElseThrow(NotFoundException::new);
		OrgSummary org = orgs.visible(report.orgId());
		boolean federation = users.current().scope().grantsFor(Role.FEDERATION_ADMIN).stream()
			.anyMatch(g -> org.path().startsWith(g.orgPath()));
		if (!federation) {
			throw new ForbiddenException("governance.annual-report.error.confirm-forbidden");
		}
		if (!reports.confirm(reportId, users.current().accountId(), OffsetDateTime.now(clock))) {
			throw new ConflictException("governance.annual-report.error.already-confirmed");
		}
		audit.record(AuditType.DECIDE, "ANNUAL_REPORT", reportId, AuditLog.SUCCESS,
				Texts.chinese("governance.annual-report.audit.confirmed", org.name(), report.year()), org.path());
	}

	/** Every 工会 / 团组织 / 妇委会 the caller administers, with this year's report or none; 403 for non-admins. */
	@Transactional(readOnly = true)
	public List<AnnualReportBoardRow> board(Integer year, Long groupId, String type) {
		int y = year == null ? today().getYear() : year;
		OrgType orgType = Coded.parse(OrgType.class, type);
		if (orgType != null && !orgType.isMassOrganization()) {
			throw new InvalidValueException("type", "governance.annual-report.error.type-filter");
		}
		List<OrgSummary> inScope = targets.recipients(groupId == null ? Targets.everyone() : Targets.groups(List.of(groupId)));
		Map<Long, AnnualReportRepository.Row> byOrg = new HashMap<>();
		reports.ofYear(y).forEach(r -> byOrg.put(r.orgId(), r));
		Map<Long, String> groupNames = new HashMap<>();
		orgs.findAll(inScope.stream().map(AnnualReports::groupIdOf).filter(id -> id != null).distinct().toList())
			.forEach(g -> groupNames.put(g.id(), g.name()));
		List<AnnualReportBoardRow> rows = new ArrayList<>();
		for (OrgSummary o : inScope) {
			if (orgType != null && o.type() != orgType) {
				continue;
			}
			AnnualReportRepository.Row r = byOrg.get(o.id());
			Long group = groupIdOf(o);
			String fileName = r == null ? null : files.find(r.fileId()).map(StoredFile::originalName).orElse(null);
			rows.add(new AnnualReportBoardRow(o.id(), o.name(), o.type().toCodeLabel(), group, groupNames.get(group),
					r != null, r == null ? null : r.id(), r == null ? null : r.reportedOn(),
					r == null ? null : r.fileId(), fileName, r != null && r.confirmedAt() != null));
		}
		return rows;
	}

	public void requireAdmin() {
		if (!users.current().scope().isAdmin()) {
			throw new ForbiddenException("governance.annual-report.error.admin-only");
		}
	}

	public boolean callerIsFederation() {
		return users.current().scope().has(Role.FEDERATION_ADMIN);
	}

	/** The groups the caller's board can be filtered by. */
	@Transactional(readOnly = true)
	public List<OrgSummary> groups() {
		CurrentUser user = users.current();
		List<Long> ids = targets.recipients(Targets.everyone()).stream().map(AnnualReports::groupIdOf)
			.filter(id -> id != null).distinct().toList();
		return user.scope().isAdmin() ? orgs.findAll(ids) : List.of();
	}

	/** Reminds the org admins of the unreported orgs of the caller's board; the number of orgs reminded. */
	public int remindUnreported(Integer year) {
		requireAdmin();
		if (year == null) {
			throw new InvalidValueException("year", "governance.annual-report.error.year-required");
		}
		int y = year;
		List<Long> unreported = board(y, null, null).stream().filter(r -> !r.reported()).map(AnnualReportBoardRow::orgId)
			.toList();
		return remind(unreported, y);
	}

	/** Unscoped, for the job. */
	int remindAllUnreported(int year) {
		Set<Long> reported = new HashSet<>();
		reports.ofYear(year).forEach(r -> reported.add(r.orgId()));
		return remind(reports.allMassOrgIds().stream().filter(id -> !reported.contains(id)).toList(), year);
	}

	private int remind(Collection<Long> orgIds, int year) {
		Map<Long, Set<Long>> admins = contacts.orgAdmins(orgIds);
		Map<Long, String> names = new HashMap<>();
		orgs.findAll(List.copyOf(admins.keySet())).forEach(o -> names.put(o.id(), o.name()));
		LocalDate today = today();
		int reminded = 0;
		for (Map.Entry<Long, Set<Long>> e : admins.entrySet()) {
			notifications.send(NotificationRequest.of("annual-report-" + e.getKey() + "-" + year + "-remind-" + today,
					"annual-report-remind", e.getValue(), names.getOrDefault(e.getKey(), ""), String.valueOf(year))
				.withLink("/annual-reports"));
			reminded++;
		}
		return reminded;
	}

	/** The report file, for whoever may see the org's board row or administers the org. */
	@Transactional(readOnly = true)
	public Download file(long reportId) {
		AnnualReportRepository.Row report = reports.find(reportId).orElseThrow(NotFoundException::new);
		OrgSummary org = orgs.visible(report.orgId());
		if (!orgs.canManage(org)) {
			throw new NotFoundException();
		}
		return files.open(report.fileId());
	}

	private StoredFile store(long orgId, MultipartFile file) {
		try {
			return files.store(FILE_OWNER, orgId, file.getOriginalFilename(), file.getInputStream(), file.getSize(), KINDS);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The 片组 of an org: the second id of its path (/committee/group/…). */
	static Long groupIdOf(OrgSummary o) {
		String[] parts = o.path().split("/");
		return parts.length > 2 ? Long.valueOf(parts[2]) : null;
	}
}
