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
import org.quntuan.platform.Text;
import org.quntuan.platform.Texts;
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
			throw new InvalidValueException("orgIds", "finance.audit.error.orgs-required");
		}
		if (orgIds.size() > MAX_ORGS || orgIds.stream().anyMatch(id -> id == null)) {
			throw new InvalidValueException("orgIds", Text.of("finance.audit.error.orgs-invalid", MAX_ORGS));
		}
		List<OrgSummary> books = new ArrayList<>();
		for (long id : new LinkedHashSet<>(orgIds)) {
			OrgSummary org = orgs.find(id).filter(access::mayPlan)
				.orElseThrow(() -> new NotFoundException("finance.audit.error.org-not-found"));
			if (org.type() != OrgType.UNION && org.type() != OrgType.GROUP) {
				throw new InvalidValueException("orgIds", Text.of("finance.audit.error.org-type", org.name(), org.type()));
			}
			if (!org.active()) {
				throw new InvalidValueException("orgIds", Text.of("finance.audit.error.org-inactive", org.name()));
			}
			books.add(org);
		}
		FundsAuditViews.Plan plan = insert(y, books);
		if (plan.created().isEmpty()) {
			throw new ConflictException("finance.audit.error.planned-already", y,
					plan.skipped().stream().map(FundsAuditViews.Planned::orgName).collect(Collectors.joining("、")));
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
					Texts.chinese("finance.audit.record.planned", year, created.size()),
					AuditOrgPaths.commonAncestor(books.stream().map(OrgSummary::path).toList()));
		}
		return new FundsAuditViews.Plan(year, created, skipped);
	}

	private int checkYear(Integer year) {
		int current = LocalDate.now(clock.withZone(Zones.BUSINESS)).getYear();
		if (year == null) {
			throw new InvalidValueException("year", "finance.audit.error.year-required");
		}
		if (year < 2000 || year > current + 1) {
			throw new InvalidValueException("year", Text.of("finance.audit.error.year-range", current + 1));
		}
		return year;
	}
}
