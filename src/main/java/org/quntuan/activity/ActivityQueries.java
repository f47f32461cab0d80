package org.quntuan.activity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.quntuan.activity.ActivityEligibilityRule.Candidate;
import org.quntuan.activity.ActivityViews.Card;
import org.quntuan.activity.ActivityViews.Detail;
import org.quntuan.activity.ActivityViews.Registrant;
import org.quntuan.activity.ActivityViews.Registrants;
import org.quntuan.activity.ActivityViews.Stats;
import org.quntuan.member.Gender;
import org.quntuan.member.PersonFacts;
import org.quntuan.organization.OrgSummary;
import org.quntuan.organization.OrganizationQueries;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.ScopeGrant;
import org.quntuan.platform.SqlCondition;
import org.quntuan.platform.SqlPages;
import org.quntuan.platform.Text;
import org.quntuan.platform.Zones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of activities: for members (open to them, their own), organizers, and other modules' figures. */
@Service
@Transactional(readOnly = true)
public class ActivityQueries {

	/** A member's list shows at most this many upcoming activities. */
	static final int LIST_LIMIT = 200;

	private final JdbcClient jdbc;

	private final ActivityRepository activities;

	private final ActivityAccess access;

	private final PersonFacts people;

	private final OrganizationQueries orgs;

	private final List<ActivityEligibilityRule> rules;

	private final Clock clock;

	private final OpenActivities open;

	ActivityQueries(JdbcClient jdbc, ActivityRepository activities, ActivityAccess access, PersonFacts people,
			OrganizationQueries orgs, List<ActivityEligibilityRule> rules, Clock clock, OpenActivities open) {
		this.open = open;
		this.jdbc = jdbc;
		this.activities = activities;
		this.access = access;
		this.people = people;
		this.orgs = orgs;
		this.rules = rules;
		this.clock = clock;
	}

	private static final String CARD_COLUMNS = ActivityRow.COLUMNS
			+ ", r.status my_status, r.waitlist_seq my_seq, r.attended_at my_attended_at";

	private record CardRow(ActivityRow activity, String myStatus, Integer mySeq, OffsetDateTime myAttendedAt) {

		static CardRow map(ResultSet rs, int i) throws SQLException {
			return new CardRow(ActivityRow.map(rs, i), rs.getString("my_status"), rs.getObject("my_seq", Integer.class),
					rs.getObject("my_attended_at", OffsetDateTime.class));
		}
	}

	/**
	 * The published activities open to the caller that have not ended, soonest first. The audience
	 * and gender are matched in SQL (the audience roots are the ancestors of the caller's organ, or
	 * the organ of a chosen 工会 / 团组织 / 妇委会); every eligibility rule then has its say.
	 */
	/** One page of {@link #openToMe(int, int)}; more: a further page exists. */
	public record CardPage(List<Card> cards, int page, int size, boolean more) {
	}

	/** The default page size of the member's list: a phone screen's worth of cards, a few scrolls. */
	public static final int PAGE_SIZE = 30;

	/**
	 * A page of the activities open to the caller. The rows are filtered by the eligibility rules in
	 * memory, so the page is cut after filtering; cards (organizer names, wait list positions) are
	 * built and serialised for that page only.
	 */
	public CardPage openToMe(int page, int size) {
		if (page < 0) {
			throw new InvalidValueException("page", "activity.error.page-negative");
		}
		if (size < 1 || size > LIST_LIMIT) {
			throw new InvalidValueException("size", Text.of("activity.error.page-size", LIST_LIMIT));
		}
		List<CardRow> eligible = eligibleForMe(Math.min(LIST_LIMIT, (page + 1) * size + 1));
		int from = Math.min(page * size, eligible.size());
		int to = Math.min(from + size, eligible.size());
		return new CardPage(cards(current(eligible.subList(from, to))), page, size, to < eligible.size());
	}

