package org.quntuan.governance;

import java.util.List;

/**
 * The annual-report board as the API gives it: every org of the caller's board for a year (a bounded
 * set: the unions, league and women's committees in scope) and the counts the federation reads first.
 */
public record AnnualReportBoard(int year, List<AnnualReportBoardRow> rows, Totals totals) {

	public record Totals(long orgs, long reported, long unreported, long confirmed) {
	}

	static AnnualReportBoard of(int year, List<AnnualReportBoardRow> rows) {
		long reported = rows.stream().filter(AnnualReportBoardRow::reported).count();
		return new AnnualReportBoard(year, rows, new Totals(rows.size(), reported, rows.size() - reported,
				rows.stream().filter(AnnualReportBoardRow::confirmed).count()));
	}
}
