package org.quntuan.notice.forms;

import java.util.List;

import org.quntuan.platform.SqlCondition;

/**
 * "The org path lies under one of these paths" as SQL over a column, for forms and information
 * reports: the text depends only on how many paths there are, every path is a bound prefix.
 */
final class ReportPaths {

	private ReportPaths() {
	}

	static SqlCondition under(String column, String name, List<String> paths) {
		return SqlCondition.pathUnder(column, name, paths);
	}
}
