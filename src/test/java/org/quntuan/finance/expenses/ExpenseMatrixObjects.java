package org.quntuan.finance.expenses;

import org.quntuan.support.TestClock;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The expenses and incomes the access matrix test (org.quntuan.web) tries the finance endpoints on,
 * made once straight in the database. Own: of 市财政局工会, the expense filed by finance1; sibling: of
 * 市教育局工会, filed by orgadmin2. The expenses are rejected, so every step on them is refused (422,
 * or a page redirect) and nothing changes; the incomes are not posted and have no documents.
 */
public final class ExpenseMatrixObjects {

	private ExpenseMatrixObjects() {
	}

	public static synchronized Long object(JdbcClient jdbc, String endpoint, String relation) {
		String union = switch (relation) {
			case "OWN" -> "市财政局工会";
			case "SIBLING" -> "市教育局工会";
			default -> null;
		};
		if (union == null) {
			return null;
		}
		String applicant = relation.equals("OWN") ? "finance1" : "orgadmin2";
		return endpoint.contains("/incomes/") ? income(jdbc, union, applicant) : expense(jdbc, union, applicant);
	}

	private static long expense(JdbcClient jdbc, String union, String applicant) {
		Object[] org = org(jdbc, union);
		return jdbc.sql("select min(id) from fin_expense where org_id = :o and purpose = 'access-matrix'")
			.param("o", org[0]).query(Long.class).optional().filter(id -> id != null).orElseGet(() -> {
				OffsetDateTime now = OffsetDateTime.now(TestClock.CLOCK);
				GeneratedKeyHolder keys = new GeneratedKeyHolder();
				jdbc.sql("""
						insert into fin_expense (org_id, org_path, category_code, amount, purpose, expense_date,
						  applicant_account_id, status, created_at, updated_at, version)
						select :o, :p, 'OTHER_OUT', 1.00, 'access-matrix', :d, a.id, 'REJECTED', :now, :now, 0
						from account a where a.username = :u""")
					.param("o", org[0]).param("p", org[1]).param("d", LocalDate.now(TestClock.CLOCK)).param("now", now)
					.param("u", applicant).update(keys, "id");
				return keys.getKey().longValue();
			});
	}

	private static long income(JdbcClient jdbc, String union, String recorder) {
		Object[] org = org(jdbc, union);
		return jdbc.sql("select min(id) from fin_income where org_id = :o and memo = 'access-matrix'")
			.param("o", org[0]).query(Long.class).optional().filter(id -> id != null).orElseGet(() -> {
				GeneratedKeyHolder keys = new GeneratedKeyHolder();
				jdbc.sql("""
						insert into fin_income (org_id, category_code, amount, income_date, counterparty, memo,
						  recorded_by_account_id, created_at)
						select :o, 'OTHER_IN', 1.00, :d, '权限测试', 'access-matrix', a.id, :now
						from account a where a.username = :u""")
					.param("o", org[0]).param("d", LocalDate.now(TestClock.CLOCK)).param("now", OffsetDateTime.now(TestClock.CLOCK))
					.param("u", recorder).update(keys, "id");
				return keys.getKey().longValue();
			});
	}

	private static Object[] org(JdbcClient jdbc, String name) {
		return jdbc.sql("select id, path from org where name = :n").param("n", name)
			.query((rs, i) -> new Object[] { rs.getLong(1), rs.getString(2) }).single();
	}
}
