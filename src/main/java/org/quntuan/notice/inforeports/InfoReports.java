package org.quntuan.notice.inforeports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditOrgPaths;
import org.quntuan.audit.AuditType;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.Coded;
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
import org.quntuan.platform.SqlCondition;
import org.quntuan.platform.Text;
import org.quntuan.platform.TextInput;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Versions;
import org.quntuan.platform.Zones;
import org.quntuan.platform.files.Download;
import org.quntuan.platform.files.FileKind;
import org.quntuan.platform.files.FileStorage;
import org.quntuan.platform.files.StoredFile;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Information reports (信息报送): officers submit news items for their organ, the federation marks
 * them received / adopted / published, and points add up to a yearly ranking of officers and organs.
 */
@Service
@Transactional
class InfoReports {

	static final String OWNER = "INFO_REPORT";

	static final int MAX_PHOTOS = 9;

	private final InfoReportRepository reports;

	private final InfoReportPoints points;

	private final FileStorage files;

	private final CurrentUserProvider users;

	private final Clock clock;

	private final AuditLog audit;

	InfoReports(InfoReportRepository reports, InfoReportPoints points, FileStorage files, CurrentUserProvider users,
			Clock clock, AuditLog audit) {
		this.audit = audit;
		this.reports = reports;
		this.points = points;
		this.files = files;
		this.users = users;
		this.clock = clock;
	}

	/** An information officer submits an item for their organ (organId only when they serve several). */
	long submit(String title, String body, Long organId, List<MultipartFile> photos) {
		CurrentUser user = users.current();
		long organ = officerOrgan(user, organId);
		String t = TextInput.name("title", title);
		if (t == null || t.isEmpty()) {
			throw new InvalidValueException("title", "notice.common.error.title-required");
		}
		if (t.length() > 200) {
			throw new InvalidValueException("title", "notice.common.error.title-too-long");
		}
		String b = TextInput.text("body", body);
		if (b == null || b.isEmpty()) {
			throw new InvalidValueException("body", "notice.common.error.body-required");
		}
		if (b.length() > 20000) {
			throw new InvalidValueException("body", "notice.info.error.body-too-long");
		}
		OffsetDateTime now = OffsetDateTime.now(clock);
		long id = reports.insert(t, b, organ, user.accountId(), user.displayName(), now,
				LocalDate.ofInstant(now.toInstant(), Zones.BUSINESS).getYear());
		List<MultipartFile> given = photos == null ? List.of() : photos.stream().filter(p -> p != null && !p.isEmpty()).toList();
		if (given.size() > MAX_PHOTOS) {
			throw new InvalidValueException("photos", Text.of("notice.info.error.too-many-photos", MAX_PHOTOS));
		}
		for (MultipartFile photo : given) {
			store(id, photo);
		}
		InfoReportRepository.Row row = reports.find(id).orElseThrow();
		audit.record(AuditType.CREATE, "INFO_REPORT", id, AuditLog.SUCCESS, given.isEmpty()
				? Texts.chinese("notice.info.audit.submitted", t, row.organName())
				: Texts.chinese("notice.info.audit.submitted-photos", t, row.organName(), given.size()),
				row.organPath());
		return id;
	}

	/** Adds a photo to one's own item while it waits for the federation. */
	void addPhoto(long id, MultipartFile photo) {
		InfoReportRepository.Row row = visible(id);
		if (row.authorAccountId() != users.current().accountId()) {
			throw new ForbiddenException("notice.info.error.photo-not-author");
		}
		if (row.status() != InfoReportStatus.SUBMITTED) {
			throw new BusinessRuleException("notice.info.error.photo-handled");
		}
		if (photo == null || photo.isEmpty()) {
			throw new InvalidValueException("file", "notice.info.error.photo-required");
		}
		if (files.ofOwner(OWNER, id).size() >= MAX_PHOTOS) {
			throw new BusinessRuleException("notice.info.error.too-many-photos", MAX_PHOTOS);
		}
		store(id, photo);
		audit.record(AuditType.UPDATE, "INFO_REPORT", id, AuditLog.SUCCESS,
				Texts.chinese("notice.info.audit.photo-added", row.title()), row.organPath());
	}

