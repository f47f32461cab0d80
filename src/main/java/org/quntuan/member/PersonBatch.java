package org.quntuan.member;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.quntuan.platform.SqlCondition;
import org.quntuan.platform.Zones;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for many people at once: set-based look-ups in chunks and batched inserts, so that an import
 * of tens of thousands of rows takes a handful of round trips rather than one per row.
 */
@Repository
class PersonBatch {

	/** Values per {@code in (:list)}: well below every database's limit on bound parameters. */
	static final int CHUNK = 1000;

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate named;

	private final PersonRepository persons;

	PersonBatch(JdbcClient jdbc, NamedParameterJdbcTemplate named, PersonRepository persons) {
		this.persons = persons;
		this.jdbc = jdbc;
		this.named = named;
	}

	/** Which of these ID numbers belong to someone already, active or not. */
	Set<String> takenIdNumbers(Collection<String> idNumbers) {
		return existing("select id_number from person where id_number in (:list)", idNumbers);
	}

	/** Which of these mobiles an active person uses. */
	Set<String> takenMobiles(Collection<String> mobiles) {
		return existing("select active_mobile from person where active_mobile in (:list)", mobiles);
	}

	/** A person already registered under one of the numbers of a file, and the organ they belong to. */
	record Holder(long id, long organId) {
	}

	/** Which of these ID numbers belong to someone the condition holds for (the caller's people). */
	Set<String> takenIdNumbersOf(Collection<String> idNumbers, SqlCondition among) {
		return existing("select p.id_number from person p where p.id_number in (:list) and " + among.sql(), idNumbers,
				among.params());
	}

	/** Which of these mobiles an active person the condition holds for uses. */
	Set<String> takenMobilesOf(Collection<String> mobiles, SqlCondition among) {
		return existing("select p.active_mobile from person p where p.active_mobile in (:list) and " + among.sql(),
				mobiles, among.params());
	}

	/** The people who hold any of these ID numbers or (active) mobiles. */
	List<Holder> holders(Collection<String> idNumbers, Collection<String> mobiles) {
		List<Holder> found = new ArrayList<>();
		for (List<String> chunk : chunks(idNumbers)) {
			found.addAll(jdbc.sql("select id, organ_id from person where id_number in (:list)").param("list", chunk)
				.query((rs, n) -> new Holder(rs.getLong("id"), rs.getLong("organ_id"))).list());
		}
		for (List<String> chunk : chunks(mobiles)) {
			found.addAll(jdbc.sql("select id, organ_id from person where active_mobile in (:list)").param("list", chunk)
				.query((rs, n) -> new Holder(rs.getLong("id"), rs.getLong("organ_id"))).list());
		}
		return found.stream().distinct().toList();
	}

	private Set<String> existing(String sql, Collection<String> values, Map<String, Object> params) {
		Set<String> found = new HashSet<>();
		for (List<String> chunk : chunks(values)) {
			found.addAll(jdbc.sql(sql).params(params).param("list", chunk).query(String.class).list());
		}
		return found;
	}

	private Set<String> existing(String sql, Collection<String> values) {
		Set<String> found = new HashSet<>();
		for (List<String> chunk : chunks(values)) {
			found.addAll(jdbc.sql(sql).param("list", chunk).query(String.class).list());
		}
		return found;
	}

	/**
	 * Inserts the people and the first period of each one's organ history, as a registration does.
	 *
	 * @return how many people were inserted
	 */
	int insertAll(List<PersonValues> people, OffsetDateTime now) {
		if (people.isEmpty()) {
			return 0;
		}
		SqlParameterSource[] rows = people.stream()
			.map(v -> new MapSqlParameterSource(v.params()).addValue("now", now))
			.toArray(SqlParameterSource[]::new);
		persons.changed();
		named.batchUpdate(PersonRepository.INSERT, rows);
		Map<String, Long> ids = new HashMap<>();
		for (List<String> chunk : chunks(people.stream().map(PersonValues::idNumber).toList())) {
			jdbc.sql("select id, id_number from person where id_number in (:list)")
				.param("list", chunk)
				.query(rs -> {
					ids.put(rs.getString("id_number"), rs.getLong("id"));
				});
		}
		SqlParameterSource[] periods = people.stream()
			.map(v -> new MapSqlParameterSource().addValue("p", ids.get(v.idNumber()))
				.addValue("o", v.organId())
				.addValue("d", now.atZoneSameInstant(Zones.BUSINESS).toLocalDate())
				.addValue("r", PersonRepository.FIRST_PERIOD_REASON))
			.toArray(SqlParameterSource[]::new);
		named.batchUpdate(PersonRepository.INSERT_FIRST_PERIOD, periods);
		return people.size();
	}

	static <T> List<List<T>> chunks(Collection<T> values) {
		List<T> all = new ArrayList<>(values);
		List<List<T>> chunks = new ArrayList<>();
		for (int i = 0; i < all.size(); i += CHUNK) {
			chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
		}
		return chunks;
	}
}
