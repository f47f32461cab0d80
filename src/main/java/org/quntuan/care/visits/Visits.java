package org.quntuan.care.visits;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.care.hardship.HardshipRegister;
import org.quntuan.finance.Amounts;
import org.quntuan.finance.Categories;
import org.quntuan.finance.Category;
import org.quntuan.finance.FinanceAccess;
import org.quntuan.finance.Journal;
import org.quntuan.organization.OrgSummary;
import org.quntuan.organization.OrgType;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.Coded;
import org.quntuan.platform.ConflictException;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.Text;
import org.quntuan.platform.TextInput;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.quntuan.platform.files.FileKind;
import org.quntuan.platform.files.FileStorage;
import org.quntuan.platform.files.StoredFile;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 走访慰问: a plan with a standard per kind of recipient, a budget and the book that pays; org admins put
 * their people on its list (the standards of the list never exceed the budget) and record each visit
 * once, with its cash posted to the paying book's journal in the same transaction (source
 * {@value #SOURCE} / recipient / {@value #ACTION}: a retry or a second node finds the first entry).
 * Every addition and visit of a plan takes the plan's row lock first, so the budget and "once" hold
 * under concurrent requests.
 */
@Service
@Transactional
public class Visits {

	static final String PLAN = "CARE_VISIT_PLAN";

	static final String VISIT = "CARE_VISIT";

	/** The journal's source of a visit's cash: one entry per recipient. */
	static final String SOURCE = "CARE_VISIT";

	static final String ACTION = "PAY";

	/** The category of the cash: 维权支出 (困难职工帮扶、送温暖). */
	static final String CATEGORY = "RIGHTS";

	static final Set<FileKind> PHOTO_KINDS = EnumSet.of(FileKind.PNG, FileKind.JPEG);

	private final VisitRepository plans;

	private final VisitAccess access;

	private final FinanceAccess finance;

	private final Categories categories;

	private final Journal journal;

	private final FileStorage files;

	private final AuditLog audit;

	private final Clock clock;

	private final HardshipRegister hardship;

	private final SickReportRepository sick;

	Visits(VisitRepository plans, VisitAccess access, FinanceAccess finance, Categories categories, Journal journal,
			FileStorage files, AuditLog audit, Clock clock, HardshipRegister hardship, SickReportRepository sick) {
		this.hardship = hardship;
		this.sick = sick;
		this.plans = plans;
		this.access = access;
		this.finance = finance;
		this.categories = categories;
		this.journal = journal;
		this.files = files;
		this.audit = audit;
		this.clock = clock;
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.BUSINESS));
	}

	/** Creates a plan paid from a book the caller keeps as its admin. */
	public long createPlan(VisitViews.PlanInput input) {
		CurrentUser user = access.current();
		if (!user.scope().isAdmin()) {
			throw new ForbiddenException("visits.error.admin-only");
		}
		if (input == null) {
			throw new InvalidValueException("title", "visits.error.title");
		}
		List<InvalidValueException.Problem> problems = new ArrayList<>();
		String title = checked(problems, () -> TextInput.name("title", input.title()));
		if (problems.isEmpty() && (title == null || title.length() > 200)) {
			problems.add(new InvalidValueException.Problem("title", "visits.error.title"));
		}
		if (input.startsOn() == null || input.endsOn() == null) {
			problems.add(new InvalidValueException.Problem("startsOn", "visits.error.dates-required"));
		}
		else if (input.endsOn().isBefore(input.startsOn())) {
			problems.add(new InvalidValueException.Problem("endsOn", "visits.error.ends-before-starts"));
		}
		else if (input.startsOn().getYear() < 2000 || input.endsOn().isAfter(today().plusYears(2))) {
			problems.add(new InvalidValueException.Problem("startsOn", "visits.error.dates-range"));
		}
		BigDecimal budget = checked(problems, () -> Amounts.nonNegative("budget", input.budget()));
		String note = checked(problems, () -> TextInput.text("note", input.note()));
		if (note != null && note.length() > 1000) {
			problems.add(new InvalidValueException.Problem("note", "visits.error.note-too-long"));
		}
		if (input.bookOrgId() == null) {
			problems.add(new InvalidValueException.Problem("bookOrgId", "visits.error.book-required"));
		}
		List<VisitRepository.StandardRow> standards = new ArrayList<>();
		List<VisitViews.StandardInput> given = input.standards() == null ? List.of() : input.standards();
		if (given.isEmpty()) {
			problems.add(new InvalidValueException.Problem("standards", "visits.error.standards-required"));
		}
		for (int i = 0; i < given.size(); i++) {
			VisitRepository.StandardRow s = standard(given.get(i), "standards[" + i + "].", problems);
			if (s == null) {
				continue;
			}
			if (standards.stream().anyMatch(x -> x.kind() == s.kind())) {
				problems.add(new InvalidValueException.Problem("standards[" + i + "].kind",
						Text.of("visits.error.kind-twice", s.kind())));
			}
			standards.add(s);
		}
		if (!problems.isEmpty()) {
			throw new InvalidValueException(problems);
		}
		OrgSummary book = finance.keepable(input.bookOrgId());
		boolean ownBook = user.scope().adminGrants().stream().anyMatch(g -> book.path().startsWith(g.orgPath()));
		if (!ownBook) {
			throw new ForbiddenException("visits.error.book-not-yours", book.name());
		}
		long area = book.type() == OrgType.UNION && book.parentId() != null ? book.parentId() : book.id();
		long id = plans.insertPlan(title, input.startsOn(), input.endsOn(), book.id(), area, budget, note,
				user.accountId(), user.displayName(), now());
		for (VisitRepository.StandardRow s : standards) {
			plans.insertStandard(id, s.kind(), s.form(), s.amount(), s.goods());
		}
		audit.record(AuditType.CREATE, PLAN, id, AuditLog.SUCCESS, Texts.chinese("visits.audit.plan-created", title,
				input.startsOn().toString(), input.endsOn().toString(), book.name(), Amounts.format(budget),
				standards.size()), book.path());
		return id;
	}

	private static VisitRepository.StandardRow standard(VisitViews.StandardInput s, String prefix,
			List<InvalidValueException.Problem> problems) {
		if (s == null) {
			problems.add(new InvalidValueException.Problem(prefix + "kind", "visits.error.kind-required"));
			return null;
		}
		int before = problems.size();
		RecipientKind kind = parse(RecipientKind.class, prefix + "kind", s.kind(), "visits.error.kind-required", problems);
		VisitForm form = parse(VisitForm.class, prefix + "form", s.form(), "visits.error.form-required", problems);
		BigDecimal amount = checked(problems, () -> Amounts.positive(prefix + "amount", s.amount()));
		String goods = checked(problems, () -> TextInput.name(prefix + "goods", s.goods()));
		if (form == VisitForm.GOODS && (goods == null || goods.length() > 200)) {
			problems.add(new InvalidValueException.Problem(prefix + "goods", "visits.error.goods-required"));
		}
		if (problems.size() > before) {
			return null;
		}
		return new VisitRepository.StandardRow(kind, form, amount, form == VisitForm.GOODS ? goods : null);
	}

	/** Raises or cuts the budget, never below what the list reserves already. */
	public void changeBudget(long planId, VisitViews.BudgetInput input) {
		access.organized(planId);
		if (input == null || input.version() == null) {
			throw new InvalidValueException("version", "visits.error.version-required");
		}
		BigDecimal budget = Amounts.nonNegative("budget", input.budget());
		VisitRepository.PlanRow plan = plans.lockPlan(planId).orElseThrow(NotFoundException::new);
		if (plan.version() != input.version()) {
			throw new ConflictException("visits.error.stale");
		}
		BigDecimal planned = plans.planned(planId);
		if (budget.compareTo(planned) < 0) {
			throw new BusinessRuleException("visits.error.budget-below-planned", Amounts.format(planned));
		}
		if (!plans.updateBudget(planId, plan.version(), budget)) {
			throw new ConflictException("visits.error.stale");
		}
		audit.record(AuditType.UPDATE, PLAN, planId, AuditLog.SUCCESS, Texts.chinese("visits.audit.budget-changed",
				plan.title(), Amounts.format(plan.budget()), Amounts.format(budget)), plan.bookOrgPath());
	}

	/**
	 * Puts one of the caller's people on the plan's list with their kind, reserving the kind's standard
	 * from the budget (under the plan's lock: two additions at once never pass the budget together).
	 */
	public long addRecipient(long planId, VisitViews.RecipientInput input) {
		CurrentUser user = access.current();
		VisitRepository.PlanRow seen = access.visible(planId);
		if (!user.scope().isAdmin()) {
			throw new ForbiddenException("visits.error.admin-only");
		}
		if (input == null || input.personId() == null) {
			throw new InvalidValueException("personId", "visits.error.person-required");
		}
		List<InvalidValueException.Problem> problems = new ArrayList<>();
		RecipientKind kind = parse(RecipientKind.class, "kind", input.kind(), "visits.error.kind-required", problems);
		String note = checked(problems, () -> TextInput.name("note", input.note()));
		if (note != null && note.length() > 200) {
			problems.add(new InvalidValueException.Problem("note", "visits.error.recipient-note-too-long"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidValueException(problems);
		}
		VisitRepository.PersonRow person = plans.person(input.personId())
			.orElseThrow(() -> new InvalidValueException("personId", "visits.error.person-unknown"));
		if (!plans.personMatches(person.id(), access.administeredPeople())) {
			throw new ForbiddenException("visits.error.not-your-person", person.name());
		}
		if (!person.organPath().startsWith(seen.areaOrgPath())) {
			throw new BusinessRuleException("visits.error.outside-area", person.name(), seen.areaOrgName());
		}
		VisitRepository.PlanRow plan = plans.lockPlan(planId).orElseThrow(NotFoundException::new);
		VisitRepository.StandardRow standard = plans.standards(planId).stream().filter(s -> s.kind() == kind)
			.findFirst()
			.orElseThrow(() -> new InvalidValueException("kind", Text.of("visits.error.kind-not-in-plan", kind)));
		Optional<VisitRepository.RecipientRow> already = plans.recipientOf(planId, person.id());
		if (already.isPresent()) {
			throw new ConflictException("visits.error.already-listed", person.name(), already.get().kind());
		}
		BigDecimal planned = plans.planned(planId);
		if (planned.add(standard.amount()).compareTo(plan.budget()) > 0) {
			throw new BusinessRuleException("visits.error.over-budget", person.name(), Amounts.format(standard.amount()),
					Amounts.format(plan.budget()), Amounts.format(planned));
		}
		long id = plans.insertRecipient(planId, person, kind, standard.amount(), note, user.accountId(),
				user.displayName(), now());
		audit.record(AuditType.CREATE, PLAN, planId, AuditLog.SUCCESS, Texts.chinese("visits.audit.recipient-added",
				person.name(), person.organName(), kind, plan.title()), person.organPath());
		return id;
	}

	/**
	 * Puts on the plan's list, in one action, everyone of the kind the registers name who is within the
	 * caller's reach and the plan's area and not on the list yet: 困难会员 from the hardship register (entries
	 * that qualify today), 患病住院 from the sick reports (admitted in the plan's period, or still open). Their
	 * standards are reserved under the plan's lock; if they do not all fit in the budget, no one is added.
	 *
	 * @return how many were added
	 */
	public int addFromRegisters(long planId, String kindCode) {
		CurrentUser user = access.current();
		VisitRepository.PlanRow seen = access.visible(planId);
		if (!user.scope().isAdmin()) {
			throw new ForbiddenException("visits.error.admin-only");
		}
		List<InvalidValueException.Problem> problems = new ArrayList<>();
		RecipientKind kind = parse(RecipientKind.class, "kind", kindCode, "visits.error.kind-required", problems);
		if (!problems.isEmpty()) {
			throw new InvalidValueException(problems);
		}
		if (kind != RecipientKind.HARDSHIP && kind != RecipientKind.SICK) {
			throw new InvalidValueException("kind", "visits.error.register-kind");
		}
		VisitRepository.PlanRow plan = plans.lockPlan(planId).orElseThrow(NotFoundException::new);
		VisitRepository.StandardRow standard = plans.standards(planId).stream().filter(s -> s.kind() == kind)
			.findFirst()
			.orElseThrow(() -> new InvalidValueException("kind", Text.of("visits.error.kind-not-in-plan", kind)));
		List<Long> ids = kind == RecipientKind.HARDSHIP ? hardship.qualifyingPeople(access.administeredPeople(), today())
				: sick.sickPeople(access.administeredPeople(), plan.startsOn(), plan.endsOn());
		Set<Long> listed = plans.listedPeople(planId);
		List<VisitRepository.PersonRow> people = plans
			.peopleUnder(ids.stream().filter(id -> !listed.contains(id)).toList(), seen.areaOrgPath());
		if (people.isEmpty()) {
			return 0;
		}
		BigDecimal planned = plans.planned(planId);
		BigDecimal needed = standard.amount().multiply(BigDecimal.valueOf(people.size()));
		if (planned.add(needed).compareTo(plan.budget()) > 0) {
			BigDecimal left = plan.budget().subtract(planned).max(BigDecimal.ZERO);
			long fit = left.divideToIntegralValue(standard.amount()).longValue();
			throw new BusinessRuleException("visits.error.register-over-budget", people.size(), kind,
					Amounts.format(needed), Amounts.format(plan.budget()), Amounts.format(planned), fit);
		}
		OffsetDateTime now = now();
		String register = Texts.chinese(kind == RecipientKind.HARDSHIP ? "visits.register.hardship" : "visits.register.sick");
		for (VisitRepository.PersonRow person : people) {
			plans.insertRecipient(planId, person, kind, standard.amount(), null, user.accountId(), user.displayName(), now);
			audit.record(AuditType.CREATE, PLAN, planId, AuditLog.SUCCESS, Texts.chinese("visits.audit.recipient-registered",
					person.name(), person.organName(), kind, plan.title(), register), person.organPath());
		}
		return people.size();
	}

	/** Takes someone not yet visited off the list (a mistake, a move): their reserve returns to the budget. */
	public void removeRecipient(long recipientId) {
		VisitRepository.RecipientRow r = access.administeredRecipient(recipientId);
		VisitRepository.PlanRow plan = plans.lockPlan(r.planId()).orElseThrow(NotFoundException::new);
		if (plans.visitOf(recipientId).isPresent()) {
			throw new BusinessRuleException("visits.error.visited-stays", r.name());
		}
		plans.deleteRecipient(recipientId);
		audit.record(AuditType.DELETE, PLAN, plan.id(), AuditLog.SUCCESS, Texts.chinese("visits.audit.recipient-removed",
				r.name(), r.organName(), plan.title()), r.organPath());
	}

	/**
	 * Records the visit of one of the caller's people, once: cash is posted to the paying book's journal in
	 * this transaction; a photo (PNG or JPEG), if any, is kept with it, all or nothing.
	 */
	public long record(VisitViews.VisitInput input, VisitViews.Upload photo) {
		CurrentUser user = access.current();
		if (input == null || input.recipientId() == null) {
			throw new InvalidValueException("recipientId", "visits.error.recipient-required");
		}
		VisitRepository.RecipientRow r = access.administeredRecipient(input.recipientId());
		VisitRepository.PlanRow plan = plans.lockPlan(r.planId()).orElseThrow(NotFoundException::new);
		if (plans.visitOf(r.id()).isPresent()) {
			throw new ConflictException("visits.error.already-visited", r.name());
		}
		VisitRepository.StandardRow standard = plans.standards(plan.id()).stream().filter(s -> s.kind() == r.kind())
			.findFirst().orElseThrow(() -> new IllegalStateException("a recipient's kind has a standard"));
		List<InvalidValueException.Problem> problems = new ArrayList<>();
		LocalDate on = input.visitedOn();
		if (on == null) {
			problems.add(new InvalidValueException.Problem("visitedOn", "visits.error.date-required"));
		}
		else if (on.isBefore(plan.startsOn()) || on.isAfter(plan.endsOn())) {
			problems.add(new InvalidValueException.Problem("visitedOn", Text.of("visits.error.date-outside",
					plan.startsOn().toString(), plan.endsOn().toString())));
		}
		else if (on.isAfter(today())) {
			problems.add(new InvalidValueException.Problem("visitedOn", "visits.error.date-future"));
		}
		String visitors = checked(problems, () -> TextInput.name("visitors", input.visitors()));
		if (visitors == null || visitors.length() > 200) {
			if (problems.stream().noneMatch(p -> p.field().equals("visitors"))) {
				problems.add(new InvalidValueException.Problem("visitors", "visits.error.visitors-required"));
			}
		}
		VisitForm form = parse(VisitForm.class, "form", input.form(), null, problems);
		if (form == null) {
			form = standard.form();
		}
		BigDecimal amount = input.amount() == null || input.amount().isBlank() ? r.plannedAmount()
				: checked(problems, () -> Amounts.positive("amount", input.amount()));
		if (amount != null && amount.compareTo(r.plannedAmount()) > 0) {
			problems.add(new InvalidValueException.Problem("amount", Text.of("visits.error.over-standard",
					Amounts.format(r.plannedAmount()), r.kind())));
		}
		String goods = checked(problems, () -> TextInput.name("goods", input.goods()));
		if (form == VisitForm.GOODS && goods == null) {
			goods = standard.form() == VisitForm.GOODS ? standard.goods() : null;
		}
		if (form == VisitForm.GOODS && (goods == null || goods.length() > 200)) {
			problems.add(new InvalidValueException.Problem("goods", "visits.error.goods-required"));
		}
		String note = checked(problems, () -> TextInput.text("note", input.note()));
		if (note != null && note.length() > 500) {
			problems.add(new InvalidValueException.Problem("note", "visits.error.visit-note-too-long"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidValueException(problems);
		}
		Long txnId = null;
		if (form == VisitForm.CASH) {
			journal.requireOpen(plan.bookOrgId(), on);
			Category category = categories.find(CATEGORY).filter(Category::active)
				.orElseThrow(() -> new BusinessRuleException("visits.error.category-inactive"));
			String memo = Texts.chinese("visits.journal.memo", plan.title(), r.kind(), r.name());
			txnId = journal.post(Journal.simple(plan.bookOrgId(), on, category, amount, r.name(),
					memo.length() > 500 ? memo.substring(0, 500) : memo, SOURCE, r.id(), ACTION, user.accountId()))
				.txnId();
		}
		long id = plans.insertVisit(plan.id(), r.id(), on, visitors, form, amount, form == VisitForm.GOODS ? goods : null,
				note, txnId, user.accountId(), user.displayName(), now());
		if (photo != null) {
			store(id, photo);
		}
		audit.record(AuditType.CREATE, VISIT, id, AuditLog.SUCCESS, Texts.chinese("visits.audit.visited", r.name(),
				r.organName(), plan.title(), on.toString(), form, Amounts.format(amount)), r.organPath());
		return id;
	}

	/** Adds the photo of a visit that has none yet. */
	public StoredFile attachPhoto(long visitId, VisitViews.Upload photo) {
		VisitRepository.VisitRow v = plans.visit(visitId).orElseThrow(NotFoundException::new);
		VisitRepository.RecipientRow r = access.administeredRecipient(v.recipientId());
		plans.lockPlan(v.planId());
		if (photo == null) {
			throw new InvalidValueException("file", "visits.error.photo-required");
		}
		if (plans.visit(visitId).map(VisitRepository.VisitRow::photoFileId).orElse(null) != null) {
			throw new ConflictException("visits.error.photo-exists");
		}
		StoredFile stored = store(visitId, photo);
		audit.record(AuditType.UPDATE, VISIT, visitId, AuditLog.SUCCESS, Texts.chinese("visits.audit.photo-added",
				r.name(), stored.originalName()), r.organPath());
		return stored;
	}

	private StoredFile store(long visitId, VisitViews.Upload photo) {
		StoredFile stored = files.store(VISIT, visitId, photo.name(), photo.content(), photo.size(), PHOTO_KINDS);
		if (!plans.setPhoto(visitId, stored.id())) {
			throw new ConflictException("visits.error.photo-exists");
		}
		return stored;
	}

	/** The value, or null with the problem noted (reported with the other fields). */
	private static <T> T checked(List<InvalidValueException.Problem> problems, Supplier<T> value) {
		try {
			return value.get();
		}
		catch (InvalidValueException ex) {
			if (ex.problems().isEmpty()) {
				problems.add(new InvalidValueException.Problem("value", ex.text()));
			}
			else {
				problems.addAll(ex.problems());
			}
			return null;
		}
	}

	/** @param missing the key of the problem for a blank value, or null when blank means "the default" */
	private static <E extends Enum<E> & Coded> E parse(Class<E> type, String field, String value, String missing,
			List<InvalidValueException.Problem> problems) {
		try {
			E e = Coded.parse(type, value);
			if (e == null && missing != null) {
				problems.add(new InvalidValueException.Problem(field, missing));
			}
			return e;
		}
		catch (InvalidValueException ex) {
			problems.add(new InvalidValueException.Problem(field, Text.of("visits.error.invalid-value", value.strip())));
			return null;
		}
	}
}
