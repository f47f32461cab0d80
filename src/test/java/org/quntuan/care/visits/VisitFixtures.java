package org.quntuan.care.visits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.quntuan.platform.Zones;
import org.quntuan.support.IntegrationTest;
import org.quntuan.support.TestClock;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

/** What the visit tests share: plans, people, additions and visits through the API, and the journal's lines. */
abstract class VisitFixtures extends IntegrationTest {

	static final String ROOT = "市直机关工委";

	LocalDate today() {
		return LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS));
	}

	/** A visit date in the plan made by {@link #plan}: today, which is never in a closed year. */
	String visitDay() {
		return today().toString();
	}

	/** Union members of an organ (whom its union's admin administers), none of them a named demo account. */
	List<Long> unionMembers(String organ, int n) {
		return jdbc.sql("""
				select p.id from person p join org o on o.id = p.organ_id
				where o.name = :organ and p.active = true and p.union_status = 'MEMBER'
				  and not exists (select 1 from account a where a.person_id = p.id and a.username in ('member1', 'finance1',
				    'info1', 'orgadmin1', 'orgadmin2', 'auditor1'))
				order by p.id fetch first :n rows only""")
			.param("organ", organ).param("n", n).query(Long.class).list();
	}

	String planBody(String title, String book, String budget, String standards) {
		return "{\"title\":\"" + title + "\",\"startsOn\":\"" + today().minusDays(5) + "\",\"endsOn\":\""
				+ today().plusDays(30) + "\",\"bookOrgId\":" + orgId(book) + ",\"budget\":\"" + budget
				+ "\",\"standards\":[" + standards + "]}";
	}

	static String standard(String kind, String form, String amount, String goods) {
		return "{\"kind\":\"" + kind + "\",\"form\":\"" + form + "\",\"amount\":\"" + amount + "\""
				+ (goods == null ? "" : ",\"goods\":\"" + goods + "\"") + "}";
	}

	MvcResult postJson(String username, String path, String body) throws Exception {
		return mvc.perform(post(path).header("Authorization", bearer(username)).contentType(MediaType.APPLICATION_JSON)
			.content(body)).andReturn();
	}

	long plan(String username, String title, String book, String budget, String... standards) throws Exception {
		MvcResult r = postJson(username, "/api/v1/care/visit-plans", planBody(title, book, budget, String.join(",", standards)));
		assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201);
		return body(r).get("id").asLong();
	}

	MvcResult add(String username, long plan, long person, String kind) throws Exception {
		return postJson(username, "/api/v1/care/visit-plans/" + plan + "/recipients",
				"{\"personId\":" + person + ",\"kind\":\"" + kind + "\"}");
	}

	long added(String username, long plan, long person, String kind) throws Exception {
		MvcResult r = add(username, plan, person, kind);
		assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201);
		return body(r).get("id").asLong();
	}

	MvcResult visit(String username, long recipient, String extra) throws Exception {
		return postJson(username, "/api/v1/care/visits", "{\"recipientId\":" + recipient + ",\"visitedOn\":\""
				+ visitDay() + "\",\"visitors\":\"工会主席 王强\"" + extra + "}");
	}

	/** The journal entries of a recipient's cash: at most one, ever. */
	List<Long> entriesOf(long recipient) {
		return jdbc.sql("select id from fin_txn where source_type = 'CARE_VISIT' and source_id = :r")
			.param("r", recipient).query(Long.class).list();
	}

	BigDecimal line(long txn, String account) {
		return jdbc.sql("select sum(amount) from fin_line where txn_id = :t and account = :a").param("t", txn)
			.param("a", account).query(BigDecimal.class).single();
	}

	int count(String sql, Object planId) {
		return jdbc.sql(sql).param("p", planId).query(Integer.class).single();
	}
}
