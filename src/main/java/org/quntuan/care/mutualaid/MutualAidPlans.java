package org.quntuan.care.mutualaid;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.finance.Amounts;
import org.quntuan.finance.Categories;
import org.quntuan.finance.Category;
import org.quntuan.finance.FinanceAccess;
import org.quntuan.finance.Journal;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.ConflictException;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.Role;
import org.quntuan.platform.Text;
import org.quntuan.platform.TextInput;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Versions;
import org.quntuan.platform.Zones;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * The mutual-aid plan's commands: a plan with its target split among the organs, changes to the split
 * (which must still sum to the target), enrolments by the admins (from the list or an Excel of ID
 * numbers; all or nothing) and the organs' payments, posted once each to the union's journal.
 */
@Service
@Transactional
public class MutualAidPlans {

	static final String PLAN = "MUTUALAID_PLAN";

	static final String ENROLMENT = "MUTUALAID_ENROLMENT";

	static final String PAYMENT = "MUTUALAID_PAYMENT";

	/** The journal's source type of a payment. */
	static final String SOURCE = "CARE_MUTUALAID_PAYMENT";

	static final int MAX_TARGET = 1_000_000;

	/** The outcome of an enrolment: newly enrolled, and named people who had been enrolled before. */
	record Enrolled(int enrolled, int alreadyEnrolled) {
	}

	record Paid(long id, int persons, BigDecimal amount, long txnId) {
	}

	private final MutualAidRepository plans;

	private final MutualAidAccess access;

	private final FinanceAccess finance;

	private final Categories categories;

	private final Journal journal;

	private final AuditLog audit;

	private final Clock clock;

	private final BigDecimal defaultPrice;

	private final int defaultRemindBelow;

