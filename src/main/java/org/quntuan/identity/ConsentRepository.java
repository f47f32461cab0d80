package org.quntuan.identity;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.quntuan.identity.Consents.Entry;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.SqlPages;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Consents as a history: each given once per version, withdrawn by stamping the time. */
@Repository
class ConsentRepository {

	private final JdbcClient jdbc;

	ConsentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean hasAccepted(long accountId, ConsentKind kind) {
		return jdbc.sql("""
				select count(*) from consent where account_id = :a and kind = :k and version = :v and withdrawn_at is null""")
			.param("a", accountId).param("k", kind.name()).param("v", kind.version()).query(Long.class).single() > 0;
	}

	void insert(long accountId, ConsentKind kind, OffsetDateTime now, String ip) {
		jdbc.sql("insert into consent (account_id, kind, version, given_at, ip) values (:a, :k, :v, :now, :ip)")
			.param("a", accountId).param("k", kind.name()).param("v", kind.version())
			.param("now", now).param("ip", ip).update();
	}

	/** Withdraws the standing consent of the kind; answers how many rows it stamped. */
	int withdraw(long accountId, ConsentKind kind, OffsetDateTime now) {
		return jdbc.sql("""
				update consent set withdrawn_at = :now where account_id = :a and kind = :k and withdrawn_at is null""")
			.param("now", now).param("a", accountId).param("k", kind.name()).update();
	}

	PageResult<Entry> history(long accountId, PageRequest page) {
		return SqlPages.page(jdbc, "kind, version, given_at, withdrawn_at, id", "from consent where account_id = :a",
				"given_at desc, id desc", Map.of("a", accountId), page, (rs, i) -> {
					ConsentKind kind = ConsentKind.valueOf(rs.getString("kind"));
					OffsetDateTime withdrawn = rs.getObject("withdrawn_at", OffsetDateTime.class);
					return new Entry(kind.toCodeLabel(), rs.getString("version"),
							rs.getObject("given_at", OffsetDateTime.class), withdrawn,
							withdrawn == null && kind.version().equals(rs.getString("version")));
				});
	}

	List<Entry> history(long accountId) {
		return jdbc.sql("""
				select kind, version, given_at, withdrawn_at from consent where account_id = :a order by given_at desc, id desc""")
			.param("a", accountId)
			.query((rs, i) -> {
				ConsentKind kind = ConsentKind.valueOf(rs.getString("kind"));
				OffsetDateTime withdrawn = rs.getObject("withdrawn_at", OffsetDateTime.class);
				return new Entry(kind.toCodeLabel(), rs.getString("version"), rs.getObject("given_at", OffsetDateTime.class),
						withdrawn, withdrawn == null && kind.version().equals(rs.getString("version")));
			})
			.list();
	}
}
