package org.quntuan.finance;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The year's audit plan: which union and group books the funds review committee audits. One audit
 * per book and year; planning a book twice is skipped, and a request that plans nothing new is a
 * conflict.
 */
@Service
@Transactional
public class FundsAuditPlanning {

	static final int MAX_ORGS = 1000;

	private final FundsAuditAccess access;

	private final OrganizationQueries orgs;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	FundsAuditPlanning(FundsAuditAccess access, OrganizationQueries orgs, JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.access = access;
		this.orgs = orgs;
		this.jdbc = jdbc;
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
		Map<String, Object> params = new HashMap<>();
		String within = FundsAuditAccess.pathCondition(access.prefixes(FundsAuditAccess.AUDITORS), params, "p");
		List<Long> ids = jdbc.sql("select o.id from org o where o.active = true and o.type in ('UNION', 'GROUP') and "
				+ within + " order by o.path").params(params).query(Long.class).list();
		List<OrgSummary> books = orgs.findAll(ids).stream()
			.sorted(Comparator.comparing(OrgSummary::path)).toList();
		return insert(y, books);
	}

	private FundsAuditViews.Plan insert(int year, List<OrgSummary> books) {
		Set<Long> planned = books.isEmpty() ? Set.of()
				: Set.copyOf(jdbc.sql("select org_id from fin_audit where fiscal_year = :y and org_id in (:ids)")
					.param("y", year).param("ids", books.stream().map(OrgSummary::id).toList()).query(Long.class).list());
		List<FundsAuditViews.Planned> created = new ArrayList<>();
		List<FundsAuditViews.Planned> skipped = new ArrayList<>();
		OffsetDateTime now = OffsetDateTime.now(clock);
		for (OrgSummary book : books) {
			if (planned.contains(book.id())) {
				skipped.add(new FundsAuditViews.Planned(null, book.id(), book.name()));
				continue;
			}
			GeneratedKeyHolder keys = new GeneratedKeyHolder();
			jdbc.sql("""
					insert into fin_audit (fiscal_year, org_id, org_path, status, planned_by_account_id, created_at)
					values (:y, :o, :p, 'PLANNED', :by, :now)""")
				.param("y", year).param("o", book.id()).param("p", book.path()).param("by", access.accountId())
				.param("now", now).update(keys, "id");
			created.add(new FundsAuditViews.Planned(keys.getKey().longValue(), book.id(), book.name()));
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
