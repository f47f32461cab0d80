package org.quntuan.member;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.quntuan.platform.Masking;
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
			return java.time.Period.between(birthDate, day).getYears();
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

	private static Facts map(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Facts(rs.getLong("id"), rs.getString("name"), rs.getLong("organ_id"),
				Gender.valueOf(rs.getString("gender")), rs.getObject("birth_date", LocalDate.class),
				Masking.keepHeadAndTail(rs.getString("mobile")), rs.getBoolean("active"));
	}
}
