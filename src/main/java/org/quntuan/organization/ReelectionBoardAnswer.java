package org.quntuan.organization;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The re-election board as the API gives it: every org in scope with a term (a bounded set, overdue
 * first) and the counts by state, which is what the board is read for.
 */
public record ReelectionBoardAnswer(List<ReelectionBoardRow> rows, Totals totals) {

	/** @param byState state label → number of orgs */
	public record Totals(long orgs, long overdue, Map<String, Long> byState) {
	}

	static ReelectionBoardAnswer of(List<ReelectionBoardRow> rows) {
		Map<String, Long> byState = new LinkedHashMap<>();
		rows.forEach(r -> byState.merge(r.state().label(), 1L, Long::sum));
		return new ReelectionBoardAnswer(rows,
				new Totals(rows.size(), rows.stream().filter(ReelectionBoardRow::overdue).count(), byState));
	}
}
