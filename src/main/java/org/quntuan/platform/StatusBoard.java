package org.quntuan.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A status table of one task as the API gives it: one row per target org (a bounded set, fixed when
 * the task was sent) and the count of rows in each state, which is what a sender reads first. Whole
 * rather than paged, so that the counts and the rows always agree.
 *
 * @param totals {@code rows}: the number of rows; {@code byState}: state code → number of rows
 */
public record StatusBoard<R>(List<R> rows, Totals totals) {

	public record Totals(long rows, Map<String, Long> byState) {
	}

	public static <R> StatusBoard<R> of(List<R> rows, Function<R, CodeLabel> state) {
		Map<String, Long> byState = new LinkedHashMap<>();
		rows.forEach(r -> byState.merge(state.apply(r).code(), 1L, Long::sum));
		return new StatusBoard<>(rows, new Totals(rows.size(), byState));
	}
}
