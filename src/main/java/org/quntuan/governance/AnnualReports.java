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
			throw new ForbiddenException("您无权为该组织报送年度报告");
		}
		if (!org.type().isMassOrganization()) {
			throw new BusinessRuleException("只有工会、团组织和妇委会报送年度工作报告");
		}
		int y = year == null ? today().getYear() : year;
		if (y < 2000 || y > today().getYear()) {
			throw new InvalidValueException("year", "报告年度无效");
		}
		if (reportedOn == null) {
			throw new InvalidValueException("reportedOn", "请填写向党组织报告的日期");
		}
		if (reportedOn.isAfter(today())) {
			throw new InvalidValueException("reportedOn", "报告日期不能晚于今天");
		}
		if (file == null || file.isEmpty()) {
			throw new InvalidValueException("file", "请上传报告文件（PDF 或 Word）");
		}
		var existing = reports.find(orgId, y);
		if (existing.isPresent() && existing.get().confirmedAt() != null) {
			throw new ConflictException("该组织 " + y + " 年度的报告已经确认，不能再替换");
		}
		StoredFile stored = store(orgId, file);
		Long by = users.current().accountId();
		OffsetDateTime now = OffsetDateTime.now(clock);
		if (existing.isPresent()) {
			if (!reports.replace(existing.get().id(), existing.get().version(), reportedOn, stored.id(), by, now)) {
				throw new ConflictException("报告已被他人修改或已确认，请刷新后重试");
			}
			audit.record(AuditType.UPDATE, "ANNUAL_REPORT", existing.get().id(), AuditLog.SUCCESS, "替换 " + org.name() + " "
					+ y + " 年度工作报告：" + stored.originalName(), org.path());
			return new Submitted(existing.get().id(), true);
		}
		try {
			long id = reports.insert(orgId, y, reportedOn, stored.id(), by, now);
			audit.record(AuditType.CREATE, "ANNUAL_REPORT", id, AuditLog.SUCCESS, "报送 " + org.name() + " " + y
					+ " 年度工作报告（" + reportedOn + " 向党组织报告）：" + stored.originalName(), org.path());
			return new Submitted(id, false);
		}
		catch (DuplicateKeyException race) {
			throw new ConflictException("该组织本年度的报告刚刚已由他人报送，请刷新后重试");
		}
	}

	/** The federation (a 工委管理员 whose grant covers the org) confirms a report; it cannot be replaced afterwards. */
	public void confirm(long reportId) {
		AnnualReportRepository.Row report = reports.find(reportId).orElseThrow(NotFoundException::new);
		OrgSummary org = orgs.visible(report.orgId());
		boolean federation = users.current().scope().grantsFor(Role.FEDERATION_ADMIN).stream()
			.anyMatch(g -> org.path().startsWith(g.orgPath()));
		if (!federation) {
			throw new ForbiddenException("只有工委管理员可以确认年度报告");
		}
		if (!reports.confirm(reportId, users.current().accountId(), OffsetDateTime.now(clock))) {
			throw new ConflictException("该报告已经确认");
		}
		audit.record(AuditType.DECIDE, "ANNUAL_REPORT", reportId, AuditLog.SUCCESS,
				"确认 " + org.name() + " " + report.year() + " 年度工作报告", org.path());
	}

	/** Every 工会 / 团组织 / 妇委会 the caller administers, with this year's report or none; 403 for non-admins. */
	@Transactional(readOnly = true)
	public List<AnnualReportBoardRow> board(Integer year, Long groupId, String type) {
		int y = year == null ? today().getYear() : year;
		OrgType orgType = Coded.parse(OrgType.class, type);
		if (orgType != null && !orgType.isMassOrganization()) {
			throw new InvalidValueException("type", "只能按工会、团组织或妇委会筛选");
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
			throw new ForbiddenException("只有组织管理员可以报送和查看年度报告");
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
			throw new InvalidValueException("year", "请指定年度");
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
