package org.quntuan.finance.dues;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.finance.Amounts;
import org.quntuan.member.PersonFacts;
import org.quntuan.organization.OrgSummary;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.Texts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * 月工资基数: the monthly base pay of each union member, on which dues are reckoned. Sensitive: only
 * the union's finance officers read or write it ({@link DuesAccess#payUnion}); the audit log says
 * who changed whose pay, never the amount.
 */
@Service
@Transactional
class BasePay {

	/** @param monthlyBase null when none is recorded (the member's dues are then zero) */
	record PayLine(long personId, String name, BigDecimal monthlyBase, OffsetDateTime updatedAt) {
	}

	private static final int CHUNK = 500;

	private final DuesRepository dues;

	private final DuesAccess access;

	private final PersonFacts people;

	private final AuditLog audit;

	private final Clock clock;

	BasePay(DuesRepository dues, DuesAccess access, PersonFacts people, AuditLog audit, Clock clock) {
		this.dues = dues;
		this.access = access;
		this.people = people;
		this.audit = audit;
		this.clock = clock;
	}

	/** The union's members, by pinyin, with their base pay. */
	@Transactional(readOnly = true)
	public List<PayLine> list(long orgId) {
		OrgSummary union = access.payUnion(orgId);
		List<PersonFacts.Named> members = people.unionMembers(union.organId());
		Map<Long, Object[]> pay = rows(members.stream().map(PersonFacts.Named::id).toList());
		return members.stream().map(m -> {
			Object[] p = pay.get(m.id());
			return new PayLine(m.id(), m.name(), p == null ? null : (BigDecimal) p[0],
					p == null ? null : (OffsetDateTime) p[1]);
		}).toList();
	}

	/** A page of {@link #list(long)}, the members cut in SQL by pinyin. */
	public PageResult<PayLine> list(long orgId, PageRequest page) {
		OrgSummary union = access.payUnion(orgId);
		PageResult<PersonFacts.Named> members = people.unionMembers(union.organId(), page);
		Map<Long, Object[]> pay = rows(members.content().stream().map(PersonFacts.Named::id).toList());
		return members.map(m -> {
			Object[] p = pay.get(m.id());
			return new PayLine(m.id(), m.name(), p == null ? null : (BigDecimal) p[0],
					p == null ? null : (OffsetDateTime) p[1]);
		});
	}

	public PayLine set(long personId, String monthlyBase) {
		OrgSummary union = access.unionOfPerson(personId);
		BigDecimal base = base("monthlyBase", monthlyBase);
		if (!people.isUnionMember(personId)) {
			throw new BusinessRuleException("finance.pay.error.notMember");
		}
		OffsetDateTime now = OffsetDateTime.now(clock);
		upsert(personId, base, now);
		String name = people.find(personId).map(PersonFacts.Facts::name).orElse("");
		audit.record(AuditType.UPDATE, "FIN_PAY", personId, AuditLog.SUCCESS, Texts.chinese("finance.pay.audit.set", name),
				union.path());
		return new PayLine(personId, name, base, now);
	}

	/** A payroll file of the union: every row right, or nothing written. @return the rows written */
	public int importFile(long orgId, MultipartFile file, String fileName) {
		OrgSummary union = access.payUnion(orgId);
		Payroll.Checked checked = Payroll.read(file, union.organId(), people, false);
		checked.requireNoErrors();
		OffsetDateTime now = OffsetDateTime.now(clock);
		checked.lines().forEach(line -> upsert(line.personId(), line.base(), now));
		audit.record(AuditType.UPDATE, "FIN_PAY", union.id(), AuditLog.SUCCESS, fileName == null
				? Texts.chinese("finance.pay.audit.imported", checked.lines().size())
				: Texts.chinese("finance.pay.audit.importedFile", checked.lines().size(), fileName), union.path());
		return checked.lines().size();
	}

	/** Base pay of these people, none for who has none recorded. Unscoped: the caller checked the union. */
	@Transactional(readOnly = true)
	Map<Long, BigDecimal> bases(Collection<Long> personIds) {
		Map<Long, BigDecimal> result = new HashMap<>();
		rows(personIds).forEach((id, row) -> result.put(id, (BigDecimal) row[0]));
		return result;
	}

	void upsert(long personId, BigDecimal base, OffsetDateTime now) {
		Long by = access.finance().user().accountId();
		int updated = dues.updatePay(personId, base, now, by);
		if (updated == 0) {
			dues.insertPay(personId, base, now, by);
		}
	}

	/** A monthly base pay as typed: two decimals at most, not negative, at most {@link Payroll#MAX_BASE}. */
	static BigDecimal base(String field, String text) {
		return Payroll.limited(field, Payroll.BASE, Amounts.nonNegative(field, text));
	}

	/** A month's paid dues as typed: two decimals at most, not negative, at most {@link Payroll#MAX_PAID}. */
	static BigDecimal paid(String field, String text) {
		return Payroll.limited(field, Payroll.PAID, Amounts.nonNegative(field, text));
	}

	private Map<Long, Object[]> rows(Collection<Long> personIds) {
		Map<Long, Object[]> result = new HashMap<>();
		List<Long> ids = new ArrayList<>(personIds);
		for (int from = 0; from < ids.size(); from += CHUNK) {
			dues.readPay(ids.subList(from, Math.min(from + CHUNK, ids.size())), result);
		}
		return result;
	}
}
