package org.quntuan.finance.budgets;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.quntuan.platform.reads.ReadsJdbc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * fin_budget: one line per book, year and expense category; and what the monthly sums say was spent,
 * read on the primary or, for the export, on the standby when there is one ({@link ReadsJdbc}).
 */
@Repository
class BudgetRepository {

	private final JdbcClient jdbc;

	private final Figures primary;

	private final Figures standby;

	BudgetRepository(JdbcClient jdbc, ReadsJdbc reads) {
		this.jdbc = jdbc;
		this.primary = new Figures(jdbc);
		this.standby = new Figures(reads.client());
	}

	/** The budgets and spending as the primary has them: for pages, the API and warnings. */
	Figures primary() {
		return primary;
	}

	/** The same on the read-only standby when there is one: for the export. */
	Figures standby() {
		return standby;
	}

	/** @return the number of lines updated, 0 when the book has no such line yet */
	int update(long orgId, int year, String category, BigDecimal amount, OffsetDateTime now, long by) {
		return jdbc.sql("""
				update fin_budget set amount = :a, updated_at = :now, updated_by_account_id = :by
				where org_id = :o and fiscal_year = :y and category_code = :c""")
			.param("a", amount).param("now", now).param("by", by)
			.param("o", orgId).param("y", year).param("c", category).update();
	}

	void insert(long orgId, int year, String category, BigDecimal amount, OffsetDateTime now, long by) {
		jdbc.sql("""
				insert into fin_budget (org_id, fiscal_year, category_code, amount, updated_at, updated_by_account_id)
				values (:o, :y, :c, :a, :now, :by)""")
			.param("a", amount).param("now", now).param("by", by)
			.param("o", orgId).param("y", year).param("c", category).update();
	}

	/** A budget line and the spending of a book, read through one client. */
	record Figures(JdbcClient via) {

		Optional<BigDecimal> find(long orgId, int year, String category) {
			return via.sql("select amount from fin_budget where org_id = :o and fiscal_year = :y and category_code = :c")
				.param("o", orgId).param("y", year).param("c", category).query(BigDecimal.class).optional();
		}

		/** Net spending of a book in a category and year, reversals included, from the monthly sums. */
		BigDecimal spent(long orgId, int year, String category) {
			return via.sql("""
					select coalesce(sum(amount), 0) from fin_month_sum
					where org_id = :o and fiscal_year = :y and account = :c""")
				.param("o", orgId).param("y", year).param("c", category).query(BigDecimal.class).single()
				.setScale(2, RoundingMode.UNNECESSARY);
		}
	}
}
