package org.quntuan.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The journal's tables: fin_book (one row per book, locked by every posting), fin_txn and its lines
 * (fin_line), the derived monthly sums (fin_month_sum) and the closed years (fin_year_close). Nothing
 * here updates or deletes a transaction or a line.
 */
@Repository
class JournalRepository {

	private final JdbcClient jdbc;

	JournalRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// the book

	/** Locks the book's row for the rest of the transaction. @return false when the book has no row yet */
	boolean lockBook(long orgId) {
		return jdbc.sql("select org_id from fin_book where org_id = :o for update").param("o", orgId)
			.query(Long.class).optional().isPresent();
	}

	/** Locks the book's row, which must exist. */
	void lockOpenedBook(long orgId) {
		jdbc.sql("select org_id from fin_book where org_id = :o for update").param("o", orgId).query(Long.class)
			.single();
	}

	/** @throws org.springframework.dao.DuplicateKeyException when the book has a row already */
	void insertBook(long orgId, OffsetDateTime now) {
		jdbc.sql("insert into fin_book (org_id, opened_at) values (:o, :now)")
			.param("o", orgId).param("now", now).update();
	}

	// closed years

	void insertYearClose(long orgId, int year, Long closedBy, OffsetDateTime now) {
		jdbc.sql("""
				insert into fin_year_close (org_id, fiscal_year, closed_by_account_id, closed_at)
				values (:o, :y, :by, :now)""")
			.param("o", orgId).param("y", year).param("by", closedBy).param("now", now).update();
	}

	boolean isYearClosed(long orgId, int year) {
		return jdbc.sql("select count(*) from fin_year_close where org_id = :o and fiscal_year = :y")
			.param("o", orgId).param("y", year).query(Long.class).single() > 0;
	}

	Optional<Integer> latestClosed(long orgId) {
		return jdbc.sql("select max(fiscal_year) from fin_year_close where org_id = :o").param("o", orgId)
			.query((rs, i) -> (Integer) rs.getObject(1, Integer.class)).optional().filter(Objects::nonNull);
	}

	// transactions and lines

	/** The transaction's row, column by column. */
	Optional<Map<String, Object>> txn(long txnId) {
		return jdbc.sql("select * from fin_txn where id = :id").param("id", txnId)
			.query().listOfRows().stream().findFirst();
	}

	Optional<Long> bySource(String sourceType, long sourceId, String sourceAction) {
		return jdbc.sql("select id from fin_txn where source_type = :t and source_id = :s and source_action = :a")
			.param("t", sourceType).param("s", sourceId).param("a", sourceAction).query(Long.class).optional();
	}

	/** The transaction's lines with the opposite sign, in their order. */
	List<Journal.Line> negatedLines(long txnId) {
		return jdbc.sql("select account, amount from fin_line where txn_id = :id order by id")
			.param("id", txnId)
			.query((rs, i) -> new Journal.Line(rs.getString("account"), rs.getBigDecimal("amount").negate()))
			.list();
	}

	/** @return the new transaction's id */
	long insertTxn(Journal.Posting p, Long reverses, OffsetDateTime now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into fin_txn (org_id, txn_date, category_code, counterparty, memo, source_type, source_id,
				  source_action, reverses_txn_id, recorded_by_account_id, recorded_at)
				values (:org, :date, :cat, :cp, :memo, :st, :si, :sa, :rev, :by, :now)""")
			.param("org", p.orgId()).param("date", p.date()).param("cat", p.categoryCode())
			.param("cp", p.counterparty()).param("memo", p.memo()).param("st", p.sourceType())
			.param("si", p.sourceId()).param("sa", p.sourceAction()).param("rev", reverses)
			.param("by", p.recordedBy()).param("now", now)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void insertLine(long txnId, Journal.Line line) {
		jdbc.sql("insert into fin_line (txn_id, account, amount) values (:t, :a, :m)").param("t", txnId)
			.param("a", line.account()).param("m", line.amount()).update();
	}

	// monthly sums

	/** @return the number of sums updated, 0 when the month has none for the account yet */
	int addToMonthSum(long orgId, LocalDate date, String account, BigDecimal amount, int lines) {
		return jdbc.sql("""
				update fin_month_sum set amount = amount + :m, line_count = line_count + :n
				where org_id = :o and fiscal_year = :y and fiscal_month = :mo and account = :a""")
			.param("m", amount).param("n", lines).param("o", orgId).param("y", date.getYear())
			.param("mo", date.getMonthValue()).param("a", account).update();
	}

	void insertMonthSum(long orgId, LocalDate date, String account, BigDecimal amount, int lines) {
		jdbc.sql("""
				insert into fin_month_sum (org_id, fiscal_year, fiscal_month, account, amount, line_count)
				values (:o, :y, :mo, :a, :m, :n)""")
			.param("m", amount).param("n", lines).param("o", orgId).param("y", date.getYear())
			.param("mo", date.getMonthValue()).param("a", account).update();
	}
}