	/**
	 * The first {@code wanted} open activities the caller may register for (or is registered for),
	 * soonest first. The SQL applies the audience and gender; the eligibility rules then run in
	 * memory on the rows it returns, so it first asks for just enough rows and only asks for more
	 * (up to {@link #LIST_LIMIT}) when a rule refused some of them.
	 */
	private List<CardRow> eligibleForMe(int wanted) {
		Optional<Candidate> me = access.candidate(access.user());
		if (me.isEmpty()) {
			return List.of();
		}
		Candidate c = me.get();
		int limit = Math.min(LIST_LIMIT, wanted);
		while (true) {
			List<CardRow> rows = openRows(c, limit);
			// every row's audience covers the caller (the SQL's exists), which is all the audience rule
			// asks: offer it the caller's own organ as the matching root instead of loading the roots
			List<ActivityEligibilityRule.AudienceRoot> matched = List
				.of(new ActivityEligibilityRule.AudienceRoot(c.organId(), c.organPath(), c.organId()));
			List<CardRow> eligible = rows.stream()
				.filter(row -> row.myStatus() != null
						|| access.refusal(access.offer(row.activity(), matched), c).isEmpty())
				.toList();
			if (eligible.size() >= wanted || rows.size() < limit || limit >= LIST_LIMIT) {
				return eligible;
			}
			limit = LIST_LIMIT;
		}
	}

	/**
	 * The open activities meant for the candidate ({@link OpenActivities}, in memory) with the
	 * candidate's own registrations, read for those activities only.
	 */
	private List<CardRow> openRows(Candidate c, int limit) {
		List<ActivityRow> rows = open.meantFor(c, limit);
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<Long, CardRow> cards = new LinkedHashMap<>();
		rows.forEach(a -> cards.put(a.id(), new CardRow(a, null, null, null)));
		jdbc.sql("""
				select activity_id, status, waitlist_seq, attended_at from activity_registration
				where person_id = :person and activity_id in (:ids)""")
			.param("person", c.personId()).param("ids", List.copyOf(cards.keySet()))
			.query(rs -> {
				long id = rs.getLong("activity_id");
				cards.put(id, new CardRow(cards.get(id).activity(), rs.getString("status"),
						rs.getObject("waitlist_seq", Integer.class), rs.getObject("attended_at", OffsetDateTime.class)));
			});
		return List.copyOf(cards.values());
	}

	/** The page's rows with their seats and status as they are now (the list itself came from memory). */
	private List<CardRow> current(List<CardRow> page) {
		Map<Long, ActivityRow> now = open.published(page.stream().map(r -> r.activity().id()).toList());
		return page.stream()
			.filter(r -> now.containsKey(r.activity().id()))
			.map(r -> new CardRow(now.get(r.activity().id()), r.myStatus(), r.mySeq(), r.myAttendedAt()))
			.toList();
	}

	/** "/1/7/42/" → "/1/", "/1/7/", "/1/7/42/": the subtrees the organ lies in. */
	static List<String> ancestors(String path) {
		List<String> result = new ArrayList<>();
		int from = 1;
		int slash;
		while ((slash = path.indexOf('/', from)) > 0) {
			result.add(path.substring(0, slash + 1));
			from = slash + 1;
		}
		return result;
	}

	/**
	 * A page of {@link #openToMe(int, int)} in the API's shape. The eligibility rules run in memory,
	 * so the total counts the rows that pass them among the first {@link #LIST_LIMIT} open ones.
	 */
	public PageResult<Card> openToMe(PageRequest page) {
		List<CardRow> eligible = eligibleForMe(LIST_LIMIT);
		int from = (int) Math.min(page.offset(), eligible.size());
		int to = Math.min(from + page.size(), eligible.size());
		return PageResult.of(cards(current(eligible.subList(from, to))), page, eligible.size());
	}

	/** The caller's registrations (cancelled ones too), latest activity first. */
	public List<Card> mine() {
		return mine(new PageRequest(0, LIST_LIMIT)).content();
	}

	public PageResult<Card> mine(PageRequest page) {
		CurrentUser user = access.user();
		if (user.personId() == null) {
			return PageResult.of(List.of(), page, 0);
		}
		PageResult<CardRow> rows = SqlPages.page(jdbc, CARD_COLUMNS,
				"from activity_registration r join activity a on a.id = r.activity_id where r.person_id = :person",
				"a.start_at desc, a.id desc", Map.of("person", user.personId()), page, CardRow::map);
		return new PageResult<>(cards(rows.content()), rows.page(), rows.size(), rows.totalElements(), rows.totalPages());
	}

