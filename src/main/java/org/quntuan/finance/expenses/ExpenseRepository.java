package org.quntuan.finance.expenses;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.quntuan.platform.PageRequest;
import org.quntuan.platform.reads.ReadsJdbc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** fin_expense: the expense applications. Every change bumps the version. */
@Repository
class ExpenseRepository {

	record Row(long id, long orgId, String orgPath, String categoryCode, BigDecimal amount, String purpose,
			LocalDate expenseDate, Long activityId, long applicantAccountId, ExpenseStatus status, Long approvalId,
			Long txnId, OffsetDateTime createdAt, OffsetDateTime updatedAt, int version) {
	}

	/** Row joined with names, for lists and views. */
	record Listed(Row row, String orgName, String categoryName, String applicantName) {
	}

	record Fields(String categoryCode, BigDecimal amount, String purpose, LocalDate expenseDate, Long activityId) {
	}

	private static final String LISTED = """
			select e.*, o.name as org_name, c.name as category_name, a.display_name as applicant_name
			from fin_expense e
			join org o on o.id = e.org_id
			left join fin_category c on c.code = e.category_code
			left join account_name a on a.id = e.applicant_account_id""";

	private final JdbcClient jdbc;

	/** The export's reads ({@link #first}): the read-only standby when there is one. */
	private final JdbcClient reads;

	ExpenseRepository(JdbcClient jdbc, ReadsJdbc reads) {
		this.jdbc = jdbc;
		this.reads = reads.client();
	}

	long insert(long orgId, String orgPath, Fields f, long applicant, OffsetDateTime now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into fin_expense (org_id, org_path, category_code, amount, purpose, expense_date, activity_id,
				  applicant_account_id, status, created_at, updated_at, version)
				values (:org, :path, :cat, :amount, :purpose, :date, :activity, :applicant, 'PENDING', :now, :now, 0)""")
			.param("org", orgId).param("path", orgPath).param("cat", f.categoryCode()).param("amount", f.amount())
			.param("purpose", f.purpose()).param("date", f.expenseDate())
			.param("activity", f.activityId(), Types.BIGINT).param("applicant", applicant).param("now", now)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	Optional<Row> find(long id) {
		return jdbc.sql("select * from fin_expense where id = :id").param("id", id).query(ExpenseRepository::row)
			.optional();
	}

	Optional<Row> lock(long id) {
		return jdbc.sql("select * from fin_expense where id = :id for update").param("id", id)
			.query(ExpenseRepository::row).optional();
	}

	Optional<Listed> listed(long id) {
		return jdbc.sql(LISTED + " where e.id = :id").param("id", id).query(ExpenseRepository::listed).optional();
	}

	void setApproval(long id, long approvalId) {
		jdbc.sql("update fin_expense set approval_id = :a where id = :id").param("a", approvalId).param("id", id)
			.update();
	}

	/** @return false when the version is stale */
	boolean update(long id, int version, Fields f, OffsetDateTime now) {
		return jdbc.sql("""
				update fin_expense set category_code = :cat, amount = :amount, purpose = :purpose, expense_date = :date,
				  activity_id = :activity, updated_at = :now, version = version + 1
				where id = :id and version = :v""")
			.param("cat", f.categoryCode()).param("amount", f.amount()).param("purpose", f.purpose())
			.param("date", f.expenseDate()).param("activity", f.activityId(), Types.BIGINT)
			.param("now", now).param("id", id).param("v", version).update() == 1;
	}

	void setStatus(long id, ExpenseStatus status, Long txnId, OffsetDateTime now) {
		jdbc.sql("""
				update fin_expense set status = :s, txn_id = coalesce(:txn, txn_id), updated_at = :now,
				  version = version + 1 where id = :id""")
			.param("s", status.name()).param("txn", txnId, Types.BIGINT).param("now", now).param("id", id)
			.update();
	}

	long count(long orgId, ExpenseStatus status) {
		return jdbc.sql("select count(*) from fin_expense e" + where(status)).params(params(orgId, status))
			.query(Long.class).single();
	}

	/** Newest first. */
	List<Listed> page(long orgId, ExpenseStatus status, PageRequest page) {
		Map<String, Object> params = params(orgId, status);
		params.put("limit", page.size());
		params.put("offset", page.offset());
		return jdbc.sql(LISTED + where(status) + " order by e.created_at desc, e.id desc limit :limit offset :offset")
			.params(params).query(ExpenseRepository::listed).list();
	}

	/** Newest first, for the export: read on the standby, so an expense filed a moment ago may be missing. */
	List<Listed> first(long orgId, ExpenseStatus status, int limit) {
		Map<String, Object> params = params(orgId, status);
		params.put("limit", limit);
		return reads.sql(LISTED + where(status) + " order by e.created_at desc, e.id desc limit :limit").params(params)
			.query(ExpenseRepository::listed).list();
	}

	private static String where(ExpenseStatus status) {
		return " where e.org_id = :org" + (status == null ? "" : " and e.status = :status");
	}

	private static Map<String, Object> params(long orgId, ExpenseStatus status) {
		Map<String, Object> params = new HashMap<>();
		params.put("org", orgId);
		if (status != null) {
			params.put("status", status.name());
		}
		return params;
	}

	private static Listed listed(ResultSet rs, int i) throws SQLException {
		return new Listed(row(rs, i), rs.getString("org_name"), rs.getString("category_name"),
				rs.getString("applicant_name"));
	}

	private static Row row(ResultSet rs, int i) throws SQLException {
		return new Row(rs.getLong("id"), rs.getLong("org_id"), rs.getString("org_path"), rs.getString("category_code"),
				rs.getBigDecimal("amount").setScale(2, RoundingMode.UNNECESSARY), rs.getString("purpose"),
				rs.getObject("expense_date", LocalDate.class), rs.getObject("activity_id", Long.class),
				rs.getLong("applicant_account_id"), ExpenseStatus.valueOf(rs.getString("status")),
				rs.getObject("approval_id", Long.class), rs.getObject("txn_id", Long.class),
				rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class),
				rs.getInt("version"));
	}
}
