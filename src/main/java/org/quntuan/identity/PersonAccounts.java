package org.quntuan.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The enabled account of each person, for modules that notify people (accounts are the recipients). */
@Service
@Transactional(readOnly = true)
public class PersonAccounts {

	private static final int CHUNK = 500;

	private final JdbcClient jdbc;

	PersonAccounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Person id → account id, for the persons among the ids that have an enabled account. */
	public Map<Long, Long> accountsOf(Collection<Long> personIds) {
		Map<Long, Long> result = new HashMap<>();
		List<Long> ids = new ArrayList<>(personIds.stream().distinct().toList());
		for (int from = 0; from < ids.size(); from += CHUNK) {
			jdbc.sql("select person_id, id from account where enabled = true and person_id in (:ids)")
				.param("ids", ids.subList(from, Math.min(from + CHUNK, ids.size())))
				.query((rs, i) -> result.put(rs.getLong("person_id"), rs.getLong("id"))).list();
		}
		return result;
	}
}
