package org.quntuan.member;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Unscoped contact numbers of active people, for delivering notifications (SMS) to them. Not for
 * showing: lists and details go through {@link MemberQueries}, which masks and logs.
 */
@Service
@Transactional(readOnly = true)
public class MemberContacts {

	private static final int CHUNK = 500;

	private final JdbcClient jdbc;

	MemberContacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Person id → mobile, for the active people among the ids. */
	public Map<Long, String> activeMobiles(Collection<Long> personIds) {
		Map<Long, String> mobiles = new HashMap<>();
		List<Long> ids = new ArrayList<>(personIds);
		for (int from = 0; from < ids.size(); from += CHUNK) {
			jdbc.sql("select id, mobile from person where active = true and id in (:ids)")
				.param("ids", ids.subList(from, Math.min(from + CHUNK, ids.size())))
				.query((rs, i) -> mobiles.put(rs.getLong("id"), rs.getString("mobile")))
				.list();
		}
		return mobiles;
	}
}
