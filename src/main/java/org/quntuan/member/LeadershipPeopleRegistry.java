package org.quntuan.member;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.quntuan.organization.LeadershipPeople;
import org.quntuan.platform.Masking;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells the organization module who may stand for a leadership team: names, organs and whether the
 * person is still on the register. No personal data beyond the name and a masked mobile leaves this
 * module.
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

	@Override
	public List<Choice> searchInOrgan(long organId, String q, int limit) {
		PersonRepository.Search search = PersonRepository.search(q);
		return jdbc.sql("select p.id, p.name, p.mobile from person p where p.organ_id = :organ and p.active = true"
				+ search.sql() + " order by p.name_pinyin, p.id fetch first " + Math.max(1, Math.min(limit, 200))
				+ " rows only")
			.params(search.params()).param("organ", organId)
			.query((rs, i) -> new Choice(rs.getLong("id"), rs.getString("name"),
					Masking.keepHeadAndTail(rs.getString("mobile"))))
			.list();
	}

	private static Person map(ResultSet rs, int i) throws SQLException {
		return new Person(rs.getLong("id"), rs.getString("name"), rs.getLong("organ_id"), rs.getBoolean("active"));
	}
}
