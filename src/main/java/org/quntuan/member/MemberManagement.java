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
import org.quntuan.platform.TextInput;
import org.quntuan.platform.Zones;
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

	/** The refusal of a person beyond the caller's scope, and of a number such a person holds. */
	static final String OUT_OF_SCOPE = ImportCheck.OUT_OF_SCOPE;

	MemberManagement(PersonRepository people, MemberQueries queries, OrganizationQueries orgs,
			CurrentUserProvider users, AuditLog audit, Clock clock) {
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
			throw new BusinessRuleException("所属单位应为一个未停用的单位");
		}
		long id;
		try {
			id = people.insert(values, OffsetDateTime.now(clock));
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("身份证号或手机号与已有人员重复");
		}
		// the new person must fall inside the caller's scope, else the whole insert rolls back
		if (!queries.canEdit(user, id)) {
			throw new ForbiddenException(OUT_OF_SCOPE);
		}
		audit.record(AuditType.CREATE, "PERSON", id, AuditLog.SUCCESS, "登记人员：" + values.name(), organ.path());
		return id;
	}

	/** A new mobile a person wants for themselves: valid and used by no other active person. */
	public String checkOwnNewMobile(long personId, String raw) {
		String mobile = MobileNumber.parse(raw).value();
		if (people.mobileTaken(mobile, personId)) {
			throw new ConflictException("该手机号已被其他在册人员使用");
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
			throw new ConflictException("该手机号已被其他在册人员使用");
		}
		audit.record(AuditType.UPDATE, "PERSON", personId, AuditLog.SUCCESS, "本人更换手机号（已短信验证）",
				people.organOf(personId).flatMap(orgs::find).map(OrgSummary::path).orElse(null));
	}

	public void update(long id, PersonForm form) {
		CurrentUser user = requireAdmin();
		PersonRow current = queries.visibleRow(user, id);
		if (!queries.canEdit(user, id)) {
			throw new ForbiddenException("您无权修改该人员信息");
		}
		if (form.version() == null) {
			throw new InvalidValueException("version", "缺少版本号");
		}
		PersonValues values = validate(user, form, current);
		int changed;
		try {
			changed = people.update(id, form.version(), values, OffsetDateTime.now(clock));
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("身份证号或手机号与已有人员重复");
		}
		if (changed == 0) {
			throw new ConflictException("该人员信息已被他人修改，请刷新后重试");
		}
		audit.record(AuditType.UPDATE, "PERSON", id, AuditLog.SUCCESS, "修改人员信息：" + values.name(),
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
			throw new InvalidValueException("toOrganId", "请选择调入单位");
		}
		requireVersion(version);
		if (!current.active()) {
			throw new BusinessRuleException("该人员已退休或调离，不能办理调动");
		}
		OrgSummary target = orgs.visible(toOrganId);
		if (target.type() != OrgType.ORGAN || !target.active()) {
			throw new BusinessRuleException("调入单位应为一个未停用的单位");
		}
		if (orgs.administeredOrgans().stream().noneMatch(o -> o.id() == toOrganId)) {
			throw new ForbiddenException("调入单位不在您的管理范围内，请由上级管理员办理");
		}
		if (target.id() == current.organId()) {
			throw new BusinessRuleException("调入单位与当前单位相同");
		}
		String reason = reason(rawReason);
		LocalDate date = effectiveDate(id, effectiveDate, "调动");
		if (people.transfer(id, version, toOrganId, date, reason, OffsetDateTime.now(clock)) == 0) {
			throw new ConflictException("该人员信息已被他人修改，请刷新后重试");
		}
		audit.record(AuditType.UPDATE, "PERSON", id, AuditLog.SUCCESS,
				"调动：" + current.organName() + " → " + target.name() + "；" + reason, organPath(current.organId()));
	}

	/** Retirement (退休) or leaving the organs (调离): kept on record, no longer active. */
	public void leave(long id, String kind, LocalDate effectiveDate, String rawReason, Integer version) {
		PersonRow person = queries.visibleRow(requireEditable(id), id);
		EmploymentStatus status = required(EmploymentStatus.class, kind, "type", "请选择退休或调离");
		requireVersion(version);
		if (status == EmploymentStatus.IN_SERVICE) {
			throw new InvalidValueException("type", "类型应为退休或调离");
		}
		String reason = reason(rawReason);
		LocalDate date = effectiveDate(id, effectiveDate, status.label());
		if (people.leave(id, version, status, date, reason, OffsetDateTime.now(clock)) == 0) {
			throw new ConflictException("该人员信息已被他人修改或已办理退休、调离，请刷新后重试");
		}
		audit.record(AuditType.UPDATE, "PERSON", id, AuditLog.SUCCESS, status.label() + "：" + reason,
				organPath(person.organId()));
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
			throw new InvalidValueException("effectiveDate", what + "生效日期不能晚于今天（" + today + "），请在生效当日办理");
		}
		LocalDate began = people.currentPeriodStart(personId);
		if (began != null && requested.isBefore(began)) {
			throw new BusinessRuleException(what + "生效日期不能早于该人员在现单位的起始日期（" + began + "）");
		}
		return requested;
	}

	private CurrentUser requireEditable(long id) {
		CurrentUser user = requireAdmin();
		queries.visibleRow(user, id);
		if (!queries.canEdit(user, id)) {
			throw new ForbiddenException("您无权办理该人员的变动");
		}
		return user;
	}

	private static void requireVersion(Integer version) {
		if (version == null) {
			throw new InvalidValueException("version", "缺少版本号");
		}
	}

	private static String reason(String raw) {
		String reason = TextInput.normalize(raw);
		if (reason == null || reason.length() > 200) {
			throw new InvalidValueException("reason", "请填写原因（不超过 200 字）");
		}
		return reason;
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.BUSINESS));
	}

	private CurrentUser requireAdmin() {
		CurrentUser user = users.current();
		if (!user.scope().isAdmin()) {
			throw new ForbiddenException("您没有管理人员的权限");
		}
		return user;
	}

	/**
	 * Checks every field by {@link PersonRules} (shared with the Excel import), then that the ID
	 * number and mobile are free; the organ of an existing person changes only by a transfer.
	 */
	private PersonValues validate(CurrentUser user, PersonForm f, PersonRow current) {
		if (current != null && f.organId() != null && f.organId() != current.organId()) {
			throw new BusinessRuleException("变更所属单位请办理人员调动");
		}
		Long organId = current != null ? Long.valueOf(current.organId()) : f.organId();
		PersonValues values = PersonRules.check(f, organId, today()).orThrow();
		Long exceptId = current == null ? null : current.id();
		String step = current == null ? "登记人员" : "修改人员信息";
		people.holderOfIdNumber(values.idNumber(), exceptId)
			.ifPresent(holder -> refuseTaken(user, holder, PersonRules.ID_NUMBER_TAKEN, step + "：身份证号"));
		people.holderOfMobile(values.mobile(), exceptId)
			.ifPresent(holder -> refuseTaken(user, holder, PersonRules.MOBILE_TAKEN, step + "：手机号"));
		return values;
	}

	/**
	 * A number someone else holds: said plainly when the caller administers that person; otherwise the
	 * caller hears the same as for a person out of their scope, so as not to learn that the person is
	 * registered elsewhere in the city, and the attempt is logged where that person's admins see it.
	 */
	private void refuseTaken(CurrentUser user, long holder, String precise, String what) {
		if (queries.canEdit(user, holder)) {
			throw new ConflictException(precise);
		}
		audit.recordIndependently(AuditType.ACCESS_DENIED, null, user.username(), "PERSON", holder, AuditLog.FAILURE,
				what + "与操作人管理范围以外的已登记人员相同，已按“不在管理范围内”拒绝",
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
			throw new InvalidValueException(field, ex.field() == null ? message + "（" + ex.getMessage() + "）" : ex.getMessage());
		}
	}
}
