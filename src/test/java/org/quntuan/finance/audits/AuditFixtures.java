package org.quntuan.finance.audits;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.quntuan.finance.Categories;
import org.quntuan.finance.Category;
import org.quntuan.finance.Journal;
import org.quntuan.finance.YearCloses;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Entries to audit: posted straight through the journal under a source type of the audit tests' own. */
final class AuditFixtures {

	static final String SOURCE = "AUDIT-TEST";

	private static final AtomicLong NEXT = new AtomicLong(System.nanoTime());

	static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	private AuditFixtures() {
	}

	/**
	 * {@code count} expenses of the book dated in the year, one a month from March; their ids in order.
	 * They are posted as while the year was open (the book's later closes lifted for the moment), and
	 * the audit then meets them in a closed year, as audits do.
	 */
	static List<Long> entries(JdbcClient jdbc, Journal journal, Categories categories, long orgId, int year,
			int count) {
		Category activity = categories.find("ACTIVITY").orElseThrow();
		List<Long> ids = new ArrayList<>();
		try (YearCloses.Lifted open = YearCloses.openFrom(jdbc, year, orgId)) {
			for (int i = 0; i < count; i++) {
				ids.add(journal.post(Journal.simple(orgId, LocalDate.of(year, 3 + i % 9, 10 + i % 15), activity,
						new BigDecimal("120.00").add(BigDecimal.valueOf(i)), "某文体用品店", "审计测试支出 " + (i + 1), SOURCE,
						NEXT.incrementAndGet(), "POST", null)).txnId());
			}
		}
		return ids;
	}
}
