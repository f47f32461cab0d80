package org.quntuan.care.visits;

import java.math.BigDecimal;
import java.util.List;

import org.quntuan.finance.FinanceAccess;
import org.quntuan.organization.OrgSummary;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.SqlCondition;
import org.quntuan.platform.files.Download;
import org.quntuan.platform.files.FileStorage;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of visit plans for the pages and the API, scoped as {@link VisitAccess} says. */
@Service
@Transactional(readOnly = true)
public class VisitQueries {

	private final VisitRepository plans;

	private final VisitAccess access;

	private final FinanceAccess finance;

	private final FileStorage files;

	VisitQueries(VisitRepository plans, VisitAccess access, FinanceAccess finance, FileStorage files) {
		this.plans = plans;
		this.access = access;
		this.finance = finance;
		this.files = files;
	}

	public boolean isAdmin() {
		return access.current().scope().isAdmin();
	}

	/** For the pages only admins use (a new plan). */
	public void requireAdmin() {
		if (!isAdmin()) {
			throw new ForbiddenException("visits.error.admin-only");
		}
	}

	/** The plans the caller sees (none for those who administer nobody), the latest first. */
	public PageResult<VisitViews.PlanSummary> list(PageRequest page) {
		if (!isAdmin()) {
			return PageResult.of(List.of(), page, 0);
		}
		return plans.plans(access.visiblePlans(), page);
	}

	/** The books the caller may pay a plan from: those they keep as an admin. */
	public List<OrgSummary> books() {
		CurrentUser user = access.current();
		return finance.readableBooks().stream()
			.filter(b -> user.scope().adminGrants().stream().anyMatch(g -> b.path().startsWith(g.orgPath())))
			.toList();
	}

	public VisitViews.PlanDetail detail(long id) {
		return detail(access.visible(id));
	}

	private VisitViews.PlanDetail detail(VisitRepository.PlanRow p) {
		CurrentUser user = access.current();
		List<VisitViews.Standard> standards = plans.standards(p.id()).stream().map(VisitQueries::view).toList();
		return new VisitViews.PlanDetail(p.id(), p.title(), p.startsOn(), p.endsOn(), p.bookOrgId(), p.bookOrgName(),
				p.areaOrgName(), p.budget(), p.note(), p.creatorName(), p.createdAt(), p.version(), standards,
				plans.planned(p.id()), plans.spent(p.id()), VisitAccess.organizes(user, p), user.scope().isAdmin());
	}

	/** The plan's list as the caller may see it: all of it for the organizers, else the people they administer. */
	public PageResult<VisitViews.Recipient> recipients(long planId, Long organId, Boolean visited, PageRequest page) {
		VisitRepository.PlanRow plan = access.visible(planId);
		return plans.recipients(planId, access.people(plan), organId, visited, page);
	}

	/** A recipient with the plan and the kind's standard, for the page that records the visit. */
	public VisitViews.RecipientDetail recipient(long recipientId) {
		VisitRepository.RecipientRow r = access.recipient(recipientId);
		VisitRepository.PlanRow plan = access.visible(r.planId());
		VisitViews.Visit visit = plans.visitOf(r.id()).map(VisitQueries::view).orElse(null);
		VisitViews.Standard standard = plans.standards(plan.id()).stream().filter(s -> s.kind() == r.kind())
			.map(VisitQueries::view).findFirst().orElse(null);
		return new VisitViews.RecipientDetail(view(r, visit), detail(plan), standard);
	}

	public VisitViews.Visit visit(long visitId) {
		VisitRepository.VisitRow v = plans.visit(visitId).orElseThrow(NotFoundException::new);
		access.recipient(v.recipientId());
		return view(v);
	}

	/** The visit's photo, for those who see the recipient. */
	public Download photo(long visitId) {
		VisitViews.Visit v = visit(visitId);
		if (v.photoFileId() == null) {
			throw new NotFoundException();
		}
		Download download = files.open(v.photoFileId());
		if (!download.file().ownerType().equals(Visits.VISIT) || download.file().ownerId() != visitId) {
			throw new NotFoundException();
		}
		return download;
	}

	/** Planned against visited per organ, and the money against the budget. */
	public VisitViews.Board board(long planId) {
		VisitRepository.PlanRow plan = access.visible(planId);
		SqlCondition people = access.people(plan);
		List<VisitViews.BoardRow> rows = plans.board(planId, people).stream()
			.map(r -> new VisitViews.BoardRow(r.organId(), r.organName(), r.planned(), r.visited(), r.plannedAmount(),
					r.cash(), r.goods()))
			.toList();
		long planned = rows.stream().mapToLong(VisitViews.BoardRow::planned).sum();
		long visited = rows.stream().mapToLong(VisitViews.BoardRow::visited).sum();
		BigDecimal plannedAmount = sum(rows.stream().map(VisitViews.BoardRow::plannedAmount).toList());
		BigDecimal cash = sum(rows.stream().map(VisitViews.BoardRow::cash).toList());
		BigDecimal goods = sum(rows.stream().map(VisitViews.BoardRow::goods).toList());
		BigDecimal spent = cash.add(goods);
		return new VisitViews.Board(plan.id(), plan.title(), plan.startsOn(), plan.endsOn(), plan.bookOrgName(),
				people.equals(SqlCondition.ALL), rows,
				new VisitViews.BoardTotals(planned, visited, plannedAmount, cash, goods, spent, plan.budget(),
						plan.budget().subtract(spent)));
	}

	String bookPath(long planId) {
		return access.visible(planId).bookOrgPath();
	}

	private static BigDecimal sum(List<BigDecimal> values) {
		return values.stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
	}

	static VisitViews.Standard view(VisitRepository.StandardRow s) {
		return new VisitViews.Standard(s.kind().toCodeLabel(), s.form().toCodeLabel(), s.amount(), s.goods());
	}

	static VisitViews.Visit view(VisitRepository.VisitRow v) {
		return new VisitViews.Visit(v.id(), v.recipientId(), v.visitedOn(), v.visitors(), v.form().toCodeLabel(),
				v.amount(), v.goods(), v.note(), v.photoFileId(), v.txnId(), v.recordedByName(), v.recordedAt());
	}

	static VisitViews.Recipient view(VisitRepository.RecipientRow r, VisitViews.Visit visit) {
		return new VisitViews.Recipient(r.id(), r.personId(), r.name(), r.kind().toCodeLabel(), r.organId(),
				r.organName(), r.plannedAmount(), r.note(), r.addedByName(), visit);
	}
}
