package org.quntuan.activity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import org.quntuan.activity.ActivityEligibilityRule.Candidate;
import org.quntuan.platform.Invalidation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every published activity that has not ended, with its audience, held in memory for a few seconds
 * ({@code quntuan.activities.open-cache-ttl}): the member's list of open activities is the most
 * read list of the platform, and finding its rows in SQL (the audience of each of the city's
 * activities matched against the member's organ) cost more than everything else of the request.
 * <p>
 * What the snapshot decides is only which activities a member's list considers, in which order;
 * their seats and status are read afresh for the page shown ({@link #published}), and signing up checks
 * everything again under the activity's lock. Every change of an activity made through
 * {@link ActivityRepository} (publish, edit, audience, cancel) drops the snapshot when it commits;
 * a change made on another node shows here within the time-to-live.
 */
@Component
class OpenActivities {

	/** The columns of a list row: the description (up to a page of text) is not needed for a card. */
	static final String COLUMNS = ActivityRow.COLUMNS.replace("a.description", "cast(null as varchar(1)) as description");

	/** An open activity and whom it is meant for. */
	record Entry(ActivityRow row, Set<String> audiencePaths, Set<Long> memberOrgans) {

		boolean meantFor(Candidate c, List<String> organAncestors) {
			if (row.gender() != null && !row.gender().equals(c.gender())) {
				return false;
			}
			if (memberOrgans.contains(c.organId())) {
				return true;
			}
			for (String path : organAncestors) {
				if (audiencePaths.contains(path)) {
					return true;
				}
			}
			return false;
		}
	}

	private record Snapshot(List<Entry> entries, Instant takenAt) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration ttl;

	private final ReentrantLock loading = new ReentrantLock();

	/** Bumped by every change, so that a snapshot read while a change committed is not kept. */
	private final AtomicLong generation = new AtomicLong();

	private volatile Snapshot snapshot;

	OpenActivities(JdbcClient jdbc, Clock clock, @Value("${quntuan.activities.open-cache-ttl:PT10S}") Duration ttl) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.ttl = ttl;
	}

	/**
	 * The open activities meant for the candidate (audience and gender), soonest first, at most
	 * {@code limit} of them.
	 */
	List<ActivityRow> meantFor(Candidate c, int limit) {
		OffsetDateTime now = OffsetDateTime.now(clock);
		List<String> ancestors = ActivityQueries.ancestors(c.organPath());
		List<ActivityRow> rows = new ArrayList<>();
		for (Entry e : current().entries()) {
			if (rows.size() >= limit) {
				break;
			}
			if (!e.row().endAt().isBefore(now) && e.meantFor(c, ancestors)) {
				rows.add(e.row());
			}
		}
		return rows;
	}

	/** These activities as they are now (seats, status), by id; those gone or no longer published left out. */
	Map<Long, ActivityRow> published(List<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<Long, ActivityRow> now = new HashMap<>();
		jdbc.sql("select " + COLUMNS + " from activity a where a.id in (:ids) and a.status = 'PUBLISHED'")
			.param("ids", ids)
			.query(ActivityRow::map)
			.list()
			.forEach(r -> now.put(r.id(), r));
		return now;
	}

	/** An activity was published, changed or cancelled: the snapshot goes, now and when that commits. */
	void changed() {
		Invalidation.nowAndAtTransactionEnd(() -> {
			generation.incrementAndGet();
			snapshot = null;
		});
	}

	private Snapshot current() {
		Snapshot s = snapshot;
		if (s != null && fresh(s)) {
			return s;
		}
		if (s != null && !loading.tryLock()) {
			// another request is reading the new one: the previous one serves meanwhile
			return s;
		}
		if (s == null) {
			loading.lock();
		}
		try {
			s = snapshot;
			if (s != null && fresh(s)) {
				return s;
			}
			long seen = generation.get();
			s = load();
			if (generation.get() == seen) {
				snapshot = s;
			}
			return s;
		}
		finally {
			loading.unlock();
		}
	}

	private boolean fresh(Snapshot s) {
		return s.takenAt().plus(ttl).isAfter(clock.instant());
	}

	private Snapshot load() {
		Instant takenAt = clock.instant();
		OffsetDateTime now = OffsetDateTime.now(clock);
		List<ActivityRow> rows = jdbc
			.sql("select " + COLUMNS + " from activity a where a.status = 'PUBLISHED' and a.end_at >= :now order by a.start_at, a.id")
			.param("now", now)
			.query(ActivityRow::map)
			.list();
		Map<Long, Set<String>> paths = new HashMap<>();
		Map<Long, Set<Long>> organs = new HashMap<>();
		jdbc.sql("""
				select au.activity_id, au.org_path, au.member_organ_id from activity_audience au
				join activity a on a.id = au.activity_id where a.status = 'PUBLISHED' and a.end_at >= :now""")
			.param("now", now)
			.query(rs -> {
				long id = rs.getLong("activity_id");
				Long organ = rs.getObject("member_organ_id", Long.class);
				paths.computeIfAbsent(id, k -> new HashSet<>()).add(rs.getString("org_path"));
				if (organ != null) {
					organs.computeIfAbsent(id, k -> new HashSet<>()).add(organ);
				}
			});
		List<Entry> entries = rows.stream()
			.map(r -> new Entry(r, paths.getOrDefault(r.id(), Set.of()), organs.getOrDefault(r.id(), Set.of())))
			.toList();
		return new Snapshot(entries, takenAt);
	}
}
