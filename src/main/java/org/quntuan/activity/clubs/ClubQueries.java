package org.quntuan.activity.clubs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.quntuan.platform.Coded;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.Masking;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.SqlCondition;
import org.quntuan.platform.SqlPages;
import org.quntuan.platform.reads.ReadsJdbc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of clubs, always within what the caller may see (see {@link ClubAccess}); phones masked. */
@Service
@Transactional(readOnly = true)
public class ClubQueries {

	private static final String SUMMARY_COLUMNS = "c.id, c.name, c.description, s.name as sponsor_name, c.leader_person_id,"
			+ " lp.name as leader_name, c.status, c.merged_into_id, mi.name as merged_into_name,"
			+ " (select count(*) from club_member x where x.club_id = c.id and x.status = 'APPROVED') as member_count,"
			+ " (select x.status from club_member x where x.club_id = c.id and x.person_id = :me) as my_status";

	private static final String SUMMARY_FROM = ClubAccess.FROM.strip()
			+ " join person lp on lp.id = c.leader_person_id left join club mi on mi.id = c.merged_into_id";

	private static final String SUMMARY = "select " + SUMMARY_COLUMNS + " " + SUMMARY_FROM;

	private static final String MEMBER_COLUMNS = "m.person_id, p.name, o.name as organ_name, p.mobile, m.status,"
			+ " m.requested_at, fc.name as from_club";

	private static final String MEMBER_FROM = "from club_member m join person p on p.id = m.person_id"
			+ " join org o on o.id = p.organ_id left join club fc on fc.id = m.from_club_id";

	private static final String MEMBER = "select " + MEMBER_COLUMNS + " " + MEMBER_FROM;

	private final JdbcClient jdbc;

	/** The members export's reads: the read-only standby when there is one ({@link ReadsJdbc}). */
	private final JdbcClient reads;

	private final ClubAccess access;

	private final CurrentUserProvider users;

	ClubQueries(JdbcClient jdbc, ReadsJdbc reads, ClubAccess access, CurrentUserProvider users) {
		this.jdbc = jdbc;
		this.reads = reads.client();
		this.access = access;
		this.users = users;
	}

	/** Active clubs the caller may see; {@code mine}: only those they belong to, lead or asked to join. */
	public List<ClubViews.Summary> list(boolean mine) {
		return list(mine, new PageRequest(0, PageRequest.MAX_SIZE)).content();
	}

	public PageResult<ClubViews.Summary> list(boolean mine, PageRequest page) {
		CurrentUser user = users.current();
		SqlCondition visible = access.visibleSql(user);
		String filter = mine ? " and (c.leader_person_id = :me or exists (select 1 from club_member y where y.club_id = c.id"
				+ " and y.person_id = :me and y.status in ('APPROVED', 'PENDING')))" : "";
		return SqlPages.page(jdbc, SUMMARY_COLUMNS, SUMMARY_FROM + " where c.status = 'ACTIVE' and " + visible.sql() + filter,
				"c.name, c.id", params(visible.params(), "me", me(user)), page, ClubQueries::summary);
	}

	private static Map<String, Object> params(Map<String, ?> given, String name, Object value) {
		Map<String, Object> all = new HashMap<>(given);
		all.put(name, value);
		return all;
	}