	private void store(long id, MultipartFile photo) {
		try {
			files.store(OWNER, id, photo.getOriginalFilename(), photo.getInputStream(), photo.getSize(),
					Set.of(FileKind.PNG, FileKind.JPEG));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The federation marks an item; a status only moves up (刊发 needs where it was published). */
	void mark(long id, String statusText, String where, Integer version) {
		CurrentUser user = users.current();
		List<ScopeGrant> federation = user.scope().grantsFor(Role.FEDERATION_ADMIN);
		if (federation.isEmpty()) {
			throw new ForbiddenException("notice.info.error.mark-not-federation");
		}
		InfoReportRepository.Row row = visible(id);
		if (federation.stream().noneMatch(g -> row.organPath().startsWith(g.orgPath()))) {
			throw new ForbiddenException("notice.info.error.out-of-scope");
		}
		InfoReportStatus status;
		try {
			status = Coded.parse(InfoReportStatus.class, statusText);
		}
		catch (InvalidValueException ex) {
			throw new InvalidValueException("status", "notice.info.error.status-invalid");
		}
		if (status == null || status == InfoReportStatus.SUBMITTED) {
			throw new InvalidValueException("status", "notice.info.error.status-required");
		}
		String w = TextInput.normalize(where);
		if (status == InfoReportStatus.PUBLISHED) {
			if (w == null || w.isEmpty()) {
				throw new InvalidValueException("where", "notice.info.error.where-required");
			}
			if (w.length() > 200) {
				throw new InvalidValueException("where", "notice.info.error.where-too-long");
			}
		}
		else {
			w = null;
		}
		if (status.ordinal() < row.status().ordinal()
				|| status == row.status() && status != InfoReportStatus.PUBLISHED) {
			throw new BusinessRuleException("notice.info.error.status-not-higher", row.status());
		}
		int expected = Versions.required(version);
		if (!reports.mark(id, expected, status, w, user.accountId(), OffsetDateTime.now(clock))) {
			throw new ConflictException("notice.info.error.stale");
		}
		audit.record(AuditType.DECIDE, "INFO_REPORT", id, AuditLog.SUCCESS, w == null
				? Texts.chinese("notice.info.audit.marked", row.title(), row.organName(), status)
				: Texts.chinese("notice.info.audit.marked-where", row.title(), row.organName(), status, w),
				row.organPath());
	}

	@Transactional(readOnly = true)
	PageResult<InfoReportViews.Item> list(Integer year, String statusText, PageRequest page) {
		SqlCondition scope = InfoReportScope.of(users.current().scope(), users.current().accountId());
		InfoReportStatus status = Coded.parse(InfoReportStatus.class, statusText);
		List<InfoReportViews.Item> items = reports.list(scope, year, status, page.size(), page.offset()).stream()
			.map(r -> item(r, List.of())).toList();
		return PageResult.of(items, page, reports.count(scope, year, status));
	}

	/** The most items one export holds: beyond it the export is refused rather than cut short. */
	static final int EXPORT_LIMIT = 50_000;

	/**
	 * The list as filtered on the page (same scope, year and status), every item, for the Excel
	 * export: read on the standby when there is one, recorded in the audit log on the primary.
	 */
	@Transactional
	List<InfoReportViews.Item> all(Integer year, String statusText) {
		CurrentUser user = users.current();
		SqlCondition scope = InfoReportScope.of(user.scope(), user.accountId());
		InfoReportStatus status = Coded.parse(InfoReportStatus.class, statusText);
		List<InfoReportViews.Item> items = reports.exported(scope, year, status, EXPORT_LIMIT + 1).stream()
			.map(r -> item(r, List.of())).toList();
		if (items.size() > EXPORT_LIMIT) {
			throw new InvalidValueException("year", Text.of("notice.info.error.export-too-many", EXPORT_LIMIT));
		}
		Text filter = year == null ? Text.of("notice.info.audit.all-years") : Text.of("notice.info.audit.year", year);
		if (status != null) {
			filter = Text.of("notice.info.audit.year-status", filter, status);
		}
		audit.record(AuditType.PERSONAL_DATA_VIEW, "INFO_REPORT_EXPORT", null, AuditLog.SUCCESS,
				Texts.chinese("notice.info.audit.exported", filter, items.size()),
				AuditOrgPaths.commonAncestor(user.scope().adminGrants().stream().map(ScopeGrant::orgPath).toList()));
		return items;
	}

	@Transactional(readOnly = true)
	InfoReportViews.Item detail(long id) {
		InfoReportRepository.Row row = visible(id);
		List<InfoReportViews.Photo> photos = files.ofOwner(OWNER, id).stream()
			.map(f -> new InfoReportViews.Photo(f.id(), f.originalName())).toList();
		return item(row, photos);
	}

	/** A photo of an item the caller may see, and only of that item. */
	@Transactional(readOnly = true)
	Download photo(long id, long fileId) {
		visible(id);
		StoredFile file = files.find(fileId).filter(f -> OWNER.equals(f.ownerType()) && f.ownerId() == id)
			.orElseThrow(() -> new NotFoundException("notice.info.error.photo-not-found"));
		return files.open(file.id());
	}

	@Transactional(readOnly = true)
	InfoReportViews.Ranking ranking(Integer year) {
		CurrentUser user = users.current();
		if (!user.scope().isAdmin()) {
			throw new ForbiddenException("notice.info.error.ranking-not-admin");
		}
		int y = year == null ? LocalDate.now(clock.withZone(Zones.BUSINESS)).getYear() : year;
		if (y < 2000 || y > 2100) {
			throw new InvalidValueException("year", "notice.info.error.year-invalid");
		}
		SqlCondition scope = InfoReportScope.of(user.scope(), null);
		List<InfoReportViews.OfficerRank> officers = new ArrayList<>();
		int rank = 0;
		long last = Long.MIN_VALUE;
		int i = 0;
		for (InfoReportRepository.OfficerTotals t : reports.officers(scope, y, points)) {
			i++;
			if (t.points() != last) {
				rank = i;
				last = t.points();
			}
			officers.add(new InfoReportViews.OfficerRank(rank, t.accountId(), t.name(), t.organName(), t.items(),
					t.received(), t.adopted(), t.published(), t.points()));
		}
		List<InfoReportViews.OrganRank> organs = new ArrayList<>();
		rank = 0;
		last = Long.MIN_VALUE;
		i = 0;
		for (InfoReportRepository.OrganTotals t : reports.organs(scope, y, points)) {
			i++;
			if (t.points() != last) {
				rank = i;
				last = t.points();
			}
			organs.add(new InfoReportViews.OrganRank(rank, t.organId(), t.organName(), t.officers(), t.items(),
					t.adopted(), t.published(), t.points()));
		}
		return new InfoReportViews.Ranking(y, officers, organs);
	}

	/** The organs the caller reports for as information officer. */
	@Transactional(readOnly = true)
	List<Long> officerOrgans() {
		return users.current().scope().grantsFor(Role.INFO_OFFICER).stream()
			.map(g -> g.organId() != null ? g.organId() : g.orgId()).distinct().toList();
	}

	private long officerOrgan(CurrentUser user, Long organId) {
		List<Long> organs = officerOrgans();
		if (organs.isEmpty()) {
			throw new ForbiddenException("notice.info.error.not-officer");
		}
		if (organId == null) {
			if (organs.size() > 1) {
				throw new InvalidValueException("organId", "notice.info.error.organ-required");
			}
			return organs.get(0);
		}
		if (!organs.contains(organId)) {
			throw new ForbiddenException("notice.info.error.not-officer-of-organ");
		}
		return organId;
	}

	private InfoReportRepository.Row visible(long id) {
		CurrentUser user = users.current();
		InfoReportRepository.Row row = reports.find(id).orElseThrow(() -> new NotFoundException("notice.info.error.not-found"));
		boolean own = row.authorAccountId() == user.accountId();
		boolean admin = user.scope().adminGrants().stream().anyMatch(g -> g.organId() != null
				? g.organId() == row.organId() : row.organPath().startsWith(g.orgPath()));
		if (!own && !admin) {
			throw new NotFoundException("notice.info.error.not-found");
		}
		return row;
	}

	private InfoReportViews.Item item(InfoReportRepository.Row r, List<InfoReportViews.Photo> photos) {
		boolean markable = users.current().scope().grantsFor(Role.FEDERATION_ADMIN).stream()
			.anyMatch(g -> r.organPath().startsWith(g.orgPath()));
		return new InfoReportViews.Item(r.id(), r.title(), r.body(), r.organId(), r.organName(), r.authorName(),
				r.status().toCodeLabel(), r.publishedWhere(), points.of(r.status()), r.submittedAt(), r.markedAt(),
				r.version(), photos, markable);
	}
}
