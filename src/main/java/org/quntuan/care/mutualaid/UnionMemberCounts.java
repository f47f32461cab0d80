package org.quntuan.care.mutualaid;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The union members (active, 会员) of every organ, the denominator of the participation rate, counted
 * over the whole person table and kept for {@code quntuan.care.mutual-aid.members-ttl} (a minute): the
 * board is read often and by many while union membership changes rarely, so the board's own query reads
 * only the plan's targets and the enrolments' (plan, organ) index. Enrolments are always live.
 */
@Component
class UnionMemberCounts {

	private record Snapshot(Map<Long, Long> counts, Instant at) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration ttl;

	private volatile Snapshot snapshot;

	UnionMemberCounts(JdbcClient jdbc, Clock clock,
			@Value("${quntuan.care.mutual-aid.members-ttl:PT1M}") Duration ttl) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.ttl = ttl;
	}

	Map<Long, Long> byOrgan() {
		Snapshot s = snapshot;
		Instant now = clock.instant();
		if (s == null || ttl.isZero() || !s.at().plus(ttl).isAfter(now)) {
			Map<Long, Long> counts = new HashMap<>();
			jdbc.sql("""
					select organ_id, count(*) from person where active = true and union_status = 'MEMBER' group by organ_id""")
				.query((rs, i) -> counts.put(rs.getLong(1), rs.getLong(2))).list();
			s = new Snapshot(Map.copyOf(counts), now);
			snapshot = s;
		}
		return s.counts();
	}

	long total() {
		return byOrgan().values().stream().mapToLong(Long::longValue).sum();
	}
}
