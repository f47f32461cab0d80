package org.quntuan.member;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.organization.OrgSummary;
import org.quntuan.organization.OrgType;
import org.quntuan.organization.OrganizationQueries;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.Coded;
import org.quntuan.platform.ConflictException;
import org.quntuan.platform.MobileNumber;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.Text;
import org.quntuan.platform.TextInput;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registering and editing people, by admins within their scope. */
@Service
@Transactional
public class MemberManagement {

	private final PersonRepository people;

	private final MemberQueries queries;

	private final OrganizationQueries orgs;

	private final CurrentUserProvider users;

	private final AuditLog audit;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	/** The refusal of a person beyond the caller's scope, and of a number such a person holds. */
	static final String OUT_OF_SCOPE = ImportCheck.OUT_OF_SCOPE;

	MemberManagement(PersonRepository people, MemberQueries queries, OrganizationQueries orgs,
			CurrentUserProvider users, AuditLog audit, Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.people = people;
		this.queries = queries;
		this.orgs = orgs;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
	}

	public long create(PersonForm form) {
		CurrentUser user = requireAdmin();
		PersonValues values = validate(user, form, null);
		OrgSummary organ = orgs.visible(values.organId());
		if (organ.type() != OrgType.ORGAN || !organ.active()) {
			throw new BusinessRuleException("member.organ-inactive");
		}
		long id;
		try {
			id = people.insert(values, OffsetDateTime.now(clock));
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("member.duplicate");
		}
		// the new person must fall inside the caller's scope, else the whole insert rolls back
		if (!queries.canEdit(user, id)) {
			throw new ForbiddenException(OUT_OF_SCOPE);
		}
		audit.record(AuditType.CREATE, "PERSON", id, AuditLog.SUCCESS, Texts.chinese("member.audit.created", values.name()), organ.path());
		return id;
	}

	/** A new mobile a person wants for themselves: valid and used by no other active person. */
	public String checkOwnNewMobile(long personId, String raw) {
		String mobile = MobileNumber.parse(raw).value();
		if (people.mobileTaken(mobile, personId)) {
			throw new ConflictException(PersonRules.MOBILE_TAKEN);
		}
		return mobile;
	}

	/** Sets a person's own mobile once the identity module has verified the new number with a code. */
	public void changeOwnMobile(long personId, String raw) {
		String mobile = checkOwnNewMobile(personId, raw);
		try {
			people.changeMobile(personId, mobile, OffsetDateTime.now(clock));
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException(PersonRules.MOBILE_TAKEN);
		}
		audit.record(AuditType.UPDATE, "PERSON", personId, AuditLog.SUCCESS, Texts.chinese("member.audit.own-mobile-changed"),
				people.organOf(personId).flatMap(orgs::find).map(OrgSummary::path).orElse(null));
	}

	public void update(long id, PersonForm form) {
		CurrentUser user = requireAdmin();
		PersonRow current = queries.visibleRow(user, id);
		if (!queries.canEdit(user, id)) {
			throw new ForbiddenException("member.edit-forbidden");
		}
		if (form.version() == null) {
			throw new InvalidValueException("version", "member.version-missing");
		}
		form = keepUnionStatus(form, current);
		PersonValues values = validate(user, form, current);
		int changed;
		try {
			changed = people.update(id, form.version(), values, OffsetDateTime.now(clock));
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("member.duplicate");
		}
		if (changed == 0) {
			throw new ConflictException("member.stale");
		}
		audit.record(AuditType.UPDATE, "PERSON", id, AuditLog.SUCCESS, Texts.chinese("member.audit.updated", values.name()),
				organPath(current.organId()));
	}

