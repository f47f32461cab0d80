package org.quntuan.member;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.quntuan.platform.Masking;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.SqlPages;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Unscoped facts of people for modules that decide who may take part in something (activities:
 * organ, gender, age) and list participants to their organizers. The mobile comes masked only: whole
 * numbers are for {@link MemberQueries}, which logs each view.
 */
@Service
@Transactional(readOnly = true)
public class PersonFacts {

	private static final int CHUNK = 500;

	/** @param maskedMobile the mobile as lists show it, e.g. 138****5678 */
	public record Facts(long id, String name, long organId, Gender gender, LocalDate birthDate, String maskedMobile,
			boolean active) {

		/** Whole years of age on a day. */
		public int ageOn(LocalDate day) {
			return Period.between(birthDate, day).getYears();
		}
	}

	private static final String COLUMNS = "id, name, organ_id, gender, birth_date, mobile, active";

	private final JdbcClient jdbc;

	PersonFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Facts> find(long personId) {
		return jdbc.sql("select " + COLUMNS + " from person where id = :id").param("id", personId)
			.query((rs, i) -> map(rs)).optional();
	}

	/** Person id → facts, for the ids that exist. */
	public Map<Long, Facts> findAll(Collection<Long> personIds) {
		Map<Long, Facts> result = new HashMap<>();
		List<Long> ids = new ArrayList<>(personIds.stream().distinct().toList());
		for (int from = 0; from < ids.size(); from += CHUNK) {
			jdbc.sql("select " + COLUMNS + " from person where id in (:ids)")
				.param("ids", ids.subList(from, Math.min(from + CHUNK, ids.size())))
				.query((rs, i) -> map(rs)).list().forEach(f -> result.put(f.id(), f));
		}
		return result;
	}

	/** A person by id and name, e.g. a union member on a dues sheet. */
	public record Named(long id, String name) {
	}

	/**
	 * A person of an organ found by ID number, for matching a payroll file.
	 *
	 * @param unionMember an active person with union status 会员
	 */
	public record Matched(long id, String name, boolean unionMember) {
	}

	private static final String UNION_MEMBER = "p.active = true and p.union_status = 'MEMBER'";

	/** The union members of an organ (its active people with union status 会员), by pinyin of their names. */
	public List<Named> unionMembers(long organId) {
		return jdbc.sql("select p.id, p.name from person p where p.organ_id = :organ and " + UNION_MEMBER
				+ " order by p.name_pinyin, p.id").param("organ", organId)
			.query((rs, i) -> new Named(rs.getLong("id"), rs.getString("name"))).list();
	}

	/** A page of {@link #unionMembers(long)}, by pinyin. */
	public PageResult<Named> unionMembers(long organId, PageRequest page) {
		return SqlPages.page(jdbc, "p.id, p.name", "from person p where p.organ_id = :organ and " + UNION_MEMBER,
				"p.name_pinyin, p.id", Map.of("organ", organId), page,
				(rs, i) -> new Named(rs.getLong("id"), rs.getString("name")));
	}

	/** Whether a person is, now, an active union member. */
	public boolean isUnionMember(long personId) {
		return jdbc.sql("select count(*) from person p where p.id = :id and " + UNION_MEMBER).param("id", personId)
			.query(Long.class).single() > 0;
	}

	/** These people's names, by pinyin. */
	public List<Named> names(Collection<Long> personIds) {
		List<Long> ids = new ArrayList<>(personIds.stream().distinct().toList());
		List<Object[]> rows = new ArrayList<>();
		for (int from = 0; from < ids.size(); from += CHUNK) {
			jdbc.sql("select id, name, name_pinyin from person where id in (:ids)")
				.param("ids", ids.subList(from, Math.min(from + CHUNK, ids.size())))
				.query(rs -> {
					rows.add(new Object[] { rs.getLong("id"), rs.getString("name"), rs.getString("name_pinyin") });
				});
		}
		return rows.stream()
			.sorted(Comparator.comparing((Object[] r) -> (String) r[2]).thenComparing(r -> (Long) r[0]))
			.map(r -> new Named((Long) r[0], (String) r[1]))
			.toList();
	}

	/** The people of an organ with one of these ID numbers (upper-case X), keyed by ID number. */
	public Map<String, Matched> byIdNumbers(long organId, Collection<String> idNumbers) {
		Map<String, Matched> result = new HashMap<>();
		List<String> numbers = new ArrayList<>(idNumbers.stream().distinct().toList());
		for (int from = 0; from < numbers.size(); from += CHUNK) {
			jdbc.sql("select p.id, p.name, p.id_number, case when " + UNION_MEMBER
					+ " then 1 else 0 end as member from person p where p.organ_id = :organ and p.id_number in (:n)")
				.param("organ", organId).param("n", numbers.subList(from, Math.min(from + CHUNK, numbers.size())))
				.query(rs -> {
					result.put(rs.getString("id_number"),
							new Matched(rs.getLong("id"), rs.getString("name"), rs.getInt("member") == 1));
				});
		}
		return result;
	}

	private static Facts map(ResultSet rs) throws SQLException {
		return new Facts(rs.getLong("id"), rs.getString("name"), rs.getLong("organ_id"),
				Gender.valueOf(rs.getString("gender")), rs.getObject("birth_date", LocalDate.class),
				Masking.keepHeadAndTail(rs.getString("mobile")), rs.getBoolean("active"));
	}
}
