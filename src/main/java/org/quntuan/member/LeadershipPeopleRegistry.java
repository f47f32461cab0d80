package org.quntuan.member;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.quntuan.organization.LeadershipPeople;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells the organization module who may stand for a leadership team: names, organs and whether the
 * person is still on the register. No personal data beyond the name leaves this module.
 */
@Component
class LeadershipPeopleRegistry implements LeadershipPeople {

	private static final int CHUNK = 500;

	private final JdbcClient jdbc;

	LeadershipPeopleRegistry(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Person> find(Collection<Long> ids) {
		List<Long> list = new ArrayList<>(ids);
		List<Person> result = new ArrayList<>();
		for (int from = 0; from < list.size(); from += CHUNK) {
			result.addAll(jdbc.sql("select id, name, organ_id, active from person where id in (:ids)")
				.param("ids", list.subList(from, Math.min(from + CHUNK, list.size())))
				.query(LeadershipPeopleRegistry::map).list());
		}
		return result;
	}

	@Override
	public List<Person> activeOfOrgan(long organId) {
		return jdbc.sql("select id, name, organ_id, active from person where organ_id = :organ and active = true order by name_pinyin, id")
			.param("organ", organId).query(LeadershipPeopleRegistry::map).list();
	}

	private static Person map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		return new Person(rs.getLong("id"), rs.getString("name"), rs.getLong("organ_id"), rs.getBoolean("active"));
	}
}
