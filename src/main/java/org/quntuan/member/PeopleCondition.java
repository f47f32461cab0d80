package org.quntuan.member;

import java.util.Map;

/**
 * A set of people as a SQL condition over {@code person p}: fixed text, every value a bound
 * parameter. For modules that keep things of people (accounts) and must scope their own queries.
 */
public record PeopleCondition(String sql, Map<String, Object> params) {

	public PeopleCondition {
		params = Map.copyOf(params);
	}
}
