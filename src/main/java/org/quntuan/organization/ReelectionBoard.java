package org.quntuan.organization;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.quntuan.platform.Coded;
import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.ScopeGrant;
import org.quntuan.platform.Zones;
import org.quntuan.platform.reads.ReadsJdbc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The re-election board: every union, league branch and women's committee the caller administers,
 * with its term end and where it stands, overdue first. Two set-based queries whatever the number
 * of orgs: the orgs with their current team and open re-election, and the names of the groups.
 */
@Service
@Transactional(readOnly = true)
public class ReelectionBoard {

	/** Reminders start, and the board warns, this long before a term ends. */
	static final int DUE_MONTHS = 3;

	/** Optional narrowing of the board; null fields do not filter. */
	public record Filter(String type, Long groupId, String state, String q) {

		public static final Filter NONE = new Filter(null, null, null, null);
	}

	private final JdbcClient jdbc;

	private final CurrentUserProvider users;

	private final Clock clock;

	/** The board only reads: it may go to the read-only standby. */
	ReelectionBoard(ReadsJdbc reads, CurrentUserProvider users, Clock clock) {
		this.jdbc = reads.client();
		this.users = users;
		this.clock = clock;
	}

	public List<ReelectionBoardRow> rows(Filter filter) {
		List<String> prefixes = users.current().scope().adminGrants().stream().map(ScopeGrant::orgPath).distinct()
			.toList();
		if (prefixes.isEmpty()) {
			throw new ForbiddenException("organization.reelection.error.board-admin-only");
		}
		List<String> terms = new ArrayList<>();
		Map<String, Object> params = new HashMap<>();
		for (int i = 0; i < prefixes.size(); i++) {
			terms.add("o.path like :p" + i);
			params.put("p" + i, prefixes.get(i) + "%");
		}
		Map<Long, String> groups = new HashMap<>();
		jdbc.sql("select id, name from org where type = 'GROUP'")
			.query(rs -> {
				groups.put(rs.getLong("id"), rs.getString("name"));
			});
		LocalDate today = today();
		OrgType type = filter.type() == null || filter.type().isBlank() ? null
				: Coded.parse(OrgType.class, filter.type());
		ReelectionBoardState state = filter.state() == null || filter.state().isBlank() ? null
				: Coded.parse(ReelectionBoardState.class, filter.state());
		String q = filter.q() == null || filter.q().isBlank() ? null : filter.q().strip();
		String groupSegment = filter.groupId() == null ? null : "/" + filter.groupId() + "/";
		List<ReelectionBoardRow> rows = new ArrayList<>();
		jdbc.sql("""
				select o.id, o.name, o.type, o.path, p.name as organ_name, t.term_start, t.term_end,
				  r.id as reelection_id, r.status
				from org o
				left join org p on p.id = o.parent_id
				left join leadership_team t on t.current_org_id = o.id
				left join reelection r on r.open_org_id = o.id
				where o.active = true and o.type in ('UNION', 'LEAGUE', 'WOMEN') and (""" + String.join(" or ", terms) + ")")
			.params(params)
			.query(rs -> {
				OrgType orgType = OrgType.valueOf(rs.getString("type"));
				String path = rs.getString("path");
				String name = rs.getString("name");
				if ((type != null && orgType != type) || (groupSegment != null && !path.contains(groupSegment))
						|| (q != null && !name.contains(q))) {
					return;
				}
				LocalDate termEnd = rs.getObject("term_end", LocalDate.class);
				String open = rs.getString("status");
				ReelectionBoardState s = state(termEnd, open == null ? null : ReelectionStatus.valueOf(open), today);
				if (state != null && s != state) {
					return;
				}
				rows.add(new ReelectionBoardRow(rs.getLong("id"), name, orgType.toCodeLabel(), rs.getString("organ_name"),
						groupOf(path, groups), rs.getObject("term_start", LocalDate.class), termEnd, s.toCodeLabel(),
						termEnd != null && termEnd.isBefore(today), rs.getObject("reelection_id", Long.class)));
			});
		rows.sort(ORDER);
		return rows;
	}

	/** Overdue first (longest overdue at the top), then orgs without a team, then by term end. */
	static final Comparator<ReelectionBoardRow> ORDER = Comparator
		.comparing((ReelectionBoardRow r) -> !r.overdue())
		.thenComparing(r -> r.termEnd() != null)
		.thenComparing(ReelectionBoardRow::termEnd, Comparator.nullsFirst(Comparator.naturalOrder()))
		.thenComparing(ReelectionBoardRow::orgId);

	/** The groups within the caller's admin reach, for the board's filter. */
	public List<OrgSummary> groups() {
		return users.current().scope().adminGrants().stream().map(ScopeGrant::orgPath).distinct()
			.flatMap(prefix -> jdbc.sql("select o.id, o.parent_id, o.type, o.name, o.path, o.depth, o.active, o.version"
					+ " from org o where o.type = 'GROUP' and o.path like :p order by o.sort_order, o.name_pinyin")
				.param("p", prefix + "%").query(OrgRepository::map).list().stream())
			.distinct().toList();
	}

	static ReelectionBoardState state(LocalDate termEnd, ReelectionStatus open, LocalDate today) {
		if (open != null && open.isOpen()) {
			return ReelectionBoardState.of(open);
		}
		if (termEnd == null) {
			return ReelectionBoardState.NO_TEAM;
		}
		if (termEnd.isBefore(today)) {
			return ReelectionBoardState.OVERDUE;
		}
		return termEnd.isAfter(today.plusMonths(DUE_MONTHS)) ? ReelectionBoardState.NORMAL
				: ReelectionBoardState.DUE_SOON;
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.BUSINESS));
	}

	private static String groupOf(String path, Map<Long, String> groups) {
		for (String segment : path.split("/")) {
			if (!segment.isEmpty()) {
				String name = groups.get(Long.valueOf(segment));
				if (name != null) {
					return name;
				}
			}
		}
		return null;
	}
}
