package org.quntuan.platform;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One page of a query, cut in SQL: a count of the whole and the rows of the page by offset and
 * fetch (the same words on H2 and PostgreSQL). The order must end on a unique column so that pages
 * neither repeat nor skip a row.
 */
public final class SqlPages {

	private SqlPages() {
	}

	/**
	 * @param columns what to select (without "select")
	 * @param from the from and where clauses, shared by the count and the page
	 * @param orderBy the order (without "order by"), ending on a unique column
	 */
	public static <T> PageResult<T> page(JdbcClient jdbc, String columns, String from, String orderBy,
			Map<String, ?> params, PageRequest page, RowMapper<T> mapper) {
		long total = jdbc.sql("select count(*) " + from).params(params).query(Long.class).single();
		List<T> content = total <= page.offset() ? List.of()
				: jdbc.sql("select " + columns + " " + from + " order by " + orderBy
						+ " offset :pageOffset rows fetch next :pageSize rows only")
					.params(params).param("pageOffset", page.offset()).param("pageSize", page.size())
					.query(mapper).list();
		return PageResult.of(content, page, total);
	}
}
