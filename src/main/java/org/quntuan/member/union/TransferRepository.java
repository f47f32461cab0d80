package org.quntuan.member.union;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.quntuan.platform.CodeLabel;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.SqlCondition;
import org.quntuan.platform.SqlPages;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of transfers of membership (会员关系转接). */
@Repository
class TransferRepository {

	private final JdbcClient jdbc;

	TransferRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record TransferRow(long id, long personId, long fromOrganId, long toOrganId, Long fromUnionId, Long toUnionId,
			TransferState state, int version) {
	}

	void open(long personId, long fromOrganId, long toOrganId, Long fromUnionId, Long toUnionId, OffsetDateTime now) {
		jdbc.sql("""
				insert into member_union_transfer (person_id, from_organ_id, to_organ_id, from_union_id, to_union_id, state,
				  opened_at, version)
				values (:p, :from, :to, :fu, :tu, 'WAITING_RELEASE', :now, 0)""")
			.param("p", personId).param("from", fromOrganId).param("to", toOrganId).param("fu", fromUnionId)
			.param("tu", toUnionId).param("now", now).update();
	}

	Optional<TransferRow> openOf(long personId) {
		return jdbc.sql(SELECT + " where person_id = :p and state <> 'DONE'").param("p", personId).query(this::row).optional();
	}

	Optional<TransferRow> find(long id) {
		return jdbc.sql(SELECT + " where id = :id").param("id", id).query(this::row).optional();
	}

	private static final String SELECT = """
			select id, person_id, from_organ_id, to_organ_id, from_union_id, to_union_id, state, version
			from member_union_transfer""";

	private TransferRow row(ResultSet rs, int i) throws SQLException {
		return new TransferRow(rs.getLong("id"), rs.getLong("person_id"), rs.getLong("from_organ_id"),
				rs.getLong("to_organ_id"), rs.getObject("from_union_id", Long.class), rs.getObject("to_union_id", Long.class),
				TransferState.valueOf(rs.getString("state")), rs.getInt("version"));
	}

	/** The member moved on before the unions were done: the open transfer now leads to the new organ. */
	void retarget(long id, long toOrganId, Long toUnionId) {
		jdbc.sql("update member_union_transfer set to_organ_id = :to, to_union_id = :tu, version = version + 1 where id = :id")
			.param("to", toOrganId).param("tu", toUnionId).param("id", id).update();
	}

	/** The member came back to the organ they left: nothing to transfer. */
	void delete(long id) {
		jdbc.sql("delete from member_union_transfer where id = :id").param("id", id).update();
	}

	int release(long id, Integer version, long by, OffsetDateTime now) {
		return jdbc.sql("""
				update member_union_transfer set state = 'WAITING_ACCEPT', released_by = :by, released_at = :now,
				  version = version + 1
				where id = :id and state = 'WAITING_RELEASE' and (:version is null or version = :version)""")
			.param("by", by).param("now", now).param("id", id).param("version", version, Types.INTEGER).update();
	}

	int accept(long id, Integer version, long by, OffsetDateTime now) {
		return jdbc.sql("""
				update member_union_transfer set state = 'DONE', accepted_by = :by, accepted_at = :now, version = version + 1
				where id = :id and state = 'WAITING_ACCEPT' and (:version is null or version = :version)""")
			.param("by", by).param("now", now).param("id", id).param("version", version, Types.INTEGER).update();
	}

	/** Transfers with either end in {@code scope} (a condition over {@code t.from_organ_id} / {@code t.to_organ_id}). */
	PageResult<UnionViews.Transfer> page(SqlCondition fromScope, SqlCondition toScope, TransferState state,
			boolean openOnly, PageRequest page) {
		Map<String, Object> params = new HashMap<>(fromScope.params());
		params.putAll(toScope.params());
		String filter = state != null ? " and t.state = :state" : openOnly ? " and t.state <> 'DONE'" : "";
		if (state != null) {
			params.put("state", state.name());
		}
		String from = """
				from member_union_transfer t join person p on p.id = t.person_id
				join org fo on fo.id = t.from_organ_id join org tor on tor.id = t.to_organ_id
				left join org fu on fu.id = t.from_union_id left join org tu on tu.id = t.to_union_id
				left join member_union_membership m on m.person_id = t.person_id
				left join account_name ra on ra.id = t.released_by left join account_name aa on aa.id = t.accepted_by
				where (""" + fromScope.sql() + " or " + toScope.sql() + ")" + filter;
		return SqlPages.page(jdbc, """
				t.id, t.person_id, p.name, m.member_number, fo.name as from_organ, fu.name as from_union, tor.name as to_organ,
				tu.name as to_union, t.state, t.opened_at, ra.display_name as released_by, t.released_at,
				aa.display_name as accepted_by, t.accepted_at, t.version, t.from_organ_id, t.to_organ_id""", from,
				"t.opened_at desc, t.id desc", params, page,
				(rs, i) -> {
					TransferState s = TransferState.valueOf(rs.getString("state"));
					return new UnionViews.Transfer(rs.getLong("id"), rs.getLong("person_id"), rs.getString("name"),
							rs.getString("member_number"), rs.getString("from_organ"), rs.getString("from_union"),
							rs.getString("to_organ"), rs.getString("to_union"), new CodeLabel(s.name(), s.label()),
							rs.getObject("opened_at", OffsetDateTime.class), rs.getString("released_by"),
							rs.getObject("released_at", OffsetDateTime.class), rs.getString("accepted_by"),
							rs.getObject("accepted_at", OffsetDateTime.class), rs.getInt("version"), false, false);
				});
	}

	/** The organs at both ends, for deciding what the caller may do with each row. */
	Map<Long, long[]> ends(Collection<Long> ids) {
		Map<Long, long[]> ends = new HashMap<>();
		if (!ids.isEmpty()) {
			jdbc.sql("select id, from_organ_id, to_organ_id from member_union_transfer where id in (:ids)").param("ids", ids)
				.query(rs -> {
					ends.put(rs.getLong(1), new long[] { rs.getLong(2), rs.getLong(3) });
				});
		}
		return ends;
	}
}
