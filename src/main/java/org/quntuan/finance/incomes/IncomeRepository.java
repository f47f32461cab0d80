package org.quntuan.finance.incomes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** fin_income: the incomes recorded without an approval, each with its journal transaction. */
@Repository
class IncomeRepository {

	private final JdbcClient jdbc;

	IncomeRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** @return the new income's id */
	long insert(long orgId, String categoryCode, BigDecimal amount, LocalDate date, String counterparty, String memo,
			long by, OffsetDateTime now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into fin_income (org_id, category_code, amount, income_date, counterparty, memo,
				  recorded_by_account_id, created_at)
				values (:org, :cat, :amount, :date, :cp, :memo, :by, :now)""")
			.param("org", orgId).param("cat", categoryCode).param("amount", amount).param("date", date)
			.param("cp", counterparty).param("memo", memo).param("by", by).param("now", now)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void setTxn(long id, long txnId) {
		jdbc.sql("update fin_income set txn_id = :t where id = :id").param("t", txnId).param("id", id).update();
	}

	Optional<Long> orgOf(long id) {
		return jdbc.sql("select org_id from fin_income where id = :id").param("id", id).query(Long.class)
			.optional();
	}
}
