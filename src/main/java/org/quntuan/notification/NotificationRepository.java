package org.quntuan.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.quntuan.platform.Zones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The notification table: one row per event, recipient and channel. Inbox reads are per account. */
@Repository
class NotificationRepository {

	private static final String INBOX = "'" + Channel.INBOX.name() + "'";

	private final JdbcClient jdbc;

	NotificationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** @throws org.springframework.dao.DuplicateKeyException when this event already notified this recipient here */
	long insert(long recipient, Channel channel, String eventKey, String template, String title, String body,
			String link, DeliveryStatus status, boolean secret, OffsetDateTime now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into notification (recipient_account_id, channel, event_key, template, title, body, link,
				  created_at, sent_at, status, secret)
				values (:recipient, :channel, :eventKey, :template, :title, :body, :link, :now, :sentAt, :status, :secret)""")
			.param("recipient", recipient).param("channel", channel.name()).param("eventKey", eventKey)
			.param("template", template).param("title", title).param("body", body)
			.param("link", link, Types.VARCHAR).param("now", now)
			.param("sentAt", status == DeliveryStatus.PENDING ? null : now, Types.TIMESTAMP_WITH_TIMEZONE)
			.param("status", status.name())
			.param("secret", secret)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/** A delivery left PENDING, as stored. */
	record Stale(long id, long recipient, Channel channel, String title, String body, String link) {
	}

	/**
	 * Deliveries still PENDING that were stored before the cut-off, locked for the caller's
	 * transaction; rows another node has locked are skipped, so each is picked up once.
	 */
	List<Stale> lockStale(OffsetDateTime before, int limit) {
		return jdbc.sql("""
				select id, recipient_account_id, channel, title, body, link from notification
				where status = :pending and secret = false and created_at < :before
				order by id fetch first :limit rows only for update skip locked""")
			.param("pending", DeliveryStatus.PENDING.name())
			.param("before", before)
			.param("limit", limit)
			.query((rs, i) -> new Stale(rs.getLong("id"), rs.getLong("recipient_account_id"),
					Channel.valueOf(rs.getString("channel")), rs.getString("title"), rs.getString("body"),
					rs.getString("link")))
			.list();
	}

	/** Secret deliveries left PENDING are not sent later: the stored text is masked, the code expired. */
	int skipStaleSecrets(OffsetDateTime before, OffsetDateTime now) {
		return jdbc.sql("""
				update notification set status = :skipped, sent_at = :now
				where status = :pending and secret = true and created_at < :before""")
			.param("skipped", DeliveryStatus.SKIPPED.name())
			.param("now", now)
			.param("pending", DeliveryStatus.PENDING.name())
			.param("before", before)
			.update();
	}

	void delivered(long id, DeliveryStatus status, OffsetDateTime now) {
		jdbc.sql("update notification set status = :status, sent_at = :now where id = :id and status = :pending")
			.param("status", status.name()).param("now", now).param("id", id)
			.param("pending", DeliveryStatus.PENDING.name()).update();
	}

	List<InboxItem> inbox(long account, boolean unreadOnly, long offset, int limit) {
		return jdbc.sql("select id, title, body, link, created_at, read_at from notification"
				+ " where recipient_account_id = :a and channel = " + INBOX + (unreadOnly ? " and read_at is null" : "")
				+ " order by id desc offset :offset rows fetch next :limit rows only")
			.param("a", account).param("offset", offset).param("limit", limit)
			.query(NotificationRepository::item).list();
	}

	long count(long account, boolean unreadOnly) {
		return jdbc.sql("select count(*) from notification where recipient_account_id = :a and channel = " + INBOX
				+ (unreadOnly ? " and read_at is null" : ""))
			.param("a", account).query(Long.class).single();
	}

	Optional<InboxItem> find(long id, long account) {
		return jdbc.sql("select id, title, body, link, created_at, read_at from notification"
				+ " where id = :id and recipient_account_id = :a and channel = " + INBOX)
			.param("id", id).param("a", account).query(NotificationRepository::item).optional();
	}

	void markRead(long id, long account, OffsetDateTime now) {
		jdbc.sql("update notification set read_at = :now where id = :id and recipient_account_id = :a and channel = "
				+ INBOX + " and read_at is null")
			.param("now", now).param("id", id).param("a", account).update();
	}

	int markAllRead(long account, OffsetDateTime now) {
		return jdbc.sql("update notification set read_at = :now where recipient_account_id = :a and channel = " + INBOX
				+ " and read_at is null")
			.param("now", now).param("a", account).update();
	}

	private static InboxItem item(ResultSet rs, int i) throws SQLException {
		OffsetDateTime readAt = rs.getObject("read_at", OffsetDateTime.class);
		return new InboxItem(rs.getLong("id"), rs.getString("title"), rs.getString("body"), rs.getString("link"),
				local(rs.getObject("created_at", OffsetDateTime.class)), readAt != null, local(readAt));
	}

	private static OffsetDateTime local(OffsetDateTime t) {
		return t == null ? null : t.atZoneSameInstant(Zones.BUSINESS).toOffsetDateTime();
	}
}
