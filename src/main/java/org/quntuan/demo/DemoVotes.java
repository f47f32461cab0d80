package org.quntuan.demo;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.sql.Types;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two votes of 市财政局工会 for its union members: a secret satisfaction vote open this week (member1 has not
 * voted yet, some colleagues have), and an open-ballot 推选 that closed ten days ago with its results.
 * Secret ballots are written as the engine writes them: random keys and no voter.
 */
@Component
@Profile("demo")
@Order(85)
class DemoVotes implements ApplicationRunner {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final TransactionTemplate tx;

	DemoVotes(JdbcClient jdbc, Clock clock, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.tx = tx;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (jdbc.sql("select count(*) from gov_vote").query(Long.class).single() > 0
				|| jdbc.sql("select count(*) from account where username = 'orgadmin1'").query(Long.class).single() == 0) {
			return;
		}
		tx.executeWithoutResult(status -> seed());
	}

	private void seed() {
		OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES);
		int year = now.getYear();
		long member1 = jdbc.sql("select person_id from account where username = 'member1'").query(Long.class).single();
		long union = jdbc.sql("""
				select u.id from org u join person p on p.organ_id = u.parent_id where p.id = :p and u.type = 'UNION'""")
			.param("p", member1).query(Long.class).single();
		long creator = jdbc.sql("select id from account where username = 'orgadmin1'").query(Long.class).single();
		List<Long> members = jdbc.sql("""
				select p.id from person p join org u on u.parent_id = p.organ_id
				where u.id = :u and p.active = true and p.union_status = 'MEMBER' order by p.id""")
			.param("u", union).query(Long.class).list();
		List<Long> others = members.stream().filter(p -> p != member1).toList();

		long open = vote(year + "年度职工之家建设满意度测评", union, true, now.minusDays(2), now.plusDays(7), creator,
				List.of("满意", "比较满意", "一般", "不满意"), members, now.minusDays(3));
		List<Long> openOptions = options(open);
		for (int i = 0; i < Math.min(5, others.size()); i++) {
			ballot(open, others.get(i), null, openOptions.get(i % 3));
		}
		List<String> names = others.stream().limit(3)
			.map(p -> jdbc.sql("select name from person where id = :p").param("p", p).query(String.class).single()).toList();
		if (names.size() < 2) {
			return;
		}
		long closed = vote(year + "年度“最美职工”推选", union, false, now.minusDays(20), now.minusDays(10), creator, names,
				members, now.minusDays(21));
		List<Long> closedOptions = options(closed);
		for (int i = 0; i < Math.min(8, members.size()); i++) {
			long voter = members.get(i);
			ballot(closed, voter, voter, closedOptions.get(i % 3 == 2 ? 1 : 0));
		}
	}

	private long vote(String title, long org, boolean secret, OffsetDateTime opens, OffsetDateTime closes, long creator,
			List<String> options, List<Long> voters, OffsetDateTime createdAt) {
		jdbc.sql("""
				insert into gov_vote (title, owner_org_id, secret, max_choices, opens_at, closes_at, creator_account_id,
				  creator_name, created_at)
				select :t, :o, :s, 1, :opens, :closes, a.id, a.display_name, :at from account a where a.id = :a""")
			.param("t", title).param("o", org).param("s", secret).param("opens", opens).param("closes", closes)
			.param("a", creator).param("at", createdAt).update();
		long id = jdbc.sql("select id from gov_vote where title = :t").param("t", title).query(Long.class).single();
		for (int i = 0; i < options.size(); i++) {
			jdbc.sql("insert into gov_vote_option (vote_id, position, label) values (:v, :p, :l)").param("v", id)
				.param("p", i + 1).param("l", options.get(i)).update();
		}
		for (Long p : voters) {
			jdbc.sql("insert into gov_vote_voter (vote_id, person_id) values (:v, :p)").param("v", id).param("p", p).update();
		}
		return id;
	}

	private List<Long> options(long vote) {
		return jdbc.sql("select id from gov_vote_option where vote_id = :v order by position").param("v", vote)
			.query(Long.class).list();
	}

	/** As the engine writes it: the register, and a randomly keyed ballot naming the voter only when open. */
	private void ballot(long vote, long person, Long openVoter, long option) {
		jdbc.sql("insert into gov_vote_register (vote_id, person_id) values (:v, :p)").param("v", vote).param("p", person)
			.update();
		String id = UUID.randomUUID().toString();
		jdbc.sql("insert into gov_vote_ballot (id, vote_id, person_id) values (:id, :v, :p)").param("id", id)
			.param("v", vote).param("p", openVoter, Types.BIGINT).update();
		jdbc.sql("insert into gov_vote_choice (ballot_id, option_id) values (:b, :o)").param("b", id).param("o", option)
			.update();
	}
}
