package org.quntuan.finance;

import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Objects of the finance endpoints for the access matrix: "own" is 市财政局工会's book (finance1,
 * orgadmin1 and group1 reach it), "sibling" 市教育局工会's, in another 片组.
 */
public final class FinanceMatrixObjects {

	/** The endpoints whose object this class gives (the books, their entries and statements). */
	public static final Set<String> BOOK_ENDPOINTS = Set.of("GET /api/v1/finance/journal",
			"GET /api/v1/finance/statement", "GET /api/v1/finance/budgets", "GET /api/v1/finance/entries/{id}",
			"GET /finance", "GET /finance/export", "GET /finance/entries/{id}", "GET /finance/statement",
			"GET /finance/statement/export",
			"POST /api/v1/finance/entries/{id}/reversal", "POST /finance/entries/{id}/reversal",
			"PUT /api/v1/finance/budgets", "POST /api/v1/finance/year-closes", "POST /finance/year-closes");

	private FinanceMatrixObjects() {
	}

	public static long object(JdbcClient jdbc, String endpoint, String relation) {
		String union = relation.equals("OWN") ? "市财政局工会" : "市教育局工会";
		long book = jdbc.sql("select id from org where name = :n").param("n", union).query(Long.class).single();
		if (endpoint.contains("/entries/{id}")) {
			// an entry that nobody has reversed (the matrix never reverses: no reason is sent), and not one
			// posted from a dues sheet or a care payout, which are refused before the reason is read (422)
			return jdbc.sql("""
					select max(t.id) from fin_txn t where t.org_id = :o and t.reverses_txn_id is null
					and (t.source_type is null or t.source_type <> 'DUES' and substring(t.source_type, 1, 5) <> 'CARE_')
					and not exists (select 1 from fin_txn r where r.reverses_txn_id = t.id)""")
				.param("o", book).query(Long.class).single();
		}
		return book;
	}
}
