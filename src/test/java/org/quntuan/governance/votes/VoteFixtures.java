package org.quntuan.governance.votes;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.quntuan.support.TestClock;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the vote tests share: people with accounts, a vote's window moved to the past, counts. */
final class VoteFixtures {

	private VoteFixtures() {
	}

	static OffsetDateTime now() {
		return OffsetDateTime.now(TestClock.CLOCK).truncatedTo(ChronoUnit.SECONDS);
	}

	/** Active people of an organ with an account, none of them a named demo account, in id order. */
	static List<Long> people(JdbcClient jdbc, String organ, int n) {
		List<Long> people = jdbc.sql("""
				select p.id from person p join org o on o.id = p.organ_id join account a on a.person_id = p.id
				where o.name = :organ and p.active = true and a.username not in ('member1', 'finance1', 'info1',
				  'orgadmin1', 'orgadmin2', 'auditor1', 'group1', 'group2')
				order by p.id fetch first :n rows only""")
			.param("organ", organ).param("n", n).query(Long.class).list();
		if (people.size() < n) {
			throw new IllegalStateException("only " + people.size() + " people with accounts in " + organ);
		}
		return people;
	}

	/** Active people with an account anywhere, none of them a named demo account, in id order. */
	static List<Long> anyPeople(JdbcClient jdbc, int n) {
		return jdbc.sql("""
				select p.id from person p join account a on a.person_id = p.id
				where p.active = true and a.username not in ('member1', 'finance1', 'info1', 'orgadmin1', 'orgadmin2',
				  'auditor1', 'group1', 'group2')
				order by p.id fetch first :n rows only""")
			.param("n", n).query(Long.class).list();
	}

	static String username(JdbcClient jdbc, long personId) {
		return jdbc.sql("select username from account where person_id = :p").param("p", personId).query(String.class)
			.single();
	}

	/** As if the window had passed: the vote closed a minute ago. */
	static void close(JdbcClient jdbc, long voteId) {
		jdbc.sql("update gov_vote set opens_at = :o, closes_at = :c where id = :v").param("o", now().minusHours(2))
			.param("c", now().minusMinutes(1)).param("v", voteId).update();
	}

	static int registered(JdbcClient jdbc, long voteId) {
		return jdbc.sql("select count(*) from gov_vote_register where vote_id = :v").param("v", voteId)
			.query(Integer.class).single();
	}

	static int ballots(JdbcClient jdbc, long voteId) {
		return jdbc.sql("select count(*) from gov_vote_ballot where vote_id = :v").param("v", voteId)
			.query(Integer.class).single();
	}

	static List<Long> options(JdbcClient jdbc, long voteId) {
		return jdbc.sql("select id from gov_vote_option where vote_id = :v order by position").param("v", voteId)
			.query(Long.class).list();
	}

	static String json(String title, long orgId, List<Long> people, boolean secret, int maxChoices, String... options) {
		StringBuilder o = new StringBuilder();
		for (String option : options) {
			o.append(o.isEmpty() ? "" : ",").append('"').append(option).append('"');
		}
		return "{\"title\":\"" + title + "\",\"orgId\":" + orgId + (people == null ? "" : ",\"personIds\":" + people)
				+ ",\"options\":[" + o + "],\"opensAt\":\"" + now().minusMinutes(5) + "\",\"closesAt\":\""
				+ now().plusHours(1) + "\",\"secret\":" + secret + ",\"maxChoices\":" + maxChoices + "}";
	}
}
