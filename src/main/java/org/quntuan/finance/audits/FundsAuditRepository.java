package org.quntuan.finance.audits;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * fin_audit (planned per book and year), its checklist (fin_audit_check), its sample (fin_audit_sample) and its findings with
 * their entries and steps (fin_audit_finding, fin_finding_entry, fin_finding_step): the statements
 * of the audit commands. Every change of an audit or a finding bumps its version.
 */
@Repository
class FundsAuditRepository {

	private final JdbcClient jdbc;

	FundsAuditRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// the plan

	/** The active union and group books under these path prefixes, by path. */
	List<Long> activeBooks(List<String> prefixes) {
		Map<String, Object> params = new HashMap<>();
		String within = FundsAuditAccess.pathCondition(prefixes, params, "p");
		return jdbc.sql("select o.id from org o where o.active = true and o.type in ('UNION', 'GROUP') and "
				+ within + " order by o.path").params(params).query(Long.class).list();
	}

	/** Of these books, those with an audit of the year. */
	List<Long> plannedBooks(int year, List<Long> orgIds) {
		return jdbc.sql("select org_id from fin_audit where fiscal_year = :y and org_id in (:ids)")
			.param("y", year).param("ids", orgIds).query(Long.class).list();
	}

	/** @return the new audit's id */
	long insertPlanned(int year, long orgId, String orgPath, long by, OffsetDateTime now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into fin_audit (fiscal_year, org_id, org_path, status, planned_by_account_id, created_at)
				values (:y, :o, :p, 'PLANNED', :by, :now)""")
			.param("y", year).param("o", orgId).param("p", orgPath).param("by", by)
			.param("now", now).update(keys, "id");
		return keys.getKey().longValue();
	}

	// the audit

	void markStarted(long auditId, long auditor, OffsetDateTime now) {
		jdbc.sql("""
				update fin_audit set status = 'IN_PROGRESS', auditor_account_id = :me, started_at = :now,
				  version = version + 1 where id = :id""")
			.param("me", auditor).param("now", now).param("id", auditId).update();
	}

	void markRectifying(long auditId) {
		jdbc.sql("update fin_audit set status = 'RECTIFYING', version = version + 1 where id = :id")
			.param("id", auditId).update();
	}

	void markClosed(long auditId, String conclusion, OffsetDateTime now) {
		jdbc.sql("""
				update fin_audit set status = 'CLOSED', conclusion = :c, closed_at = :now, version = version + 1
				where id = :id""").param("c", conclusion).param("now", now).param("id", auditId).update();
	}

	// the checklist

	void insertCheck(long auditId, int itemNo, String item) {
		jdbc.sql("insert into fin_audit_check (audit_id, item_no, item) values (:a, :n, :item)")
			.param("a", auditId).param("n", itemNo).param("item", item).update();
	}

	/** @return the number of items updated, 0 if the checklist has no such item */
	int recordCheck(long auditId, int itemNo, CheckResult result, String note) {
		return jdbc.sql("update fin_audit_check set result = :r, note = :n where audit_id = :a and item_no = :i")
			.param("r", result.name()).param("n", note).param("a", auditId).param("i", itemNo).update();
	}

	long countUnchecked(long auditId) {
		return jdbc.sql("select count(*) from fin_audit_check where audit_id = :a and result is null")
			.param("a", auditId).query(Long.class).single();
	}

	long countOpenFindings(long auditId) {
		return jdbc.sql("select count(*) from fin_audit_finding where audit_id = :a and status <> 'CLOSED'")
			.param("a", auditId).query(Long.class).single();
	}

	// the sample

	boolean txnInBook(long txnId, long orgId) {
		return jdbc.sql("select count(*) from fin_txn where id = :t and org_id = :o").param("t", txnId).param("o", orgId)
			.query(Long.class).single() > 0;
	}

	List<Long> sampled(long auditId) {
		return jdbc.sql("select txn_id from fin_audit_sample where audit_id = :a").param("a", auditId).query(Long.class)
			.list();
	}

	/** The book's entries dated from..to not sampled by the audit yet, by id. */
	List<Long> unsampled(long auditId, long orgId, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				select t.id from fin_txn t where t.org_id = :o and t.txn_date between :from and :to
				and not exists (select 1 from fin_audit_sample s where s.audit_id = :a and s.txn_id = t.id)
				order by t.id""")
			.param("o", orgId).param("from", from).param("to", to)
			.param("a", auditId).query(Long.class).list();
	}

	void insertSample(long auditId, long txnId, String note, OffsetDateTime now) {
		jdbc.sql("insert into fin_audit_sample (audit_id, txn_id, note, sampled_at) values (:a, :t, :n, :now)")
			.param("a", auditId).param("t", txnId).param("n", note).param("now", now).update();
	}

	// the findings

	/** @return the new finding's id */
	long insertFinding(long auditId, FindingSeverity severity, String description, String rectification,
			LocalDate deadline, OffsetDateTime now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into fin_audit_finding (audit_id, severity, description, rectification, deadline, status, created_at)
				values (:a, :s, :d, :r, :dl, 'OPEN', :now)""")
			.param("a", auditId).param("s", severity.name()).param("d", description).param("r", rectification)
			.param("dl", deadline).param("now", now).update(keys, "id");
		return keys.getKey().longValue();
	}

	void insertEntry(long findingId, long txnId) {
		jdbc.sql("insert into fin_finding_entry (finding_id, txn_id) values (:f, :t)").param("f", findingId)
			.param("t", txnId).update();
	}

	/** Of these entries, those in the book. */
	List<Long> txnsInBook(long orgId, List<Long> txnIds) {
		return jdbc.sql("select id from fin_txn where org_id = :o and id in (:ids)")
			.param("o", orgId).param("ids", txnIds).query(Long.class).list();
	}

	/** The finding's audit_id, status and deadline, not locked. */
	Optional<Map<String, Object>> finding(long findingId) {
		return jdbc.sql("select audit_id, status, deadline from fin_audit_finding where id = :id")
			.param("id", findingId).query().listOfRows().stream().findFirst();
	}

	/** Locks the finding's row for the rest of the transaction. @return its status under the lock */
	String lockFinding(long findingId) {
		return jdbc.sql("select status from fin_audit_finding where id = :id for update").param("id", findingId)
			.query(String.class).single();
	}

	void markResponded(long findingId, String response, OffsetDateTime now, long by) {
		jdbc.sql("""
				update fin_audit_finding set status = 'RESPONDED', response = :r, responded_at = :now,
				  responded_by_account_id = :by, version = version + 1 where id = :id""")
			.param("r", response).param("now", now).param("by", by).param("id", findingId).update();
	}

	void closeFinding(long findingId, OffsetDateTime now) {
		jdbc.sql("update fin_audit_finding set status = 'CLOSED', closed_at = :now, version = version + 1 where id = :id")
			.param("now", now).param("id", findingId).update();
	}

	void reopenFinding(long findingId) {
		jdbc.sql("update fin_audit_finding set status = 'OPEN', version = version + 1 where id = :id")
			.param("id", findingId).update();
	}

	/** @return the new step's id */
	long insertStep(long findingId, String action, String note, long by, OffsetDateTime now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into fin_finding_step (finding_id, action, note, account_id, created_at)
				values (:f, :a, :n, :by, :now)""")
			.param("f", findingId).param("a", action).param("n", note).param("by", by).param("now", now)
			.update(keys, "id");
		return keys.getKey().longValue();
	}
}
