package org.quntuan.governance.votes;

import java.time.OffsetDateTime;

import org.quntuan.support.TestClock;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The votes the access matrix test (org.quntuan.web) tries the vote endpoints on, made once straight in the
 * database: own = a vote of 市财政局工会 with member1 alone on its list, sibling = one of 市教育局工会 with
 * orgadmin2; both closed yesterday, so that results answer and a ballot is refused (422) without a change.
 */
public final class VoteMatrixObjects {

	private VoteMatrixObjects() {
	}

	public static synchronized Long object(JdbcClient jdbc, String relation) {
		if (!relation.equals("OWN") && !relation.equals("SIBLING")) {
			return null;
		}
		boolean own = relation.equals("OWN");
		return vote(jdbc, own ? "市财政局" : "市教育局", own ? "member1" : "orgadmin2");
	}

	private static long vote(JdbcClient jdbc, String organ, String voter) {
		String title = "矩阵测试投票-" + organ;
		Long id = jdbc.sql("select id from gov_vote where title = :t").param("t", title).query(Long.class).optional()
			.orElse(null);
		if (id != null) {
			return id;
		}
		OffsetDateTime now = OffsetDateTime.now(TestClock.CLOCK);
		long union = jdbc.sql("select min(u.id) from org u join org o on o.id = u.parent_id where o.name = :n and u.type = 'UNION'")
			.param("n", organ).query(Long.class).single();
		jdbc.sql("""
				insert into gov_vote (title, owner_org_id, secret, max_choices, opens_at, closes_at, creator_account_id,
				  creator_name, created_at)
				values (:t, :o, true, 1, :opens, :closes, 1, '矩阵测试', :now)""")
			.param("t", title).param("o", union).param("opens", now.minusDays(3)).param("closes", now.minusDays(1))
			.param("now", now.minusDays(4)).update();
		id = jdbc.sql("select id from gov_vote where title = :t").param("t", title).query(Long.class).single();
		for (int i = 1; i <= 2; i++) {
			jdbc.sql("insert into gov_vote_option (vote_id, position, label) values (:v, :p, :l)").param("v", id)
				.param("p", i).param("l", i == 1 ? "同意" : "不同意").update();
		}
		long person = jdbc.sql("select person_id from account where username = :u").param("u", voter).query(Long.class)
			.single();
		jdbc.sql("insert into gov_vote_voter (vote_id, person_id) values (:v, :p)").param("v", id).param("p", person).update();
		return id;
	}
}
