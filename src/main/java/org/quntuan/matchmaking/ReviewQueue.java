package org.quntuan.matchmaking;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.SqlCondition;
import org.quntuan.platform.SqlPages;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The reviewers' reads: applicants with their real name and organ, which reviewers vouch for. */
@Repository
class ReviewQueue {

	private final JdbcClient jdbc;

	ReviewQueue(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	PageResult<MatchmakingViews.ReviewItem> page(SqlCondition scope, boolean pendingOnly, PageRequest page) {
		Map<String, Object> params = new LinkedHashMap<>(scope.params());
		String from = """
				from matchmaking_profile mp join person p on p.id = mp.person_id join org organ on organ.id = mp.organ_id
				where mp.deleted_at is null""" + " and " + scope.sql() + (pendingOnly ? " and mp.status = 'PENDING'" : "");
		return SqlPages.page(jdbc, "mp.id, p.name, organ.name as organ_name, mp.status, mp.updated_at, mp.gender", from,
				"case when mp.status = 'PENDING' then 0 else 1 end, mp.updated_at, mp.id", params, page,
				(rs, i) -> new MatchmakingViews.ReviewItem(rs.getLong(1), rs.getString(2), rs.getString(3),
						ProfileStatus.valueOf(rs.getString(4)).toCodeLabel(), rs.getObject(5, OffsetDateTime.class), null));
	}

	MatchmakingViews.ReviewItem item(long id, MatchmakingViews.MyProfile profile) {
		return jdbc.sql("""
				select p.name, organ.name from matchmaking_profile mp join person p on p.id = mp.person_id
				  join org organ on organ.id = mp.organ_id where mp.id = :id""")
			.param("id", id)
			.query((rs, i) -> new MatchmakingViews.ReviewItem(id, rs.getString(1), rs.getString(2), profile.status(),
					null, profile))
			.single();
	}

}
