package org.quntuan.volunteer;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.quntuan.platform.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules (the assessment, the dashboard) may know of volunteering: per org and year, the
 * verified hours served in the year by the people of its organs and the approved volunteers among them.
 * Sums only, no person: unscoped, computed for all organs at once.
 */
@Service
@Transactional(readOnly = true)
public class VolunteerQueries {

	/** @param verifiedHours one decimal; {@code volunteers} approved registrations now */
	public record OrgFigures(long orgId, int year, BigDecimal verifiedHours, long volunteers) {
	}

	private final RankingRepository rankings;

	private final JdbcClient jdbc;

	VolunteerQueries(RankingRepository rankings, JdbcClient jdbc) {
		this.rankings = rankings;
		this.jdbc = jdbc;
	}

	/** The figures of every organ with volunteers or hours in the year, by organ id. */
	public Map<Long, OrgFigures> byOrgan(int year) {
		return rankings.organFigures(year).stream().collect(Collectors.toMap(RankingRepository.OrganFigures::organId,
				f -> new OrgFigures(f.organId(), year, f.hours(), f.volunteers())));
	}

	/** The figures of an org: the sums over the organs in its subtree (a union's: its organ's). */
	public OrgFigures of(long orgId, int year) {
		// a union, league branch or women's committee stands for the people of its organ
		String path = jdbc.sql("""
				select case when o.type in ('UNION', 'LEAGUE', 'WOMEN') then parent.path else o.path end
				from org o left join org parent on parent.id = o.parent_id where o.id = :id""")
			.param("id", orgId).query(String.class).optional()
			.orElseThrow(NotFoundException::new);
		List<RankingRepository.OrganFigures> under = rankings.organFigures(year).stream()
			.filter(f -> f.organPath().startsWith(path))
			.toList();
		return new OrgFigures(orgId, year,
				under.stream().map(RankingRepository.OrganFigures::hours).reduce(BigDecimal.ZERO, BigDecimal::add)
					.setScale(1),
				under.stream().mapToLong(RankingRepository.OrganFigures::volunteers).sum());
	}
}
