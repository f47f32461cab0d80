package org.quntuan.notice.notices;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.quntuan.notice.shared.CollectionText;
import org.quntuan.notice.shared.NoticePaths;
import org.quntuan.platform.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class NoticeRepository {

	private static final String SELECT = """
			select n.*, so.name as sender_org_name, so.path as sender_org_path
			from notice n join org so on so.id = n.sender_org_id""";

	private static final String LIST_COLUMNS = """
			select n.id, n.title, n.sender_name, so.name as sender_org_name, n.created_at, n.pinned, n.is_public,
			  n.expires_at, n.withdrawn_at,
			  (select count(*) from notice_target t where t.notice_id = n.id) as target_count,
			  (select count(*) from notice_target t where t.notice_id = n.id and t.read_at is not null) as read_count,
			  (select count(*) from notice_target t where t.notice_id = n.id and t.read_at is null
			     and t.org_id in (:direct)) as unread_mine
			from notice n join org so on so.id = n.sender_org_id""";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	NoticeRepository(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	long insert(String title, String body, String targetsJson, long senderAccountId, String senderName,
			long senderOrgId, boolean pinned, boolean isPublic, OffsetDateTime expiresAt, OffsetDateTime now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into notice (title, body, targets_json, sender_account_id, sender_name, sender_org_id, pinned,
				  is_public, expires_at, created_at)
				values (:title, :body, :targets, :account, :name, :org, :pinned, :public, :expires, :now)""")
			.param("title", title).param("body", body).param("targets", targetsJson).param("account", senderAccountId)
			.param("name", senderName).param("org", senderOrgId).param("pinned", pinned).param("public", isPublic)
			.param("expires", expiresAt, Types.TIMESTAMP_WITH_TIMEZONE).param("now", now)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void insertTargets(long noticeId, List<Long> orgIds) {
		template.batchUpdate("insert into notice_target (notice_id, org_id) values (?, ?)", orgIds, 500,
				(ps, orgId) -> {
					ps.setLong(1, noticeId);
					ps.setLong(2, orgId);
				});
	}

	Optional<NoticeRecord> find(long id) {
		return jdbc.sql(SELECT + " where n.id = :id").param("id", id).query(NoticeRepository::map).optional();
	}

	/** Sent by the caller or an org in their subtrees, or addressed to an org there (while not expired). */
	List<NoticeListItem> listInScope(long accountId, NoticePaths paths, OffsetDateTime now, PageRequest page) {
		String where = scopeCondition(paths);
		return jdbc.sql(LIST_COLUMNS + " where " + where
				+ " order by n.pinned desc, n.created_at desc, n.id desc offset :offset rows fetch next :size rows only")
			.params(scopeParams(accountId, paths, now)).param("offset", page.offset()).param("size", page.size())
			.query(NoticeRepository::mapItem).list();
	}

	long countInScope(long accountId, NoticePaths paths, OffsetDateTime now) {
		return jdbc.sql("select count(*) from notice n join org so on so.id = n.sender_org_id where " + scopeCondition(paths))
			.params(scopeParams(accountId, paths, now)).query(Long.class).single();
	}

	private static String scopeCondition(NoticePaths paths) {
		return "(n.sender_account_id = :me or " + paths.predicate("so.path", "p")
				+ " or ((n.expires_at is null or n.expires_at > :now) and exists (select 1 from notice_target t"
				+ " join org o on o.id = t.org_id where t.notice_id = n.id and " + paths.predicate("o.path", "p") + ")))";
	}

	private static Map<String, Object> scopeParams(long accountId, NoticePaths paths, OffsetDateTime now) {
		Map<String, Object> params = new HashMap<>(paths.params("p"));
		params.put("me", accountId);
		params.put("now", now);
		params.put("direct", paths.directOrgIdsOrNone());
		return params;
	}

	/** The inbox: addressed to an org the caller administers directly, not expired. */
	List<NoticeListItem> inbox(List<Long> directOrgIds, OffsetDateTime now, PageRequest page) {
		return jdbc.sql(LIST_COLUMNS + """
				 where (n.expires_at is null or n.expires_at > :now)
				   and exists (select 1 from notice_target t where t.notice_id = n.id and t.org_id in (:direct))
				order by n.pinned desc, n.created_at desc, n.id desc offset :offset rows fetch next :size rows only""")
			.param("now", now).param("direct", directOrgIds).param("offset", page.offset()).param("size", page.size())
			.query(NoticeRepository::mapItem).list();
	}

	long countInbox(List<Long> directOrgIds, OffsetDateTime now) {
		return jdbc.sql("""
				select count(*) from notice n where (n.expires_at is null or n.expires_at > :now)
				  and exists (select 1 from notice_target t where t.notice_id = n.id and t.org_id in (:direct))""")
			.param("now", now).param("direct", directOrgIds).query(Long.class).single();
	}

	/** Sent by the caller or by an org in their subtrees. */
	List<NoticeListItem> sent(long accountId, NoticePaths paths, PageRequest page) {
		return jdbc.sql(LIST_COLUMNS + " where (n.sender_account_id = :me or " + paths.predicate("so.path", "p") + ")"
				+ " order by n.pinned desc, n.created_at desc, n.id desc offset :offset rows fetch next :size rows only")
			.params(paths.params("p")).param("me", accountId).param("direct", paths.directOrgIdsOrNone())
			.param("offset", page.offset()).param("size", page.size()).query(NoticeRepository::mapItem).list();
	}

	long countSent(long accountId, NoticePaths paths) {
		return jdbc.sql("select count(*) from notice n join org so on so.id = n.sender_org_id where (n.sender_account_id = :me or "
				+ paths.predicate("so.path", "p") + ")").params(paths.params("p")).param("me", accountId)
			.query(Long.class).single();
	}

	/** Public, current notices whose audience includes the organ: one of its mass orgs, or an org above it. */
	List<NoticeListItem> publicFor(long organId, OffsetDateTime now, int limit) {
		return jdbc.sql(LIST_COLUMNS + """
				 where n.is_public = true and n.withdrawn_at is null and (n.expires_at is null or n.expires_at > :now)
				   and exists (select 1 from notice_target t join org o on o.id = t.org_id, org organ
				     where t.notice_id = n.id and organ.id = :organ
				       and (o.parent_id = organ.id or organ.path like o.path || '%'))
				order by n.pinned desc, n.created_at desc, n.id desc fetch first :limit rows only""")
			.param("now", now).param("organ", organId).param("direct", List.of(-1L)).param("limit", limit)
			.query(NoticeRepository::mapItem).list();
	}

	boolean inAudience(long noticeId, long organId) {
		return jdbc.sql("""
				select count(*) from notice_target t join org o on o.id = t.org_id, org organ
				where t.notice_id = :n and organ.id = :organ and (o.parent_id = organ.id or organ.path like o.path || '%')""")
			.param("n", noticeId).param("organ", organId).query(Long.class).single() > 0;
	}

	boolean targetsWithin(long noticeId, NoticePaths paths) {
		if (paths.isEmpty()) {
			return false;
		}
		return jdbc.sql("select count(*) from notice_target t join org o on o.id = t.org_id where t.notice_id = :n and "
				+ paths.predicate("o.path", "p")).params(paths.params("p")).param("n", noticeId)
			.query(Long.class).single() > 0;
	}

	List<NoticeReceipt> receipts(long noticeId) {
		return jdbc.sql("""
				select t.org_id, o.name, t.read_at, t.read_by_name from notice_target t join org o on o.id = t.org_id
				where t.notice_id = :n order by o.path""")
			.param("n", noticeId)
			.query((rs, i) -> new NoticeReceipt(rs.getLong(1), rs.getString(2), rs.getObject(3) != null,
					CollectionText.local(rs.getObject(3, OffsetDateTime.class)), rs.getString(4)))
			.list();
	}

	int[] counts(long noticeId) {
		return jdbc.sql("select count(*), count(read_at) from notice_target where notice_id = :n").param("n", noticeId)
			.query((rs, i) -> new int[] { rs.getInt(1), rs.getInt(2) }).single();
	}

	/** Records the first reader for each of these target orgs that has not been read yet. */
	int markRead(long noticeId, List<Long> orgIds, long accountId, String name, OffsetDateTime now) {
		return jdbc.sql("""
				update notice_target set read_at = :now, read_by = :account, read_by_name = :name
				where notice_id = :n and org_id in (:orgs) and read_at is null""")
			.param("now", now).param("account", accountId).param("name", name).param("n", noticeId)
			.param("orgs", orgIds).update();
	}

	List<Long> targetOrgIds(long noticeId, boolean unreadOnly) {
		return jdbc.sql("select org_id from notice_target where notice_id = :n"
				+ (unreadOnly ? " and read_at is null" : "") + " order by org_id")
			.param("n", noticeId).query(Long.class).list();
	}

	boolean withdraw(long noticeId, long accountId, String reason, OffsetDateTime now) {
		return jdbc.sql("""
				update notice set withdrawn_at = :now, withdrawn_by = :account, withdraw_reason = :reason,
				  version = version + 1 where id = :n and withdrawn_at is null""")
			.param("now", now).param("account", accountId).param("reason", reason).param("n", noticeId)
			.update() == 1;
	}

	private static NoticeRecord map(ResultSet rs, int i) throws SQLException {
		return new NoticeRecord(rs.getLong("id"), rs.getString("title"), rs.getString("body"),
				rs.getString("targets_json"), rs.getLong("sender_account_id"), rs.getString("sender_name"),
				rs.getLong("sender_org_id"), rs.getString("sender_org_name"), rs.getString("sender_org_path"),
				rs.getBoolean("pinned"), rs.getBoolean("is_public"), CollectionText.local(rs.getObject("expires_at", OffsetDateTime.class)),
				CollectionText.local(rs.getObject("created_at", OffsetDateTime.class)), CollectionText.local(rs.getObject("withdrawn_at", OffsetDateTime.class)),
				rs.getString("withdraw_reason"));
	}

	private static NoticeListItem mapItem(ResultSet rs, int i) throws SQLException {
		return new NoticeListItem(rs.getLong("id"), rs.getString("title"), rs.getString("sender_name"),
				rs.getString("sender_org_name"), CollectionText.local(rs.getObject("created_at", OffsetDateTime.class)),
				rs.getBoolean("pinned"), rs.getBoolean("is_public"), CollectionText.local(rs.getObject("expires_at", OffsetDateTime.class)),
				rs.getObject("withdrawn_at") != null, rs.getInt("target_count"), rs.getInt("read_count"),
				// a withdrawn notice is no longer there to be read: its recipients see it as 已撤回, not 未读
				rs.getObject("withdrawn_at") == null && rs.getInt("unread_mine") > 0);
	}

	static List<Long> copy(List<Long> ids) {
		return new ArrayList<>(ids);
	}
}
