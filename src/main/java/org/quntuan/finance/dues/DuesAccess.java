package org.quntuan.finance.dues;

import org.quntuan.finance.FinanceAccess;
import org.quntuan.member.PersonFacts;
import org.quntuan.organization.OrgSummary;
import org.quntuan.organization.OrgType;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.Role;
import org.quntuan.platform.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who does what with dues. Base pay and everything per person (lines, per-member arrears, payroll
 * imports, sheet exports) is for the union's finance officers only, so generating and adjusting a
 * sheet is theirs too. Confirming and posting a sheet moves no personal data and is the keeper's
 * act: the union's finance officer, its org admin (the union chair), a 片组 admin or the federation
 * admin above it. Totals and per-union arrears are for every reader of the book, auditors included.
 */
@Component
class DuesAccess {

	private final FinanceAccess access;

	private final PersonFacts people;

	private final JdbcClient jdbc;

	DuesAccess(FinanceAccess access, PersonFacts people, JdbcClient jdbc) {
		this.access = access;
		this.people = people;
		this.jdbc = jdbc;
	}

	FinanceAccess finance() {
		return access;
	}

	OrgSummary readable(long orgId) {
		return access.readable(orgId);
	}

	/**
	 * A union whose pay the caller keeps.
	 *
	 * @throws NotFoundException outside the caller's books
	 * @throws ForbiddenException for a reader who is not the union's finance officer
	 * @throws InvalidValueException for a book that is no union
	 */
	OrgSummary payUnion(long orgId) {
		return requirePay(access.readable(orgId));
	}

	/** The first union whose pay the caller keeps, for a request that names none. */
	OrgSummary defaultPayUnion() {
		return access.readableBooks().stream().filter(this::seesPay).findFirst()
			.orElseThrow(() -> new ForbiddenException("finance.pay.error.noUnion"));
	}

	OrgSummary requirePay(OrgSummary org) {
		if (!access.seesPay(org)) {
			throw new ForbiddenException("finance.pay.error.forbidden");
		}
		requireUnion(org);
		return org;
	}

	/** A union book the caller may confirm and post sheets of. */
	OrgSummary requireKeeper(OrgSummary org) {
		if (!keeps(org)) {
			throw new ForbiddenException("finance.dues.error.auditorReadOnly");
		}
		return org;
	}

	boolean keeps(OrgSummary org) {
		return access.covers(org, Role.FEDERATION_ADMIN, Role.ORG_ADMIN, Role.FINANCE_OFFICER);
	}

	boolean seesPay(OrgSummary org) {
		return org.type() == OrgType.UNION && access.seesPay(org);
	}

	/** Only finance officers import base pay (and fetch its template). */
	void requirePayImporter() {
		if (!finance().user().scope().has(Role.FINANCE_OFFICER)) {
			throw new ForbiddenException("finance.pay.error.importForbidden");
		}
	}

	static void requireUnion(OrgSummary org) {
		if (org.type() != OrgType.UNION) {
			throw new InvalidValueException("orgId", Text.of("finance.dues.error.notUnion", org.name()));
		}
	}

	/**
	 * The union of a person's organ, which the caller must keep pay for.
	 *
	 * @throws NotFoundException for an unknown person, one without a union, or outside the caller's books
	 */
	OrgSummary unionOfPerson(long personId) {
		PersonFacts.Facts person = people.find(personId).orElseThrow(() -> new NotFoundException("finance.pay.error.personNotFound"));
		Long union = jdbc.sql("select id from org where parent_id = :organ and type = 'UNION' and active = true order by id")
			.param("organ", person.organId()).query(Long.class).list().stream().findFirst().orElse(null);
		if (union == null) {
			throw new NotFoundException("finance.pay.error.personNotFound");
		}
		OrgSummary org;
		try {
			org = access.readable(union);
		}
		catch (NotFoundException ex) {
			throw new NotFoundException("finance.pay.error.personNotFound");
		}
		return requirePay(org);
	}
}
