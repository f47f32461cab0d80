package org.quntuan.organization;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.quntuan.platform.Pinyin;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The root of the tree (市直机关工委), created on the first start of an empty database so that the
 * first administrator has an organization to hold the federation role at. For identity's first
 * start only; unaudited, since nobody has signed in yet (the caller logs the start).
 */
@Component
public class TreeRoot {

	static final String NAME = "市直机关工委";

	private final JdbcClient jdbc;

	private final Clock clock;

	public TreeRoot(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The root's id, creating the root if the tree is empty. */
	public long ensure() {
		return jdbc.sql("select id from org where parent_id is null order by id").query(Long.class).optional()
			.orElseGet(() -> {
				jdbc.sql("""
						insert into org (parent_id, type, name, name_pinyin, path, depth, sort_order, active, created_at, version)
						values (null, 'COMMITTEE', :name, :pinyin, '/root/', 0, 0, true, :now, 0)""")
					.param("name", NAME).param("pinyin", Pinyin.full(NAME, false)).param("now", OffsetDateTime.now(clock))
					.update();
				long id = jdbc.sql("select id from org where path = '/root/'").query(Long.class).single();
				jdbc.sql("update org set path = :p where id = :id").param("p", "/" + id + "/").param("id", id).update();
				return id;
			});
	}
}
