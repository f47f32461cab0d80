package org.quntuan.finance.dues;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * fin_pay (the members' base pay), fin_dues_sheet and its lines (fin_dues_line): the statements of
 * the dues commands. Every change of a sheet bumps its version.
 */
@Repository
class DuesRepository {

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	DuesRepository(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	// base pay (fin_pay)

	/** @return the number of rows updated, 0 when the person has no base pay recorded yet */
	int updatePay(long personId, BigDecimal base, OffsetDateTime now, Long by) {
		return jdbc.sql("""
				update fin_pay set monthly_base = :b, updated_at = :now, updated_by_account_id = :by where person_id = :p""")
			.param("b", base).param("now", now).param("by", by).param("p", personId).update();
	}

	void insertPay(long personId, BigDecimal base, OffsetDateTime now, Long by) {
		jdbc.sql("""
				insert into fin_pay (person_id, monthly_base, updated_at, updated_by_account_id)
				values (:p, :b, :now, :by)""")
			.param("b", base).param("now", now).param("by", by).param("p", personId).update();
	}

	/** Puts the base pay and its time of these people into result, as {monthly_base, updated_at} by person. */
	void readPay(List<Long> personIds, Map<Long, Object[]> result) {
		jdbc.sql("select person_id, monthly_base, updated_at from fin_pay where person_id in (:ids)")
			.param("ids", personIds)
			.query(rs -> {
				result.put(rs.getLong("person_id"), new Object[] { rs.getBigDecimal("monthly_base"),
						rs.getObject("updated_at", OffsetDateTime.class) });
			});
	}

	// the sheets

	boolean sheetExists(long orgId, int year, int month) {
		return jdbc.sql("select count(*) from fin_dues_sheet where org_id = :o and fiscal_year = :y and fiscal_month = :m")
			.param("o", orgId).param("y", year).param("m", month).query(Long.class)
			.single() > 0;
	}

	/**
	 * @return the new sheet's id
	 * @throws org.springframework.dao.DuplicateKeyException when the union's sheet of the month exists
	 */
	long insertSheet(long orgId, int year, int month, BigDecimal rate, long by, OffsetDateTime now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into fin_dues_sheet (org_id, fiscal_year, fiscal_month, rate, status, created_by_account_id,
				  created_at)
				values (:o, :y, :m, :rate, 'DRAFT', :by, :now)""")
			.param("o", orgId).param("y", year).param("m", month)
			.param("rate", rate).param("by", by)
			.param("now", now).update(keys, "id");
		return keys.getKey().longValue();
	}

	/** Lines as {sheet_id, person_id, base_pay, amount_due, amount_paid}, in one batch. */
	void insertLines(List<Object[]> lines) {
		batch.batchUpdate("insert into fin_dues_line (sheet_id, person_id, base_pay, amount_due, amount_paid)"
				+ " values (?, ?, ?, ?, ?)", lines);
	}

	/** The sheet's row, locked for the rest of the transaction. */
	Optional<DuesSheets.Sheet> lockSheet(long sheetId) {
		return jdbc.sql("""
				select id, org_id, fiscal_year, fiscal_month, rate, status, total_paid, txn_id
				from fin_dues_sheet where id = :id for update""").param("id", sheetId)
			.query((rs, i) -> new DuesSheets.Sheet(rs.getLong("id"), rs.getLong("org_id"), rs.getInt("fiscal_year"),
					rs.getInt("fiscal_month"), rs.getBigDecimal("rate"), DuesStatus.valueOf(rs.getString("status")),
					rs.getBigDecimal("total_paid"), rs.getObject("txn_id", Long.class)))
			.optional();
	}

	/** @return the number of lines updated, 0 if the person is not on the sheet */
	int setPaid(long sheetId, long personId, BigDecimal paid) {
		return jdbc.sql("update fin_dues_line set amount_paid = :paid where sheet_id = :s and person_id = :p")
			.param("paid", paid).param("s", sheetId).param("p", personId).update();
	}

	/** @return the number of lines updated, 0 if the person is not on the sheet */
	int updateLine(long sheetId, long personId, BigDecimal base, BigDecimal due, BigDecimal paid) {
		return jdbc.sql("""
				update fin_dues_line set base_pay = :base, amount_due = :due, amount_paid = :paid
				where sheet_id = :s and person_id = :p""")
			.param("base", base).param("due", due).param("paid", paid)
			.param("s", sheetId).param("p", personId).update();
	}

	Set<Long> personsOnSheet(long sheetId) {
		return jdbc.sql("select person_id from fin_dues_line where sheet_id = :s").param("s", sheetId)
			.query(Long.class).set();
	}

	void markConfirmed(long sheetId, OffsetDateTime now) {
		jdbc.sql("update fin_dues_sheet set status = 'CONFIRMED', confirmed_at = :now, version = version + 1 where id = :id")
			.param("now", now).param("id", sheetId).update();
	}

	void markPosted(long sheetId, Long txnId, OffsetDateTime now) {
		jdbc.sql("""
				update fin_dues_sheet set status = 'POSTED', txn_id = :txn, posted_at = :now, version = version + 1
				where id = :id""").param("txn", txnId).param("now", now).param("id", sheetId).update();
	}

	/** The larger of the sheet's two sums, due and paid. */
	BigDecimal largestTotal(long sheetId) {
		return jdbc.sql("""
				select greatest(coalesce(sum(amount_due), 0), coalesce(sum(amount_paid), 0))
				from fin_dues_line where sheet_id = :id""").param("id", sheetId).query(BigDecimal.class).single();
	}

	/** The sheet's totals and member count, from its lines. */
	void updateTotals(long sheetId) {
		jdbc.sql("""
				update fin_dues_sheet set
				  total_due = (select coalesce(sum(amount_due), 0) from fin_dues_line where sheet_id = :id),
				  total_paid = (select coalesce(sum(amount_paid), 0) from fin_dues_line where sheet_id = :id),
				  member_count = (select count(*) from fin_dues_line where sheet_id = :id),
				  version = version + 1
				where id = :id""").param("id", sheetId).update();
	}
}