	/** The activities the caller organizes (their admin subtrees), latest first. */
	public List<Card> managed() {
		return managed(new PageRequest(0, LIST_LIMIT)).content();
	}

	public PageResult<Card> managed(PageRequest page) {
		CurrentUser user = access.user();
		List<String> paths = user.scope().adminGrants().stream().map(ScopeGrant::orgPath).distinct().toList();
		if (paths.isEmpty()) {
			throw new ForbiddenException("activity.error.manage-admin-only");
		}
		SqlCondition organized = SqlCondition.pathUnder("a.organizer_path", "p", paths);
		// typed nulls: PostgreSQL reads a bare null column as text
		PageResult<CardRow> rows = SqlPages.page(jdbc, ActivityRow.COLUMNS + ", cast(null as varchar(20)) my_status,"
				+ " cast(null as integer) my_seq, cast(null as timestamp with time zone) my_attended_at",
				"from activity a where " + organized.sql(), "a.start_at desc, a.id desc", organized.params(), page,
				CardRow::map);
		return new PageResult<>(cards(rows.content()), rows.page(), rows.size(), rows.totalElements(), rows.totalPages());
	}

	private List<Card> cards(List<CardRow> rows) {
		Map<Long, String> organizers = orgNames(rows.stream().map(r -> r.activity().organizerOrgId()).toList());
		return rows.stream().map(row -> {
			ActivityRow a = row.activity();
			RegistrationStatus my = row.myStatus() == null ? null : RegistrationStatus.valueOf(row.myStatus());
			Integer position = my == RegistrationStatus.WAITLISTED ? activities.waitlistPosition(a.id(), row.mySeq())
					: null;
			return new Card(a.id(), a.title(), a.type().toCodeLabel(), organizers.get(a.organizerOrgId()), a.place(),
					a.startAt(), a.endAt(), a.signupOpensAt(), a.signupClosesAt(), a.seats(), a.confirmedCount(),
					a.pendingCount(), a.status().toCodeLabel(), my == null ? null : my.toCodeLabel(), position,
					row.myAttendedAt(), a.coverFileId());
		}).toList();
	}

	private Map<Long, String> orgNames(Collection<Long> ids) {
		return orgs.findAll(ids.stream().distinct().toList()).stream()
			.collect(Collectors.toMap(OrgSummary::id, OrgSummary::name, (x, y) -> x));
	}

	public Detail detail(long id) {
		ActivityRow a = access.visible(id);
		CurrentUser user = access.user();
		Optional<RegistrationRow> my = user.personId() == null ? Optional.empty()
				: activities.registration(id, user.personId());
		List<OrgSummary> audience = orgs.findAll(activities.audience(id).stream()
			.map(ActivityEligibilityRule.AudienceRoot::orgId).toList());
		int waiting = jdbc.sql("select count(*) from activity_registration where activity_id = :a and status = 'WAITLISTED'")
			.param("a", id).query(Integer.class).single();
		RegistrationStatus myStatus = my.map(RegistrationRow::status).orElse(null);
		return new Detail(a.id(), a.title(), a.type().toCodeLabel(), a.organizerOrgId(),
				orgNames(List.of(a.organizerOrgId())).get(a.organizerOrgId()), a.seriesId(), a.clubId(),
				a.description(), a.coverFileId(), a.place(), a.startAt(), a.endAt(), a.signupOpensAt(),
				a.signupClosesAt(), a.cancelDeadline(), a.seats(), a.needsApproval(),
				a.gender() == null ? null : Gender.valueOf(a.gender()).toCodeLabel(), a.minAge(), a.maxAge(),
				a.status().toCodeLabel(), a.confirmedCount(), a.pendingCount(), waiting,
				audience.stream().map(OrgSummary::name).toList(), myStatus == null ? null : myStatus.toCodeLabel(),
				myStatus == RegistrationStatus.WAITLISTED
						? activities.waitlistPosition(id, my.get().waitlistSeq()) : null,
				my.map(RegistrationRow::attendedAt).orElse(null), my.map(RegistrationRow::feedbackStars).orElse(null),
				my.map(RegistrationRow::feedbackComment).orElse(null), access.manages(user, a), a.version());
	}