	MutualAidPlans(MutualAidRepository plans, MutualAidAccess access, FinanceAccess finance, Categories categories,
			Journal journal, AuditLog audit, Clock clock,
			@Value("${quntuan.care.mutual-aid.price-per-person:60}") BigDecimal defaultPrice,
			@Value("${quntuan.care.mutual-aid.remind-below-percent:80}") int defaultRemindBelow) {
		this.plans = plans;
		this.access = access;
		this.finance = finance;
		this.categories = categories;
		this.journal = journal;
		this.audit = audit;
		this.clock = clock;
		this.defaultPrice = defaultPrice;
		this.defaultRemindBelow = defaultRemindBelow;
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.BUSINESS));
	}

	/** Sets up a year's plan and splits its target among the active organs by their union members. */
	public long create(MutualAidRequests.Plan r) {
		CurrentUser user = access.requireFederation();
		List<InvalidValueException.Problem> problems = new ArrayList<>();
		if (r.year() == null || r.year() < 2000 || r.year() > 2100) {
			problems.add(new InvalidValueException.Problem("year", "mutualaid.error.year"));
		}
		String title = r.title() == null ? null : TextInput.name("title", r.title());
		if (title != null && title.length() > 200) {
			problems.add(new InvalidValueException.Problem("title", "mutualaid.error.title"));
		}
		LocalDate startsOn = r.startsOn();
		LocalDate endsOn = r.endsOn();
		if (r.year() != null && r.year() >= 2000 && r.year() <= 2100) {
			startsOn = startsOn == null ? LocalDate.of(r.year(), 1, 1) : startsOn;
			endsOn = endsOn == null ? LocalDate.of(r.year(), 12, 31) : endsOn;
			if (endsOn.isBefore(startsOn)) {
				problems.add(new InvalidValueException.Problem("endsOn", "mutualaid.error.period"));
			}
		}
		BigDecimal price = defaultPrice;
		if (r.pricePerPerson() != null && !r.pricePerPerson().isBlank()) {
			try {
				price = Amounts.positive("pricePerPerson", r.pricePerPerson());
				if (price.compareTo(new BigDecimal("100000")) >= 0) {
					problems.add(new InvalidValueException.Problem("pricePerPerson", "mutualaid.error.price"));
				}
			}
			catch (InvalidValueException ex) {
				problems.addAll(ex.problems());
			}
		}
		if (r.enrolOpensOn() == null || r.enrolClosesOn() == null) {
			problems.add(new InvalidValueException.Problem("enrolClosesOn", "mutualaid.error.window-required"));
		}
		else if (r.enrolClosesOn().isBefore(r.enrolOpensOn())) {
			problems.add(new InvalidValueException.Problem("enrolClosesOn", "mutualaid.error.window"));
		}
		else if (endsOn != null && r.enrolClosesOn().isAfter(endsOn)) {
			problems.add(new InvalidValueException.Problem("enrolClosesOn", "mutualaid.error.window-after-period"));
		}
		if (r.target() == null || r.target() < 1 || r.target() > MAX_TARGET) {
			problems.add(new InvalidValueException.Problem("target", Text.of("mutualaid.error.target", MAX_TARGET)));
		}
		int remind = r.remindBelowPercent() == null ? defaultRemindBelow : r.remindBelowPercent();
		if (remind < 0 || remind > 100) {
			problems.add(new InvalidValueException.Problem("remindBelowPercent", "mutualaid.error.remind"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidValueException(problems);
		}
		if (plans.yearTaken(r.year())) {
			throw new ConflictException("mutualaid.error.year-taken", r.year());
		}
		List<MutualAidRepository.Organ> organs = plans.organs();
		if (organs.isEmpty()) {
			throw new BusinessRuleException("mutualaid.error.no-organs");
		}
		String name = title == null || title.isEmpty() ? Texts.chinese("mutualaid.plan.default-title", r.year()) : title;
		long id;
		try {
			id = plans.insertPlan(new MutualAidRepository.PlanRow(0, r.year(), name, startsOn, endsOn, price,
					r.enrolOpensOn(), r.enrolClosesOn(), r.target(), remind, now(), 0), user.accountId());
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("mutualaid.error.year-taken", r.year());
		}
		Map<Long, Integer> split = TargetSplit.split(r.target(),
				organs.stream().map(o -> new TargetSplit.Weight(o.id(), o.unionMembers())).toList());
		plans.insertTargets(id, split);
		audit.record(AuditType.CREATE, PLAN, id, AuditLog.SUCCESS, Texts.chinese("mutualaid.audit.created", r.year(), name,
				r.target(), price.stripTrailingZeros().toPlainString(), r.enrolOpensOn().toString(),
				r.enrolClosesOn().toString(), split.size()), plans.rootPath());
		return id;
	}

	/**
	 * Changes the targets of some organs (the federation admin). The whole split must still sum to the
	 * plan's target; otherwise nothing changes.
	 */
	public void setTargets(long planId, MutualAidRequests.Targets r) {
		access.requireFederation();
		MutualAidRepository.PlanRow plan = plans.lock(planId).orElseThrow(NotFoundException::new);
		Versions.check(r.version(), plan.version(), "mutualaid.error.stale");
		if (r.targets() == null || r.targets().isEmpty()) {
			throw new InvalidValueException("targets", "mutualaid.error.targets-required");
		}
		Map<Long, MutualAidRepository.TargetRow> current = new LinkedHashMap<>();
		plans.targets(planId).forEach(t -> current.put(t.organId(), t));
		Map<Long, Integer> wanted = new HashMap<>();
		List<InvalidValueException.Problem> problems = new ArrayList<>();
		for (int i = 0; i < r.targets().size(); i++) {
			MutualAidRequests.Target t = r.targets().get(i);
			String field = "targets[" + i + "]";
			MutualAidRepository.TargetRow row = t == null || t.organId() == null ? null : current.get(t.organId());
			if (row == null) {
				problems.add(new InvalidValueException.Problem(field + ".organId", Text.of("mutualaid.error.target-organ-unknown",
						t == null || t.organId() == null ? "" : String.valueOf(t.organId()))));
			}
			else if (t.target() == null || t.target() < 0 || t.target() > MAX_TARGET) {
				problems.add(new InvalidValueException.Problem(field + ".target",
						Text.of("mutualaid.error.target-negative", row.organName())));
			}
			else if (wanted.put(row.organId(), t.target()) != null) {
				problems.add(new InvalidValueException.Problem(field + ".organId",
						Text.of("mutualaid.error.target-duplicate", row.organName())));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidValueException(problems);
		}
		long sum = current.values().stream().mapToLong(t -> wanted.getOrDefault(t.organId(), t.target())).sum();
		if (sum != plan.target()) {
			throw new InvalidValueException("targets", Text.of("mutualaid.error.split-sum", sum, plan.target()));
		}
		int changed = 0;
		for (Map.Entry<Long, Integer> e : wanted.entrySet()) {
			if (current.get(e.getKey()).target() != e.getValue()) {
				plans.updateTarget(planId, e.getKey(), e.getValue());
				changed++;
			}
		}
		plans.touch(planId, plan.version());
		audit.record(AuditType.UPDATE, PLAN, planId, AuditLog.SUCCESS, Texts.chinese("mutualaid.audit.targets", plan.title(),
				changed), plans.rootPath());
	}

	/**
	 * Enrols people the caller administers. Someone enrolled already is left as they are; someone the
	 * caller does not administer, unknown, no longer in service or of an organ without a target refuses
	 * the whole request. The organs' target rows are locked (in organ order) before anything is read,
	 * so two admins enrolling overlapping people at once never enrol anyone twice.
	 */
	public Enrolled enrol(long planId, List<Long> personIds) {
		CurrentUser user = access.requireAdmin();
		MutualAidRepository.PlanRow plan = access.plan(planId);
		if (personIds == null || personIds.isEmpty() || personIds.stream().anyMatch(id -> id == null)) {
			throw new InvalidValueException("personIds", "mutualaid.error.persons-required");
		}
		Set<Long> ids = new LinkedHashSet<>(personIds);
		List<MutualAidRepository.Candidate> found = plans.candidates(ids, access.people());
		Set<Long> known = new HashSet<>();
		found.forEach(c -> known.add(c.id()));
		for (Long id : ids) {
			if (!known.contains(id)) {
				throw new InvalidValueException("personIds", Text.of("mutualaid.error.person-unknown", id));
			}
		}
		for (MutualAidRepository.Candidate c : found) {
			if (!c.reachable()) {
				throw new ForbiddenException("mutualaid.error.person-outside", c.name());
			}
		}
		for (MutualAidRepository.Candidate c : found) {
			if (!c.active() || !c.inService()) {
				throw new BusinessRuleException("mutualaid.error.person-inactive", c.name());
			}
		}
		Enrolled result = enrolChecked(plan, found, "LIST", user);
		audit.record(AuditType.CREATE, ENROLMENT, planId, AuditLog.SUCCESS, Texts.chinese("mutualaid.audit.enrolled",
				plan.title(), result.enrolled(), result.alreadyEnrolled()), plans.rootPath());
		return result;
	}

	/** Enrols the people of an Excel file of ID numbers: every row right, or nobody. */
	public Enrolled importEnrolments(long planId, MultipartFile file, int maxRows) {
		CurrentUser user = access.requireAdmin();
		MutualAidRepository.PlanRow plan = access.plan(planId);
		EnrolmentImport.Rows rows = EnrolmentImport.read(file, maxRows);
		Set<Long> targetOrgans = new HashSet<>();
		plans.targets(planId).forEach(t -> targetOrgans.add(t.organId()));
		List<MutualAidRepository.Candidate> people = EnrolmentImport.check(rows,
				plans.candidatesByIdNumber(rows.idNumbers(), access.people()), targetOrgans);
		Enrolled result = enrolChecked(plan, people, "IMPORT", user);
		audit.record(AuditType.CREATE, ENROLMENT, planId, AuditLog.SUCCESS, Texts.chinese("mutualaid.audit.imported",
				plan.title(), result.enrolled(), result.alreadyEnrolled()), plans.rootPath());
		return result;
	}

	private Enrolled enrolChecked(MutualAidRepository.PlanRow plan, List<MutualAidRepository.Candidate> people,
			String source, CurrentUser user) {
		LocalDate today = today();
		if (today.isBefore(plan.enrolOpensOn())) {
			throw new BusinessRuleException("mutualaid.error.window-not-open", plan.enrolOpensOn().toString());
		}
		if (today.isAfter(plan.enrolClosesOn())) {
			throw new BusinessRuleException("mutualaid.error.window-closed", plan.enrolClosesOn().toString());
		}
		Set<Long> organs = new HashSet<>();
		people.forEach(c -> organs.add(c.organId()));
		List<Long> locked = plans.lockTargets(plan.id(), organs);
		for (MutualAidRepository.Candidate c : people) {
			if (!locked.contains(c.organId())) {
				throw new BusinessRuleException("mutualaid.error.organ-without-target", c.name(), c.organName());
			}
		}
		List<Long> ids = people.stream().map(MutualAidRepository.Candidate::id).toList();
		int before = plans.enrolledAmong(plan.id(), ids).size();
		try {
			int inserted = plans.enrol(plan.id(), ids, source, user.accountId(), now());
			return new Enrolled(inserted, before);
		}
		catch (DuplicateKeyException ex) {
			// only when a person moved organs between the read and the locks: the unique key still holds
			throw new ConflictException("mutualaid.error.concurrent");
		}
	}

	/**
	 * Takes a person off the plan (退出参保), typically one who left the organ before it paid: an admin of the
	 * organ the person was enrolled in, with a reason, before the plan ends. Under the organ's target row
	 * lock (the one payments take), an enrolment that is already paid for stays: the organ's enrolments may
	 * never fall below those it paid for, so no payment is left without its people.
	 */
	public void withdraw(long planId, long personId, String reason) {
		CurrentUser user = access.requireAdmin();
		MutualAidRepository.PlanRow plan = access.plan(planId);
		MutualAidRepository.EnrolmentRow e = plans.enrolment(planId, personId)
			.filter(row -> plans.organAmong(row.organId(), access.organs(user)))
			.orElseThrow(NotFoundException::new);
		String why = reason == null ? "" : TextInput.compact(reason);
		if (why == null || why.isEmpty()) {
			throw new InvalidValueException("reason", "mutualaid.error.withdraw-reason");
		}
		if (why.length() > 200) {
			throw new InvalidValueException("reason", "mutualaid.error.withdraw-reason-long");
		}
		if (today().isAfter(plan.endsOn())) {
			throw new BusinessRuleException("mutualaid.error.withdraw-ended", plan.endsOn().toString());
		}
		int[] counts = plans.lockForPayment(planId, e.organId()).orElseThrow(NotFoundException::new);
		if (plans.enrolment(planId, personId).isEmpty()) {
			throw new ConflictException("mutualaid.error.concurrent");
		}
		if (counts[0] - 1 < counts[1]) {
			throw new BusinessRuleException("mutualaid.error.withdraw-paid", e.personName(), e.organName());
		}
		plans.withdraw(planId, e, why, user.accountId(), now());
		audit.record(AuditType.DELETE, ENROLMENT, planId, AuditLog.SUCCESS, Texts.chinese("mutualaid.audit.withdrawn",
				plan.title(), e.personName(), e.organName(), why), e.organPath());
	}

	/**
	 * Records an organ's payment for its enrolments not paid before (persons × price) and posts it to the
	 * journal of the organ's union as 维权支出, in the same transaction, under the organ's target row lock:
	 * a second payment of the same enrolments finds nothing left to pay.
	 */
	public Paid pay(long planId, MutualAidRequests.Payment r) {
		CurrentUser user = access.current();
		MutualAidRepository.PlanRow plan = access.plan(planId);
		if (!user.scope().hasAny(Role.FEDERATION_ADMIN, Role.ORG_ADMIN, Role.FINANCE_OFFICER)) {
			throw new ForbiddenException("mutualaid.error.payer-only");
		}
		if (r == null || r.organId() == null) {
			throw new InvalidValueException("organId", "mutualaid.error.organ-required");
		}
		MutualAidRepository.Organ organ = plans.organ(r.organId())
			.orElseThrow(() -> new InvalidValueException("organId", "mutualaid.error.organ-unknown"));
		if (organ.unionId() == null) {
			throw new BusinessRuleException("mutualaid.error.no-union", organ.name());
		}
		finance.keepable(organ.unionId());
		int[] counts = plans.lockForPayment(planId, organ.id())
			.orElseThrow(() -> new InvalidValueException("organId", "mutualaid.error.organ-unknown"));
		int persons = counts[0] - counts[1];
		if (persons <= 0) {
			throw new BusinessRuleException("mutualaid.error.nothing-to-pay", organ.name());
		}
		LocalDate paidOn = r.paidOn() == null ? today() : r.paidOn();
		if (paidOn.isAfter(today())) {
			throw new InvalidValueException("paidOn", "mutualaid.error.paid-on-future");
		}
		BigDecimal amount = plan.pricePerPerson().multiply(BigDecimal.valueOf(persons));
		String price = plan.pricePerPerson().stripTrailingZeros().toPlainString();
		long paymentId = plans.insertPayment(planId, organ.id(), organ.unionId(), persons, amount, paidOn,
				user.accountId(), now());
		Category rights = categories.require("category", "RIGHTS", Category.Kind.EXPENSE);
		Journal.Posted posted = journal.post(Journal.simple(organ.unionId(), paidOn, rights, amount,
				Texts.chinese("mutualaid.journal.counterparty"),
				Texts.chinese("mutualaid.journal.memo", plan.title(), persons, price), SOURCE, paymentId, "PAY",
				user.accountId()));
		plans.paymentPosted(paymentId, posted.txnId(), planId, organ.id(), counts[0]);
		audit.record(AuditType.CREATE, PAYMENT, paymentId, AuditLog.SUCCESS, Texts.chinese("mutualaid.audit.paid",
				organ.name(), plan.title(), persons, price, amount.toPlainString()), organ.path());
		return new Paid(paymentId, persons, amount, posted.txnId());
	}
}
