package org.quntuan.audit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.SqlCondition;
import org.quntuan.platform.reads.ReadsJdbc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the audit log for its viewers, newest first, within the reader's scope ({@link AuditScope}).
 * The statement's text depends only on which filters are set; every value is bound.
 */
@Service
class AuditLogViewer {

	/** An .xlsx sheet holds 1,048,576 rows; an export stops well before. */
	static final int MAX_EXPORT_ROWS = 1_000_000;

	private static final int FETCH_SIZE = 500;

	/** A reader's scope and filter, fixed (and access checked) before a response starts. */
	record Query(SqlCondition scope, AuditFilter filter) {
	}

	private final JdbcClient jdbc;

	/**
	 * Its own template: the fetch size makes PostgreSQL use a cursor for an export. On the read-only
	 * standby when there is one ({@link ReadsJdbc}), so an export may miss the last moments' events; the
	 * page reads the primary.
	 */
	private final JdbcClient streaming;

	private final CurrentUserProvider users;

	AuditLogViewer(JdbcClient jdbc, ReadsJdbc reads, CurrentUserProvider users) {
		this.jdbc = jdbc;
		this.users = users;
		JdbcTemplate template = new JdbcTemplate(reads.dataSource());
		template.setFetchSize(FETCH_SIZE);
		this.streaming = JdbcClient.create(new NamedParameterJdbcTemplate(template));
	}

	/** 403 for who may not read the log; then 400 for a filter that makes no sense. */
	Query query(String type, String from, String to, String actor, String objectType, String objectId) {
		SqlCondition scope = AuditScope.of(users.current());
		return new Query(scope, AuditFilter.of(type, from, to, actor, objectType, objectId));
	}

	@Transactional(readOnly = true)
	PageResult<AuditLogEntry> page(Query query, PageRequest page) {
		Map<String, Object> params = new HashMap<>();
		String where = where(query, params);
		long total = jdbc.sql("select count(*) from audit_event e" + where).params(params).query(Long.class).single();
		params.put("offset", page.offset());
		params.put("limit", page.size());
		List<AuditLogEntry> content = jdbc
			.sql("select e.* from audit_event e" + where
					+ " order by e.occurred_at desc, e.id desc offset :offset rows fetch next :limit rows only")
			.params(params)
			.query(AuditLogEntry::map)
			.list();
		return PageResult.of(content, page, total);
	}

	/** @return the number of entries handed over, at most {@link #MAX_EXPORT_ROWS} */
	@Transactional(readOnly = true)
	int each(Query query, Consumer<AuditLogEntry> consumer) {
		Map<String, Object> params = new HashMap<>();
		String where = where(query, params);
		params.put("limit", MAX_EXPORT_ROWS);
		int count = 0;
		try (Stream<AuditLogEntry> entries = streaming
			.sql("select e.* from audit_event e" + where + " order by e.occurred_at desc, e.id desc fetch first :limit rows only")
			.params(params)
			.query(AuditLogEntry::map)
			.stream()) {
			for (AuditLogEntry entry : (Iterable<AuditLogEntry>) entries::iterator) {
				consumer.accept(entry);
				count++;
			}
		}
		return count;
	}

	private static String where(Query query, Map<String, Object> params) {
		StringBuilder sql = new StringBuilder(" where ").append(query.scope().sql());
		params.putAll(query.scope().params());
		AuditFilter f = query.filter();
		if (f.type() != null) {
			sql.append(" and e.type = :type");
			params.put("type", f.type().name());
		}
		if (f.from() != null) {
			sql.append(" and e.occurred_at >= :from");
			params.put("from", f.from());
		}
		if (f.toExclusive() != null) {
			sql.append(" and e.occurred_at < :to");
			params.put("to", f.toExclusive());
		}
		if (f.actor() != null) {
			sql.append(" and e.actor = :actor");
			params.put("actor", f.actor());
		}
		if (f.objectType() != null) {
			sql.append(" and e.object_type = :objectType");
			params.put("objectType", f.objectType());
		}
		if (f.objectId() != null) {
			sql.append(" and e.object_id = :objectId");
			params.put("objectId", f.objectId());
		}
		return sql.toString();
	}
}