	/** The organizer's list: confirmed, pending and waiting (in wait-list order), mobiles masked. */
	public Registrants registrants(long id) {
		ActivityRow a = access.managed(id);
		return registrants(a, activities.registrations(id));
	}

	/** {@link #registrants(long)} for the Excel file: the access check on the primary, the registrations on the standby. */
	Registrants registrantsToExport(long id) {
		ActivityRow a = access.managed(id);
		return registrants(a, activities.registrationsToExport(id));
	}

	private Registrants registrants(ActivityRow a, List<RegistrationRow> regs) {
		Map<Long, PersonFacts.Facts> facts = people.findAll(regs.stream().map(RegistrationRow::personId).toList());
		Map<Long, String> organs = orgNames(facts.values().stream().map(PersonFacts.Facts::organId).toList());
		List<Registrant> confirmed = new ArrayList<>();
		List<Registrant> pending = new ArrayList<>();
		List<Registrant> waiting = new ArrayList<>();
		int attended = 0;
		for (RegistrationRow r : regs) {
			PersonFacts.Facts p = facts.get(r.personId());
			Registrant item = new Registrant(r.id(), r.personId(), p == null ? "" : p.name(),
					p == null ? "" : organs.get(p.organId()), p == null ? null : p.gender().toCodeLabel(),
					p == null ? null : p.maskedMobile(), r.status().toCodeLabel(),
					r.status() == RegistrationStatus.WAITLISTED ? waiting.size() + 1 : null, r.registeredAt(),
					r.attendedAt(), r.feedbackStars(), r.feedbackComment(), r.checkedOutAt());
			switch (r.status()) {
				case CONFIRMED -> {
					confirmed.add(item);
					attended += r.attendedAt() != null ? 1 : 0;
				}
				case PENDING -> pending.add(item);
				case WAITLISTED -> waiting.add(item);
				default -> {
				}
			}
		}
		return new Registrants(a.id(), a.title(), a.seats(), confirmed, pending, waiting, attended);
	}

	/** Whether the caller organizes this activity (for showing organizer links). */
	public boolean canManage(long id) {
		return activities.find(id).map(a -> access.manages(access.user(), a)).orElse(false);
	}

	// figures for other modules (series pages, group ranking): unscoped, the caller applies its own rules

	private static final String STATS = ActivityRow.COLUMNS + """
			, (select count(*) from activity_registration r where r.activity_id = a.id and r.status = 'CONFIRMED') confirmed,
			  (select count(*) from activity_registration r where r.activity_id = a.id and r.status = 'CONFIRMED'
			     and r.attended_at is not null) attended,
			  (select count(r.feedback_stars) from activity_registration r where r.activity_id = a.id) feedback_n,
			  (select avg(cast(r.feedback_stars as double precision)) from activity_registration r where r.activity_id = a.id) feedback_avg
			from activity a""";

	private static Stats stats(ResultSet rs, int i) throws SQLException {
		ActivityRow a = ActivityRow.map(rs, i);
		return new Stats(a.id(), a.title(), a.type().toCodeLabel(), a.organizerOrgId(), a.organizerPath(), a.seriesId(),
				a.clubId(), a.startAt(), a.endAt(), a.status().toCodeLabel(), a.seats(), rs.getInt("confirmed"),
				rs.getInt("attended"), rs.getInt("feedback_n"), rs.getObject("feedback_avg", Double.class));
	}

	/**
	 * The activities organized at or below a path (a group's, say) starting in a business year, with
	 * their figures; cancelled ones included (see {@link Stats#status()}).
	 */
	/** An activity named for other modules (an expense's 关联活动): its organizer's path tells whose it is. */
	public record ActivityRef(long id, String title, OffsetDateTime startAt, String organizerPath) {
	}