	public ClubViews.Detail detail(long id) {
		CurrentUser user = users.current();
		ClubAccess.ClubRef ref = access.visible(id);
		ClubViews.Summary club = jdbc.sql(SUMMARY + " where c.id = :id").param("id", id).param("me", me(user))
			.query(ClubQueries::summary).single();
		boolean canManage = access.canManage(ref);
		boolean canMerge = access.administers(user, ref.sponsorPath()) && "ACTIVE".equals(ref.status());
		boolean isMember = club.myStatus() != null && "APPROVED".equals(club.myStatus().code());
		boolean membersVisible = canManage || isMember;
		List<ClubViews.Member> members = membersVisible ? members(id, "APPROVED") : List.of();
		List<ClubViews.Member> pending = canManage ? members(id, "PENDING") : List.of();
		List<ClubViews.Activity> activities = jdbc.sql("select a.id, a.title, a.start_at, a.place, a.status from activity a"
				+ " where a.club_id = :id order by a.start_at desc, a.id desc")
			.param("id", id)
			.query((rs, i) -> new ClubViews.Activity(rs.getLong("id"), rs.getString("title"),
					rs.getObject("start_at", OffsetDateTime.class), rs.getString("place"), rs.getString("status")))
			.list();
		List<ClubViews.Absorbed> absorbed = jdbc.sql("select id, name, merged_at from club where merged_into_id = :id order by merged_at")
			.param("id", id)
			.query((rs, i) -> new ClubViews.Absorbed(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class)))
			.list();
		return new ClubViews.Detail(club, canManage, canMerge, membersVisible, members, pending, activities, absorbed);
	}

	/**
	 * Members (or applicants, by status) of a club, for its members and managers, for the Excel file; 403
	 * for others who see it. The check reads the primary, the list the standby when there is one.
	 */
	public List<ClubViews.Member> membersToExport(long id, String status) {
		requireRoll(id, status);
		return members(reads, id, status);
	}

	private void requireRoll(long id, String status) {
		{
			ClubAccess.ClubRef ref = access.visible(id);
			CurrentUser user = users.current();
			boolean member = user.personId() != null && jdbc.sql("select count(*) from club_member where club_id = :c"
					+ " and person_id = :p and status = 'APPROVED'").param("c", id).param("p", user.personId())
				.query(Long.class).single() > 0;
			boolean manager = access.canManage(ref);
			if (!manager && !(member && "APPROVED".equals(status))) {
				throw new ForbiddenException("activity.club.error.members-forbidden");
			}
		}
	}

	private List<ClubViews.Member> members(long id, String status) {
		return members(jdbc, id, status);
	}

	private static List<ClubViews.Member> members(JdbcClient via, long id, String status) {
		return via.sql(MEMBER + " where m.club_id = :id and m.status = :s order by p.name_pinyin, p.id")
			.param("id", id).param("s", status).query(ClubQueries::member).list();
	}

	/** A page of the members (or applicants) by name, as {@link #membersToExport} checks who may see them. */
	public PageResult<ClubViews.Member> members(long id, String status, PageRequest page) {
		requireRoll(id, status);
		return SqlPages.page(jdbc, MEMBER_COLUMNS, MEMBER_FROM + " where m.club_id = :id and m.status = :s",
				"p.name_pinyin, p.id", Map.of("id", id, "s", status), page, ClubQueries::member);
	}

	private static ClubViews.Member member(ResultSet rs, int i) throws SQLException {
		return new ClubViews.Member(rs.getLong("person_id"), rs.getString("name"), rs.getString("organ_name"),
				Masking.keepHeadAndTail(rs.getString("mobile")),
				Coded.parse(ClubMemberStatus.class, rs.getString("status")).toCodeLabel(),
				rs.getObject("requested_at", OffsetDateTime.class), rs.getString("from_club"));
	}

	/** Pending join requests of the clubs the caller leads or whose sponsor they administer. */
	public List<ClubViews.Request> requests() {
		return requests(new PageRequest(0, PageRequest.MAX_SIZE)).content();
	}

	public PageResult<ClubViews.Request> requests(PageRequest page) {
		CurrentUser user = users.current();
		SqlCondition administered = access.administeredSql(user);
		return SqlPages.page(jdbc,
				"c.id as club_id, c.name as club_name, m.person_id, p.name, o.name as organ_name, p.mobile, m.requested_at",
				ClubAccess.FROM.strip() + " join club_member m on m.club_id = c.id"
						+ " join person p on p.id = m.person_id join org o on o.id = p.organ_id"
						+ " where m.status = 'PENDING' and c.status = 'ACTIVE' and (c.leader_person_id = :me or "
						+ administered.sql() + ")",
				"m.requested_at, m.id", params(administered.params(), "me", me(user)), page,
				(rs, i) -> new ClubViews.Request(rs.getLong("club_id"), rs.getString("club_name"),
						rs.getLong("person_id"), rs.getString("name"), rs.getString("organ_name"),
						Masking.keepHeadAndTail(rs.getString("mobile")), rs.getObject("requested_at", OffsetDateTime.class)));
	}

	public record Sponsor(long id, String name) {
	}

	/** The federation and the unions the caller administers: who may sponsor a new club. */
	public List<Sponsor> sponsors() {
		SqlCondition administered = access.administeredSql(users.current());
		return jdbc.sql("select s.id, s.name from org s where s.active = true and s.type in ('COMMITTEE', 'UNION') and "
				+ administered.sql() + " order by s.depth, s.sort_order, s.id")
			.params(administered.params()).query((rs, i) -> new Sponsor(rs.getLong(1), rs.getString(2))).list();
	}

	/** A club an activity may be held by. */
	public record Choice(long id, String name) {
	}

	/** Active clubs the caller may hold activities for: those they lead or whose sponsor they administer. */
	public List<Choice> usable() {
		CurrentUser user = users.current();
		SqlCondition administered = access.administeredSql(user);
		return jdbc.sql("select c.id, c.name" + ClubAccess.FROM + " where c.status = 'ACTIVE' and (c.leader_person_id = :me or "
				+ administered.sql() + ") order by c.name, c.id")
			.params(administered.params()).param("me", me(user))
			.query((rs, i) -> new Choice(rs.getLong(1), rs.getString(2))).list();
	}

	private static long me(CurrentUser user) {
		return user.personId() == null ? -1 : user.personId();
	}

	private static ClubViews.Summary summary(ResultSet rs, int i) throws SQLException {
		String my = rs.getString("my_status");
		return new ClubViews.Summary(rs.getLong("id"), rs.getString("name"), rs.getString("description"),
				rs.getString("sponsor_name"), rs.getLong("leader_person_id"), rs.getString("leader_name"),
				ClubStatus.valueOf(rs.getString("status")).toCodeLabel(), rs.getObject("merged_into_id", Long.class),
				rs.getString("merged_into_name"), rs.getLong("member_count"),
				my == null ? null : ClubMemberStatus.valueOf(my).toCodeLabel());
	}
}
