package org.quntuan.finance.audits;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditOrgPaths;
import org.quntuan.audit.AuditType;
import org.quntuan.organization.OrgSummary;
import org.quntuan.organization.OrgType;
import org.quntuan.organization.OrganizationQueries;
import org.quntuan.platform.ConflictException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.Zones;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The year's audit plan: which union and group books the funds review committee audits. One audit
 * per book and year; planning a book twice is skipped, and a request that plans nothing new is a
 * conflict.
 */
@Service
@Transactional
class FundsAuditPlanning {

	static final int MAX_ORGS = 1000;

	private final FundsAuditAccess access;

	private final OrganizationQueries orgs;

	private final FundsAuditRepository audits;

	private final AuditLog audit;

	private final Clock clock;

	FundsAuditPlanning(FundsAuditAccess access, OrganizationQueries orgs, FundsAuditRepository audits, AuditLog audit,
			Clock clock) {
		this.access = access;
		this.orgs = orgs;
		this.audits = audits;
		this.audit = audit;
		this.clock = clock;
	}

	/** Puts these union or group books into the year's plan. */
	public FundsAuditViews.Plan plan(Integer year, List<Long> orgIds) {
		access.requirePlanner();
		int y = checkYear(year);
		if (orgIds == null || orgIds.isEmpty()) {
			throw new InvalidValueException("orgIds", "请至少选择一个要审计的工会或片组");
		}
		if (orgIds.size() > MAX_ORGS || orgIds.stream().anyMatch(id -> id == null)) {
			throw new InvalidValueException("orgIds", "账簿列表无效：不能有空值，且一次最多 " + MAX_ORGS + " 个");
		}
		List<OrgSummary> books = new ArrayList<>();
		for (long id : new LinkedHashSet<>(orgIds)) {
			OrgSummary org = orgs.find(id).filter(access::mayPlan)
				.orElseThrow(() -> new NotFoundException("组织不存在或不在您的审计范围内"));
			if (org.type() != OrgType.UNION && org.type() != OrgType.GROUP) {
				throw new InvalidValueException("orgIds", org.name() + "（" + org.type().label() + "）不能列入审计计划：只审计工会和片组的账簿");
			}
			if (!org.active()) {
				throw new InvalidValueException("orgIds", org.name() + "已撤销，不能列入审计计划");
			}
			books.add(org);
		}
		FundsAuditViews.Plan plan = insert(y, books);
		if (plan.created().isEmpty()) {
			throw new ConflictException(y + " 年度审计计划已包含"
					+ plan.skipped().stream().map(FundsAuditViews.Planned::orgName).collect(Collectors.joining("、")) + "，无需重复列入");
		}
		return plan;
	}

	/** The plan for a year: every active union and group book in the caller's reach not yet planned. */
	public FundsAuditViews.Plan planDefault(Integer year) {
		access.requirePlanner();
		int y = checkYear(year);
		List<Long> ids = audits.activeBooks(access.prefixes(FundsAuditAccess.AUDITORS));
		List<OrgSummary> books = orgs.findAll(ids).stream()
			.sorted(Comparator.comparing(OrgSummary::path)).toList();
		return insert(y, books);
	}

	private FundsAuditViews.Plan insert(int year, List<OrgSummary> books) {
		Set<Long> planned = books.isEmpty() ? Set.of()
				: Set.copyOf(audits.plannedBooks(year, books.stream().map(OrgSummary::id).toList()));
		List<FundsAuditViews.Planned> created = new ArrayList<>();
		List<FundsAuditViews.Planned> skipped = new ArrayList<>();
		OffsetDateTime now = OffsetDateTime.now(clock);
		for (OrgSummary book : books) {
			if (planned.contains(book.id())) {
				skipped.add(new FundsAuditViews.Planned(null, book.id(), book.name()));
				continue;
			}
			long id = audits.insertPlanned(year, book.id(), book.path(), access.accountId(), now);
			created.add(new FundsAuditViews.Planned(id, book.id(), book.name()));
		}
		if (!created.isEmpty()) {
			audit.record(AuditType.CREATE, "FIN_AUDIT_PLAN", year, AuditLog.SUCCESS,
					year + " 年度审计计划列入 " + created.size() + " 个账簿",
					AuditOrgPaths.commonAncestor(books.stream().map(OrgSummary::path).toList()));
		}
		return new FundsAuditViews.Plan(year, created, skipped);
	}

	private int checkYear(Integer year) {
		int current = LocalDate.now(clock.withZone(Zones.BUSINESS)).getYear();
		if (year == null) {
			throw new InvalidValueException("year", "请指定审计年度");
		}
		if (year < 2000 || year > current + 1) {
			throw new InvalidValueException("year", "审计年度应在 2000 到 " + (current + 1) + " 之间");
		}
		return year;
	}
}