	/** Activities organized in a subtree that started since the given time, latest first, at most {@code limit}. */
	public List<ActivityRef> organizedBelow(String organizerPathPrefix, OffsetDateTime since, int limit) {
		return jdbc.sql("""
				select a.id, a.title, a.start_at, a.organizer_path from activity a
				where a.organizer_path like :prefix and a.start_at >= :since
				order by a.start_at desc, a.id desc fetch first %d rows only""".formatted(Math.max(1, Math.min(limit, 500))))
			.param("prefix", organizerPathPrefix + "%").param("since", since)
			.query((rs, i) -> new ActivityRef(rs.getLong("id"), rs.getString("title"),
					rs.getObject("start_at", OffsetDateTime.class), rs.getString("organizer_path")))
			.list();
	}

	public Optional<ActivityRef> ref(long id) {
		return jdbc.sql("select a.id, a.title, a.start_at, a.organizer_path from activity a where a.id = :id")
			.param("id", id)
			.query((rs, i) -> new ActivityRef(rs.getLong("id"), rs.getString("title"),
					rs.getObject("start_at", OffsetDateTime.class), rs.getString("organizer_path")))
			.optional();
	}

	public List<Stats> statsBelow(String organizerPathPrefix, int year) {
		OffsetDateTime from = LocalDate.of(year, 1, 1).atStartOfDay(Zones.BUSINESS).toOffsetDateTime();
		return jdbc.sql("select " + STATS + """
				 where a.organizer_path like :prefix and a.start_at >= :from and a.start_at < :to
				order by a.start_at, a.id""")
			.param("prefix", organizerPathPrefix + "%").param("from", from).param("to", from.plusYears(1))
			.query(ActivityQueries::stats).list();
	}

	public List<Stats> statsOfSeries(long seriesId) {
		return jdbc.sql("select " + STATS + " where a.series_id = :s order by a.start_at, a.id").param("s", seriesId)
			.query(ActivityQueries::stats).list();
	}

	public List<Stats> statsOfClub(long clubId) {
		return jdbc.sql("select " + STATS + " where a.club_id = :c order by a.start_at, a.id").param("c", clubId)
			.query(ActivityQueries::stats).list();
	}

	public Optional<Stats> stats(long activityId) {
		return jdbc.sql("select " + STATS + " where a.id = :id").param("id", activityId)
			.query(ActivityQueries::stats).optional();
	}

	/** Unscoped: the title of an activity, for other modules' lists. */
	public Optional<String> title(long activityId) {
		return activities.find(activityId).map(ActivityRow::title);
	}

	/** A person checked in at an activity: what other modules count (the study record counts 讲座 and 论坛). */
	public record Attendance(long activityId, String title, ActivityType type, long personId, OffsetDateTime attendedAt) {
	}

	/** One person's check-ins at activities of these types within [from, to), latest first. */
	public List<Attendance> attendances(long personId, Collection<ActivityType> types, OffsetDateTime from,
			OffsetDateTime to) {
		if (types.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select a.id, a.title, a.type, r.person_id, r.attended_at
				from activity_registration r join activity a on a.id = r.activity_id
				where r.person_id = :person and r.attended_at >= :from and r.attended_at < :to and a.type in (:types)
				order by r.attended_at desc, a.id desc""")
			.param("person", personId).param("from", from).param("to", to)
			.param("types", types.stream().map(ActivityType::name).toList())
			.query((rs, i) -> new Attendance(rs.getLong(1), rs.getString(2), ActivityType.valueOf(rs.getString(3)),
					rs.getLong(4), rs.getObject(5, OffsetDateTime.class)))
			.list();
	}

	/** Everyone's check-ins at activities of these types within [from, to), set-based: person id → how many. */
	public Map<Long, Integer> attendanceCounts(Collection<ActivityType> types, OffsetDateTime from, OffsetDateTime to) {
		Map<Long, Integer> counts = new LinkedHashMap<>();
		if (types.isEmpty()) {
			return counts;
		}
		jdbc.sql("""
				select r.person_id, count(*) from activity_registration r join activity a on a.id = r.activity_id
				where r.attended_at >= :from and r.attended_at < :to and a.type in (:types)
				group by r.person_id order by r.person_id""")
			.param("from", from).param("to", to).param("types", types.stream().map(ActivityType::name).toList())
			.query(rs -> {
				counts.put(rs.getLong(1), rs.getInt(2));
			});
		return counts;
	}
}
