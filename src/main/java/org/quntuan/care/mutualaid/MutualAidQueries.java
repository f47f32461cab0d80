package org.quntuan.care.mutualaid;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.Masking;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.SqlCondition;
import org.quntuan.platform.TextInput;
import org.quntuan.platform.Zones;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of the mutual-aid plans: the list, the progress board, the people to enrol and the payments. */
@Service
@Transactional(readOnly = true)
class MutualAidQueries {

	private final MutualAidRepository plans;

	private final MutualAidAccess access;

	private final UnionMemberCounts members;

	private final Clock clock;

	MutualAidQueries(MutualAidRepository plans, MutualAidAccess access, UnionMemberCounts members, Clock clock) {
		this.plans = plans;
		this.access = access;
		this.members = members;
		this.clock = clock;
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.BUSINESS));
	}

	List<MutualAidViews.Plan> plans() {
		access.current();
		LocalDate today = today();
		return plans.plans().stream().map(p -> MutualAidViews.Plan.of(p, today)).toList();
	}

	MutualAidViews.Plan plan(long id) {
		return MutualAidViews.Plan.of(access.plan(id), today());
	}

	/**
	 * The board of the organs the caller reaches: per organ, per 片组 and together, plus the city's
	 * figures. The organs come from one aggregated query (targets, enrolments counted per organ from
	 * their index); the union members per organ from {@link UnionMemberCounts}.
	 */
	MutualAidViews.Board board(long planId) {
		CurrentUser user = access.requireAdmin();
		MutualAidRepository.PlanRow plan = access.plan(planId);
		SqlCondition organs = access.organs(user);
		List<MutualAidViews.Row> rows = new ArrayList<>();
		for (MutualAidRepository.BoardRow r : plans.board(planId, organs, members.byOrgan())) {
			rows.add(new MutualAidViews.Row(r.organId(), r.organName(), r.groupId(), r.groupName(), r.target(), r.enrolled(),
					r.unionMembers(), MutualAidViews.percent(r.enrolled(), r.target()),
					MutualAidViews.percent(r.enrolled(), r.unionMembers()), r.target() > 0 && r.enrolled() >= r.target(),
					r.unionMembers() > 0 && r.enrolled() >= r.unionMembers(), r.paidCount(),
					Math.max(0, r.enrolled() - r.paidCount())));
		}
		Map<Long, List<MutualAidViews.Row>> byGroup = new LinkedHashMap<>();
		rows.forEach(r -> byGroup.computeIfAbsent(r.groupId() == null ? 0L : r.groupId(), g -> new ArrayList<>()).add(r));
		List<MutualAidViews.Figures> groups = byGroup.values().stream()
			.map(g -> figures(g.get(0).groupId(), g.get(0).groupName(), g))
			.toList();
		MutualAidViews.Figures total = figures(null, null, rows);
		MutualAidViews.Figures city = total;
		if (!organs.equals(SqlCondition.ALL)) {
			long enrolled = plans.enrolled(planId);
			long unionMembers = members.total();
			city = new MutualAidViews.Figures(null, null, plans.targets(planId).size(), plan.target(), enrolled, unionMembers,
					MutualAidViews.percent(enrolled, plan.target()), MutualAidViews.percent(enrolled, unionMembers));
		}
		return new MutualAidViews.Board(MutualAidViews.Plan.of(plan, today()), rows, groups, total, city);
	}

	private static MutualAidViews.Figures figures(Long groupId, String name, List<MutualAidViews.Row> rows) {
		long target = rows.stream().mapToLong(MutualAidViews.Row::target).sum();
		long enrolled = rows.stream().mapToLong(MutualAidViews.Row::enrolled).sum();
		long members = rows.stream().mapToLong(MutualAidViews.Row::unionMembers).sum();
		return new MutualAidViews.Figures(groupId, name, rows.size(), target, enrolled, members,
				MutualAidViews.percent(enrolled, target), MutualAidViews.percent(enrolled, members));
	}

	/** The people the caller administers, in service, with whether they are enrolled; ID numbers masked. */
	PageResult<MutualAidViews.Person> people(long planId, String q, Long organId, Boolean enrolled, PageRequest page) {
		access.requireAdmin();
		access.plan(planId);
		String term = TextInput.compact(q);
		return plans.enrolable(planId, access.people(), term == null || term.isEmpty() ? null : term, organId, enrolled, page)
			.map(p -> new MutualAidViews.Person(p.id(), p.name(), Masking.keepHeadAndTail(p.idNumber()), p.organName(),
					p.enrolled(), p.left()));
	}

	/** An enrolment the caller may withdraw (of an organ they administer), for the confirmation page. */
	MutualAidViews.Enrolment enrolment(long planId, long personId) {
		CurrentUser user = access.requireAdmin();
		access.plan(planId);
		return plans.enrolment(planId, personId).filter(e -> plans.organAmong(e.organId(), access.organs(user)))
			.map(e -> new MutualAidViews.Enrolment(e.personId(), e.personName(), e.organName(), e.enrolledAt()))
			.orElseThrow(NotFoundException::new);
	}

	List<MutualAidViews.Payment> payments(long planId) {
		CurrentUser user = access.requireAdmin();
		access.plan(planId);
		return plans.payments(planId, access.organs(user)).stream()
			.map(p -> new MutualAidViews.Payment(p.id(), p.organName(), p.persons(), p.amount(), p.paidOn(), p.txnId()))
			.toList();
	}

	/** The plan's targets (the federation's split page). */
	List<MutualAidRepository.TargetRow> targets(long planId) {
		access.requireFederation();
		access.plan(planId);
		return plans.targets(planId);
	}
}
