package org.quntuan.platform;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A piece of a WHERE clause with its bound values: the one way every module turns "what may the caller
 * reach" into SQL. The text is fixed by the code (never spliced from input); every value is a named
 * parameter. Conditions combine with {@link #and} / {@link #or}; two conditions that bind the same
 * name to different values cannot be combined (a silent overwrite would widen or narrow a scope).
 * The text is always enclosed in parentheses, so a condition can follow "and" or "or" anywhere (a text
 * block's trailing space is stripped: {@code "... and """ + c.sql()} must still read).
 */
public record SqlCondition(String sql, Map<String, Object> params) {

	/** Everything (the federation admin at the root). */
	public static final SqlCondition ALL = new SqlCondition("(1 = 1)", Map.of());

	/** Nothing (a caller without any grant that reaches the rows). */
	public static final SqlCondition NONE = new SqlCondition("(1 = 0)", Map.of());

	public SqlCondition {
		sql = wrapped(Objects.requireNonNull(sql).strip());
		params = Collections.unmodifiableMap(new HashMap<>(params));
	}

	public static SqlCondition of(String sql) {
		return new SqlCondition(sql, Map.of());
	}

	/** A condition with one bound value. */
	public static SqlCondition of(String sql, String name, Object value) {
		Map<String, Object> params = new HashMap<>();
		params.put(name, value);
		return new SqlCondition(sql, params);
	}

	/** Any of the terms; none → {@link #NONE}, one that is {@link #ALL} → ALL. */
	public static SqlCondition anyOf(Collection<SqlCondition> terms) {
		return join(terms, " or ", NONE, ALL);
	}

	/** All of the terms; none → {@link #ALL}, one that is {@link #NONE} → NONE. */
	public static SqlCondition allOf(Collection<SqlCondition> terms) {
		return join(terms, " and ", ALL, NONE);
	}

	public SqlCondition or(SqlCondition other) {
		return anyOf(List.of(this, other));
	}

	public SqlCondition and(SqlCondition other) {
		return allOf(List.of(this, other));
	}

	/** This condition's values and one more, for a statement that binds its own parameters too. */
	public Map<String, Object> paramsWith(String name, Object value) {
		Map<String, Object> all = new HashMap<>(params);
		if (all.containsKey(name)) {
			throw new IllegalStateException("parameter " + name + " is already bound by the condition");
		}
		all.put(name, value);
		return all;
	}

	/**
	 * "The path in {@code column} lies under one of these org paths": one {@code like} per path, each a
	 * bound, escaped prefix ({@code name0}, {@code name1} …). No paths → {@link #NONE}.
	 */
	public static SqlCondition pathUnder(String column, String name, Collection<String> paths) {
		List<SqlCondition> terms = new ArrayList<>();
		int i = 0;
		for (String path : paths) {
			terms.add(of(column + " like :" + name + i, name + i, likePrefix(path)));
			i++;
		}
		return anyOf(terms);
	}

	/** "/1/7/" → "/1/7/%"; paths hold digits and slashes only, anything else is escaped all the same. */
	public static String likePrefix(String path) {
		return path.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

	/** The text in parentheses, unless one pair already encloses all of it. */
	static String wrapped(String sql) {
		if (sql.startsWith("(")) {
			int depth = 0;
			boolean quoted = false;
			for (int i = 0; i < sql.length(); i++) {
				char c = sql.charAt(i);
				if (c == '\'') {
					quoted = !quoted;
				}
				else if (!quoted && c == '(') {
					depth++;
				}
				else if (!quoted && c == ')' && --depth == 0) {
					if (i == sql.length() - 1) {
						return sql;
					}
					break;
				}
			}
		}
		return "(" + sql + ")";
	}

	private static SqlCondition join(Collection<SqlCondition> terms, String operator, SqlCondition empty,
			SqlCondition absorbing) {
		List<String> texts = new ArrayList<>();
		Map<String, Object> params = new HashMap<>();
		for (SqlCondition term : terms) {
			if (term.equals(absorbing)) {
				return absorbing;
			}
			if (term.equals(empty)) {
				continue;
			}
			texts.add(term.sql());
			term.params().forEach((name, value) -> {
				if (params.containsKey(name) && !Objects.equals(params.get(name), value)) {
					throw new IllegalStateException("parameter " + name + " bound to two values");
				}
				params.put(name, value);
			});
		}
		if (texts.isEmpty()) {
			return empty;
		}
		return new SqlCondition(texts.size() == 1 ? texts.get(0) : "(" + String.join(operator, texts) + ")", params);
	}
}