	/**
	 * Transfers a person to another organ (调动). Their union, league and women's-committee
	 * membership follows the organ, so the new organ's admins reach them at once and the old ones no
	 * longer do. The caller must manage the person and the target organ.
	 */
	public void transfer(long id, Long toOrganId, LocalDate effectiveDate, String rawReason, Integer version) {
		CurrentUser user = requireEditable(id);
		PersonRow current = queries.visibleRow(user, id);
		if (toOrganId == null) {
			throw new InvalidValueException("toOrganId", "member.transfer.target-missing");
		}
		requireVersion(version);
		if (!current.active()) {
			throw new BusinessRuleException("member.transfer.inactive");
		}
		OrgSummary target = orgs.visible(toOrganId);
		if (target.type() != OrgType.ORGAN || !target.active()) {
			throw new BusinessRuleException("member.transfer.target-inactive");
		}
		if (orgs.administeredOrgans().stream().noneMatch(o -> o.id() == toOrganId)) {
			throw new ForbiddenException("member.transfer.target-out-of-scope");
		}
		if (target.id() == current.organId()) {
			throw new BusinessRuleException("member.transfer.same-organ");
		}
		String reason = reason(rawReason);
		LocalDate date = effectiveDate(id, effectiveDate, "member.change.transfer");
		if (people.transfer(id, version, toOrganId, date, reason, OffsetDateTime.now(clock)) == 0) {
			throw new ConflictException("member.stale");
		}
		audit.record(AuditType.UPDATE, "PERSON", id, AuditLog.SUCCESS,
				Texts.chinese("member.audit.transferred", current.organName(), target.name(), reason), organPath(current.organId()));
		events.publishEvent(new PersonTransferred(id, current.organId(), toOrganId, date, current.unionStatus().name()));
	}

	/** Retirement (退休) or leaving the organs (调离): kept on record, no longer active. */
	public void leave(long id, String kind, LocalDate effectiveDate, String rawReason, Integer version) {
		PersonRow person = queries.visibleRow(requireEditable(id), id);
		EmploymentStatus status = required(EmploymentStatus.class, kind, "type", "member.leave.type-missing");
		requireVersion(version);
		if (status == EmploymentStatus.IN_SERVICE) {
			throw new InvalidValueException("type", "member.leave.type-invalid");
		}
		String reason = reason(rawReason);
		LocalDate date = effectiveDate(id, effectiveDate, status.label());
		if (people.leave(id, version, status, date, reason, OffsetDateTime.now(clock)) == 0) {
			throw new ConflictException("member.leave.stale");
		}
		audit.record(AuditType.UPDATE, "PERSON", id, AuditLog.SUCCESS, status.label() + "：" + reason,
				organPath(person.organId()));
		events.publishEvent(new PersonLeft(id, person.organId(), status.name(), date, reason, person.unionStatus().name(),
				unionStatusOf(id)));
	}

	private String unionStatusOf(long id) {
		return people.find(id).map(p -> p.unionStatus().name()).orElseThrow();
	}

	/**
	 * The union status and joining date of a registered person change only through the union's steps
	 * (入会申请, 退会, 保留会籍), each kept in their history: a form that leaves them out keeps them, one that
	 * sends other values is refused.
	 */
	private static PersonForm keepUnionStatus(PersonForm f, PersonRow current) {
		UnionStatus sent;
		try {
			sent = Coded.parse(UnionStatus.class, f.unionStatus());
		}
		catch (InvalidValueException ex) {
			sent = null;
		}
		if (f.unionStatus() != null && !f.unionStatus().isBlank() && sent != current.unionStatus()
				|| f.unionJoinedOn() != null && !f.unionJoinedOn().equals(current.unionJoinedOn())) {
			throw new BusinessRuleException("member.union-status-by-union-steps");
		}
		return new PersonForm(f.name(), f.idNumber(), f.mobile(), f.gender(), f.birthDate(), f.organId(), f.position(),
				f.politicalStatus(), current.unionStatus().name(), current.unionJoinedOn(), f.employmentStatus(), f.version());
	}

	/** Where a person's events are recorded in the audit log: their organ, as it is now. */
	private String organPath(long organId) {
		return orgs.find(organId).map(OrgSummary::path).orElse(null);
	}

