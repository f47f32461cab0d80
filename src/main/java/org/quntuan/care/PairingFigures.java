package org.quntuan.care;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A year's pairing (结对共建) figures per org, for the annual assessment and the dashboard: the pairs whose
 * term holds the year, the problems raised in the year and those solved (已解决) in it. An org counts the
 * pairs of the organs in its subtree, or, for a 工会 / 团组织 / 妇委会, those of its organ.
 */
@Service
@Transactional(readOnly = true)
public class PairingFigures {

	/** @param problemsSolved problems closed as 已解决 in the year */
	public record OrgYear(long orgId, int year, int pairs, int problemsRaised, int problemsSolved) {
	}

	private static final String ORGANS = """
			select organ.id from org organ, org o where o.id = :org and organ.type = 'ORGAN'
			  and (organ.path like o.path || '%' or (o.type in ('UNION', 'LEAGUE', 'WOMEN') and organ.id = o.parent_id))""";

	private final JdbcClient jdbc;

	PairingFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public OrgYear org(long orgId, int year) {
		LocalDate from = LocalDate.of(year, 1, 1);
		LocalDate to = LocalDate.of(year + 1, 1, 1);
		int pairs = jdbc.sql("select count(*) from care_pair where start_year <= :y and end_year >= :y and organ_id in ("
				+ ORGANS + ")").param("y", year).param("org", orgId).query(Integer.class).single();
		int raised = jdbc.sql("""
				select count(*) from care_pair_problem pb join care_pair pr on pr.id = pb.pair_id
				where pb.raised_on >= :from and pb.raised_on < :to and pr.organ_id in (""" + ORGANS + ")")
			.param("from", from).param("to", to).param("org", orgId).query(Integer.class).single();
		int solved = jdbc.sql("""
				select count(*) from care_pair_problem pb join care_pair pr on pr.id = pb.pair_id
				where pb.status = 'SOLVED' and pb.closed_on >= :from and pb.closed_on < :to and pr.organ_id in (""" + ORGANS
				+ ")")
			.param("from", from).param("to", to).param("org", orgId).query(Integer.class).single();
		return new OrgYear(orgId, year, pairs, raised, solved);
	}

	/** Every organ with a pair in the year, at once (organ id → figures). */
	public Map<Long, OrgYear> byOrgan(int year) {
		Map<Long, OrgYear> result = new LinkedHashMap<>();
		jdbc.sql("""
				select pr.organ_id, count(distinct pr.id),
				  count(distinct case when pb.raised_on >= :from and pb.raised_on < :to then pb.id end),
				  count(distinct case when pb.status = 'SOLVED' and pb.closed_on >= :from and pb.closed_on < :to then pb.id end)
				from care_pair pr left join care_pair_problem pb on pb.pair_id = pr.id
				where pr.start_year <= :y and pr.end_year >= :y group by pr.organ_id order by pr.organ_id""")
			.param("y", year).param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year + 1, 1, 1))
			.query(rs -> {
				long organ = rs.getLong(1);
				result.put(organ, new OrgYear(organ, year, rs.getInt(2), rs.getInt(3), rs.getInt(4)));
			});
		return result;
	}
}
