package org.quntuan.notice;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * "The org path lies under one of these paths" as SQL over a column, for forms and information
 * reports: the text depends only on how many paths there are, every path is a bound prefix.
 */
record ReportPaths(String sql, Map<String, Object> params) {

	static ReportPaths under(String column, String name, List<String> paths) {
		if (paths.isEmpty()) {
			return new ReportPaths("1 = 0", Map.of());
		}
		StringBuilder sql = new StringBuilder("(");
		Map<String, Object> params = new HashMap<>();
		for (int i = 0; i < paths.size(); i++) {
			if (i > 0) {
				sql.append(" or ");
			}
			sql.append(column).append(" like :").append(name).append(i);
			params.put(name + i, paths.get(i) + "%");
		}
		return new ReportPaths(sql.append(')').toString(), params);
	}
}