	/**
	 * The day a change of organ takes effect: today when not given. It may not lie before the day the
	 * current period began (the old period would end before it started and the history would be out of
	 * order), nor in the future: the organ the person belongs to decides who manages them now, so a
	 * future move is recorded on its day rather than kept pending.
	 */
	private LocalDate effectiveDate(long personId, LocalDate requested, String what) {
		LocalDate today = today();
		if (requested == null) {
			requested = today;
		}
		if (requested.isAfter(today)) {
			throw new InvalidValueException("effectiveDate", Text.of("member.change.date-future", Text.of(what), today));
		}
		LocalDate began = people.currentPeriodStart(personId);
		if (began != null && requested.isBefore(began)) {
			throw new BusinessRuleException(Text.of("member.change.date-before-start", Text.of(what), began));
		}
		return requested;
	}

	private CurrentUser requireEditable(long id) {
		CurrentUser user = requireAdmin();
		queries.visibleRow(user, id);
		if (!queries.canEdit(user, id)) {
			throw new ForbiddenException("member.change.forbidden");
		}
		return user;
	}

	private static void requireVersion(Integer version) {
		if (version == null) {
			throw new InvalidValueException("version", "member.version-missing");
		}
	}

	private static String reason(String raw) {
		String reason = TextInput.normalize(raw);
		if (reason == null || reason.length() > 200) {
			throw new InvalidValueException("reason", "member.change.reason-missing");
		}
		return reason;
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.BUSINESS));
	}

	private CurrentUser requireAdmin() {
		CurrentUser user = users.current();
		if (!user.scope().isAdmin()) {
			throw new ForbiddenException("member.manage-forbidden");
		}
		return user;
	}

	/**
	 * Checks every field by {@link PersonRules} (shared with the Excel import), then that the ID
	 * number and mobile are free; the organ of an existing person changes only by a transfer.
	 */
	private PersonValues validate(CurrentUser user, PersonForm f, PersonRow current) {
		if (current != null && f.organId() != null && f.organId() != current.organId()) {
			throw new BusinessRuleException("member.organ-change-needs-transfer");
		}
		Long organId = current != null ? Long.valueOf(current.organId()) : f.organId();
		PersonValues values = PersonRules.check(f, organId, today()).orThrow();
		Long exceptId = current == null ? null : current.id();
		String step = current == null ? "member.step.create" : "member.step.update";
		people.holderOfIdNumber(values.idNumber(), exceptId)
			.ifPresent(holder -> refuseTaken(user, holder, PersonRules.ID_NUMBER_TAKEN, Text.of("member.step.id-number", Text.of(step))));
		people.holderOfMobile(values.mobile(), exceptId)
			.ifPresent(holder -> refuseTaken(user, holder, PersonRules.MOBILE_TAKEN, Text.of("member.step.mobile", Text.of(step))));
		return values;
	}

	/**
	 * A number someone else holds: said plainly when the caller administers that person; otherwise the
	 * caller hears the same as for a person out of their scope, so as not to learn that the person is
	 * registered elsewhere in the city, and the attempt is logged where that person's admins see it.
	 */
	private void refuseTaken(CurrentUser user, long holder, String precise, Text what) {
		if (queries.canEdit(user, holder)) {
			throw new ConflictException(precise);
		}
		audit.recordIndependently(AuditType.ACCESS_DENIED, null, user.username(), "PERSON", holder, AuditLog.FAILURE,
				Texts.chinese("member.audit.taken-elsewhere", what),
				people.organOf(holder).flatMap(orgs::find).map(OrgSummary::path).orElse(null));
		throw new ForbiddenException(OUT_OF_SCOPE);
	}

	private static <E extends Enum<E> & Coded> E required(Class<E> type, String value, String field, String message) {
		try {
			E e = Coded.parse(type, value);
			if (e == null) {
				throw new InvalidValueException(field, message);
			}
			return e;
		}
		catch (InvalidValueException ex) {
			throw new InvalidValueException(field, ex.field() == null ? Text.of("member.value-with-reason", Text.of(message), ex.text()) : ex.text());
		}
	}
}
