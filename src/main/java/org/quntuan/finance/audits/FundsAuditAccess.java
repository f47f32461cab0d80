package org.quntuan.finance.audits;

import java.util.List;
import java.util.Map;

import org.quntuan.finance.FinanceAccess;
import org.quntuan.organization.OrgSummary;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.Role;
import org.quntuan.platform.ScopeGrant;
import org.quntuan.platform.SqlCondition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who may do what in an audit. Everyone who reads a book sees its audits. The funds review
 * committee (AUDITOR, or the federation admin) plans and performs audits of the books its grant
 * covers; the keepers of the audited book (its ORG_ADMIN and FINANCE_OFFICER, or those of the group
 * above) answer the findings. Auditors never keep books, so answering is not theirs, and the
 * federation admin, who may act as auditor, does not answer for a union either.
 */
@Component
class FundsAuditAccess {

	static final Role[] AUDITORS = { Role.FEDERATION_ADMIN, Role.AUDITOR };

	static final Role[] RESPONDERS = { Role.ORG_ADMIN, Role.FINANCE_OFFICER };

	/** An audit row as the commands need it. */
	record Ref(long id, int year, long orgId, FundsAuditStatus status, Long auditorAccountId, OrgSummary book) {
	}

	private final FinanceAccess access;

	private final JdbcClient jdbc;

	FundsAuditAccess(FinanceAccess access, JdbcClient jdbc) {
		this.access = access;
		this.jdbc = jdbc;
	}

	long accountId() {
		return access.user().accountId();
	}

	/** The audit, if the caller reads its book. */
	Ref readable(long auditId) {
		return load(auditId, false);
	}

	/**
	 * The audit, for one who may perform it, locked for the rest of the transaction and read again
	 * under the lock: its status is the one the caller's change starts from.
	 */
	Ref performable(long auditId) {
		requireAuditor(load(auditId, false).book());
		return load(auditId, true);
	}

	void requireAuditor(OrgSummary book) {
		if (!access.covers(book, AUDITORS)) {
			throw new ForbiddenException("finance.audit.error.auditor-only");
		}
	}

	void requireResponder(OrgSummary book) {
		if (!access.covers(book, RESPONDERS)) {
			throw new ForbiddenException("finance.audit.error.responder-only");
		}
	}

	boolean mayPerform(OrgSummary book) {
		return access.covers(book, AUDITORS);
	}

	boolean mayRespond(OrgSummary book) {
		return access.covers(book, RESPONDERS);
	}

	/** Whether the caller plans audits anywhere (for the plan button and the plan endpoints). */
	boolean isPlanner() {
		return access.user().scope().hasAny(AUDITORS);
	}

	/** Whether the caller keeps some book as org admin or finance officer, and so may have findings to answer. */
	boolean isResponder() {
		return access.user().scope().hasAny(RESPONDERS);
	}

	void requirePlanner() {
		if (!isPlanner()) {
			throw new ForbiddenException("finance.audit.error.planner-only");
		}
	}

	boolean mayPlan(OrgSummary org) {
		return access.covers(org, AUDITORS);
	}

	/** Whether the caller reads books at all, so the board may be shown. */
	void requireReader() {
		if (!access.readsAnyBooks()) {
			throw new ForbiddenException("finance.audit.error.no-books");
		}
	}

	/** A SQL condition "o.path lies under one of these prefixes", its parameters put into params. */
	static String pathCondition(List<String> prefixes, Map<String, Object> params, String name) {
		SqlCondition within = SqlCondition.pathUnder("o.path", name, prefixes);
		params.putAll(within.params());
		return within.sql();
	}

	List<String> prefixes(Role... roles) {
		return access.user().scope().grantsFor(roles).stream().map(ScopeGrant::orgPath).distinct().toList();
	}

	List<String> readablePrefixes() {
		return access.readablePrefixes();
	}

	OrgSummary book(long orgId) {
		return access.readable(orgId);
	}

	private Ref load(long auditId, boolean lock) {
		Map<String, Object> row = jdbc.sql("select id, fiscal_year, org_id, status, auditor_account_id from fin_audit where id = :id"
				+ (lock ? " for update" : "")).param("id", auditId).query().listOfRows().stream().findFirst()
			.orElseThrow(FundsAuditAccess::notFound);
		OrgSummary book;
		try {
			book = access.readable(((Number) row.get("org_id")).longValue());
		}
		catch (NotFoundException ex) {
			throw notFound();
		}
		Object auditor = row.get("auditor_account_id");
		return new Ref(auditId, ((Number) row.get("fiscal_year")).intValue(), book.id(),
				FundsAuditStatus.valueOf((String) row.get("status")), auditor == null ? null : ((Number) auditor).longValue(),
				book);
	}

	static NotFoundException notFound() {
		return new NotFoundException("finance.audit.error.not-found");
	}
}
