package org.quntuan.governance.votes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quntuan.governance.votes.VoteFixtures.close;
import static org.quntuan.governance.votes.VoteFixtures.json;
import static org.quntuan.governance.votes.VoteFixtures.options;
import static org.quntuan.governance.votes.VoteFixtures.people;
import static org.quntuan.governance.votes.VoteFixtures.username;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.quntuan.support.IntegrationTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A secret ballot tells nobody who chose what. Two secret votes with the same three voters, who choose the
 * same options but swapped among them: if any answer, page or audit row connected a voter with a choice,
 * some reading of the two votes would differ. Every reading is made as each voter and as the admin: the
 * API (the list, the vote, the results, who voted), the pages (the vote, the results) and the audit rows.
 */
class SecretBallotTests extends IntegrationTest {

	private String read(String bearer, MockHttpSession session, String path) throws Exception {
		MvcResult r = session == null ? mvc.perform(get(path).header("Authorization", bearer)).andReturn()
				: mvc.perform(get(path).session(session)).andReturn();
		assertThat(r.getResponse().getStatus()).as(path).isEqualTo(200);
		return r.getResponse().getContentAsString();
	}

	private long vote(String title, List<Long> voters, int[] choiceOfVoter) throws Exception {
		MvcResult created = mvc.perform(post("/api/v1/votes").header("Authorization", bearer("admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json(title, orgId("市财政局"), voters, true, 1, "红队", "蓝队", "绿队"))).andReturn();
		assertThat(created.getResponse().getStatus()).as(created.getResponse().getContentAsString()).isEqualTo(201);
		long vote = body(created).get("id").asLong();
		List<Long> options = options(jdbc, vote);
		for (int i = 0; i < voters.size(); i++) {
			MvcResult cast = mvc.perform(post("/api/v1/votes/" + vote + "/ballots")
				.header("Authorization", bearer(username(jdbc, voters.get(i)))).contentType(MediaType.APPLICATION_JSON)
				.content("{\"choices\":[" + options.get(choiceOfVoter[i]) + "]}")).andReturn();
			assertThat(cast.getResponse().getStatus()).as(cast.getResponse().getContentAsString()).isEqualTo(201);
		}
		return vote;
	}

	/** Everything anyone can read of the vote, with its own ids replaced by placeholders. */
	private List<String> readings(long vote, List<Long> voters) throws Exception {
		List<String> readers = new ArrayList<>(List.of("admin"));
		voters.forEach(p -> readers.add(username(jdbc, p)));
		List<String> all = new ArrayList<>();
		for (String reader : readers) {
			String bearer = bearer(reader);
			MockHttpSession session = login(reader);
			String list = read(bearer, null, "/api/v1/votes?size=200");
			int at = list.indexOf("{\"id\":" + vote + ",");
			all.add(list.substring(at, list.indexOf('}', list.indexOf("\"manages\"", at)) + 1));
			all.add(read(bearer, null, "/api/v1/votes/" + vote));
			all.add(read(bearer, null, "/api/v1/votes/" + vote + "/results"));
			all.add(read(null, session, "/votes/" + vote));
			all.add(read(null, session, "/votes/" + vote + "/results"));
			if (reader.equals("admin")) {
				all.add(read(bearer, null, "/api/v1/votes/" + vote + "/voters"));
			}
		}
		all.addAll(jdbc.sql("""
				select type || '|' || coalesce(actor, '') || '|' || object_type || '|' || result || '|' || coalesce(detail, '')
				from audit_event where object_type in ('GOV_VOTE', 'GOV_VOTE_BALLOT') and object_id = :v order by id""")
			.param("v", String.valueOf(vote)).query(String.class).list());
		List<Long> options = options(jdbc, vote);
		List<String> normalized = new ArrayList<>();
		for (String s : all) {
			String n = s;
			for (int i = 0; i < options.size(); i++) {
				n = n.replaceAll("(\"id\":|value=\")" + options.get(i) + "(?=,\"label\"|\")", "$1{option" + i + "}");
			}
			n = n.replaceAll("(\"id\":|\"voteId\":|/votes/)" + vote + "(?!\\d)", "$1{vote}");
			normalized.add(n.replaceAll("(name=\"_csrf\" value=|content=|nonce=)\"[^\"]*\"", "$1\"…\""));
		}
		return normalized;
	}

	@Test
	void swappingTheVotersChoicesChangesNothingAnyoneCanRead() throws Exception {
		List<Long> voters = people(jdbc, "市财政局", 3);
		String title = "无记名测评" + System.nanoTime();
		long first = vote(title, voters, new int[] { 0, 1, 2 });
		long second = vote(title, voters, new int[] { 1, 2, 0 });
		close(jdbc, first);
		jdbc.sql("update gov_vote set opens_at = (select opens_at from gov_vote where id = :a), closes_at = (select closes_at "
				+ "from gov_vote where id = :a) where id = :b").param("a", first).param("b", second).update();

		List<String> a = readings(first, voters);
		List<String> b = readings(second, voters);
		assertThat(a).hasSameSizeAs(b);
		for (int i = 0; i < a.size(); i++) {
			assertThat(b.get(i)).as("reading " + i).isEqualTo(a.get(i));
		}
		// the readings hold what they should: each voter's name (who voted), the options and their counts
		String everything = String.join("\n", a);
		for (Long p : voters) {
			String name = jdbc.sql("select name from person where id = :p").param("p", p).query(String.class).single();
			assertThat(everything).contains(name);
		}
		assertThat(everything).contains("红队").contains("蓝队").contains("绿队").contains("\"count\":1");
		assertThat(a).anyMatch(r -> r.contains("GOV_VOTE_BALLOT"));
		// and the tables keep no voter with a ballot
		assertThat(jdbc.sql("select count(*) from gov_vote_ballot where vote_id in (:a, :b) and person_id is not null")
			.param("a", first).param("b", second).query(Integer.class).single()).isZero();
		assertThat(VoteFixtures.ballots(jdbc, first)).isEqualTo(3);
	}
}
