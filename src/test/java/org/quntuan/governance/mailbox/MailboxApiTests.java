package org.quntuan.governance.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quntuan.governance.mailbox.MailboxFixtures.accountId;
import static org.quntuan.governance.mailbox.MailboxFixtures.letter;
import static org.quntuan.governance.mailbox.MailboxFixtures.letters;
import static org.quntuan.governance.mailbox.MailboxFixtures.status;
import static org.quntuan.governance.mailbox.MailboxFixtures.version;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.quntuan.platform.Zones;
import org.quntuan.support.IntegrationTest;
import org.quntuan.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The chair's mailbox through the API: a member writes to the chair of their union, the union's admins (the
 * chair's office) assign and answer within the deadline, the writer rates the answer once; letters to the
 * work committee go to its admins; a letter left open is reminded before its day and escalated after it;
 * bad input is named and changes nothing.
 */
class MailboxApiTests extends IntegrationTest {

	@Autowired
	private MailboxReminders reminders;

	private MvcResult send(MockHttpServletRequestBuilder request, String username, String body) throws Exception {
		request.header("Authorization", bearer(username));
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(body);
		}
		return mvc.perform(request).andReturn();
	}

	private long written(String username, String body) throws Exception {
		MvcResult r = send(post("/api/v1/mailbox/letters"), username, body);
		assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201);
		return body(r).get("id").asLong();
	}

	private String detail(MvcResult r) throws Exception {
		return body(r).get("detail").asString();
	}

	private boolean onBoard(String username, long id) throws Exception {
		JsonNode board = body(send(get("/api/v1/mailbox/letters?size=200"), username, null));
		return board.get("content").findValues("id").stream().anyMatch(n -> n.asLong() == id);
	}

	private LocalDate today() {
		return LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS));
	}

	@Test
	void aMemberWritesTheUnionAnswersAndTheMemberRatesTheAnswerOnce() throws Exception {
		long id = written("member1", letter("WELFARE", "食堂午餐品种太少，建议增加。", false, null));
		JsonNode seen = body(send(get("/api/v1/mailbox/letters/" + id), "orgadmin1", null));
		assertThat(seen.get("officeName").asString()).isEqualTo("市财政局工会");
		assertThat(seen.get("writerName").asString()).isNotBlank();
		assertThat(seen.get("dueOn").asString()).isEqualTo(today().plusDays(15).toString());
		assertThat(onBoard("orgadmin1", id)).isTrue();
		assertThat(onBoard("orgadmin2", id)).isFalse();
		assertThat(onBoard("admin", id)).isFalse();
		assertThat(body(send(get("/api/v1/mailbox/letters/mine"), "member1", null)).get("content").findValues("id").stream()
			.anyMatch(n -> n.asLong() == id)).isTrue();

		MvcResult early = send(post("/api/v1/mailbox/letters/" + id + "/rating"), "member1", "{\"score\":4}");
		assertThat(early.getResponse().getStatus()).isEqualTo(422);
		assertThat(detail(early)).isEqualTo("来信答复后才能评价");
		MvcResult foreign = send(post("/api/v1/mailbox/letters/" + id + "/reply"), "orgadmin2",
				"{\"text\":\"答复\",\"version\":0}");
		assertThat(foreign.getResponse().getStatus()).isEqualTo(404);
		assertThat(detail(foreign)).isEqualTo("来信不存在，或不是写给您的");
		MvcResult own = send(post("/api/v1/mailbox/letters/" + id + "/reply"), "member1", "{\"text\":\"答复\",\"version\":0}");
		assertThat(own.getResponse().getStatus()).isEqualTo(403);
		assertThat(send(post("/api/v1/mailbox/letters/" + id + "/reply"), "orgadmin1", "{\"text\":\"  \",\"version\":0}")
			.getResponse().getStatus()).isEqualTo(400);
		assertThat(status(jdbc, id)).isEqualTo("SUBMITTED");

		MvcResult wrongAssignee = send(post("/api/v1/mailbox/letters/" + id + "/assignment"), "orgadmin1",
				"{\"assigneeAccountId\":" + accountId(jdbc, "admin") + ",\"version\":0}");
		assertThat(wrongAssignee.getResponse().getStatus()).isEqualTo(400);
		MvcResult assigned = send(post("/api/v1/mailbox/letters/" + id + "/assignment"), "orgadmin1",
				"{\"assigneeAccountId\":" + accountId(jdbc, "orgadmin1") + ",\"version\":0}");
		assertThat(assigned.getResponse().getStatus()).as(assigned.getResponse().getContentAsString()).isEqualTo(200);
		assertThat(body(assigned).get("status").get("code").asString()).isEqualTo("ASSIGNED");
		MvcResult stale = send(post("/api/v1/mailbox/letters/" + id + "/reply"), "orgadmin1", "{\"text\":\"已协调\",\"version\":0}");
		assertThat(stale.getResponse().getStatus()).isEqualTo(409);
		MvcResult replied = send(post("/api/v1/mailbox/letters/" + id + "/reply"), "orgadmin1",
				"{\"text\":\"已与食堂协调，下月起增加两个品种。\",\"version\":" + version(jdbc, id) + "}");
		assertThat(replied.getResponse().getStatus()).as(replied.getResponse().getContentAsString()).isEqualTo(200);
		assertThat(send(post("/api/v1/mailbox/letters/" + id + "/reply"), "orgadmin1",
				"{\"text\":\"再答复\",\"version\":" + version(jdbc, id) + "}").getResponse().getStatus()).isEqualTo(409);
		assertThat(body(send(get("/api/v1/inbox?size=200"), "member1", null)).toString()).contains("您的来信已答复");

		MvcResult others = send(post("/api/v1/mailbox/letters/" + id + "/rating"), "orgadmin1", "{\"score\":5}");
		assertThat(others.getResponse().getStatus()).isEqualTo(403);
		assertThat(send(post("/api/v1/mailbox/letters/" + id + "/rating"), "member1", "{\"score\":6}").getResponse()
			.getStatus()).isEqualTo(400);
		assertThat(status(jdbc, id)).isEqualTo("REPLIED");
		MvcResult rated = send(post("/api/v1/mailbox/letters/" + id + "/rating"), "member1",
				"{\"score\":5,\"comment\":\"很满意\"}");
		assertThat(rated.getResponse().getStatus()).isEqualTo(200);
		assertThat(body(rated).get("rating").asInt()).isEqualTo(5);
		MvcResult twice = send(post("/api/v1/mailbox/letters/" + id + "/rating"), "member1", "{\"score\":1}");
		assertThat(twice.getResponse().getStatus()).isEqualTo(409);
		assertThat(detail(twice)).isEqualTo("您已评价过这封来信的答复");
		assertThat(jdbc.sql("select rating from gov_mailbox_letter where id = :id").param("id", id).query(Integer.class)
			.single()).isEqualTo(5);
	}

	@Test
	void badLettersAreRefusedAndNothingIsStored() throws Exception {
		int before = letters(jdbc);
		MvcResult empty = send(post("/api/v1/mailbox/letters"), "member1", letter("WELFARE", " ", false, null));
		assertThat(empty.getResponse().getStatus()).isEqualTo(400);
		assertThat(empty.getResponse().getContentAsString()).contains("请填写来信内容");
		MvcResult unknown = send(post("/api/v1/mailbox/letters"), "member1", letter("GOSSIP", "内容", false, null));
		assertThat(unknown.getResponse().getStatus()).isEqualTo(400);
		assertThat(unknown.getResponse().getContentAsString()).contains("请选择来信类别");
		assertThat(send(post("/api/v1/mailbox/letters"), "member1", letter("WELFARE", "内容", false, "mayor")).getResponse()
			.getStatus()).isEqualTo(400);
		assertThat(send(post("/api/v1/mailbox/letters"), "admin", letter("WELFARE", "内容", false, null)).getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(letters(jdbc)).isEqualTo(before);
		assertThat(send(get("/api/v1/mailbox/letters"), "member1", null).getResponse().getStatus()).isEqualTo(403);
	}

	@Test
	void aLetterToTheWorkCommitteeGoesToItsAdminsAndAnOverdueOneIsEscalated() throws Exception {
		long toFederation = written("member1", letter("SUGGESTION", "建议工委组织跨单位羽毛球赛。", false, "federation"));
		assertThat(onBoard("admin", toFederation)).isTrue();
		assertThat(onBoard("orgadmin1", toFederation)).isFalse();

		long due = written("member1", letter("WORK", "办公室空调故障。", false, null));
		long overdue = written("member1", letter("RIGHTS", "加班调休未落实。", false, null));
		jdbc.sql("update gov_mailbox_letter set due_on = :d where id = :id").param("d", today().plusDays(2)).param("id", due)
			.update();
		jdbc.sql("update gov_mailbox_letter set due_on = :d where id = :id").param("d", today().minusDays(1))
			.param("id", overdue).update();
		assertThat(onBoard("admin", overdue)).isFalse();
		MailboxReminders.Run run = reminders.remind();
		assertThat(run.reminded()).isPositive();
		assertThat(run.escalated()).isPositive();
		assertThat(jdbc.sql("select reminded from gov_mailbox_letter where id = :id").param("id", due).query(Boolean.class)
			.single()).isTrue();
		assertThat(jdbc.sql("select escalated from gov_mailbox_letter where id = :id").param("id", overdue)
			.query(Boolean.class).single()).isTrue();
		assertThat(onBoard("admin", overdue)).isTrue();
		assertThat(body(send(get("/api/v1/inbox?size=200"), "admin", null)).toString()).contains("来信 #" + overdue + " 逾期未答复");
		assertThat(body(send(get("/api/v1/inbox?size=200"), "orgadmin1", null)).toString()).contains("来信 #" + due + " 即将到期");
		// a second run tells nobody twice
		MailboxReminders.Run again = reminders.remind();
		assertThat(again.escalated()).isZero();
		// the work committee may answer the escalated letter
		assertThat(send(post("/api/v1/mailbox/letters/" + overdue + "/reply"), "admin",
				"{\"text\":\"工委已督办，单位将于本周内落实调休。\",\"version\":" + version(jdbc, overdue) + "}").getResponse().getStatus())
			.isEqualTo(200);

		JsonNode summary = body(send(get("/api/v1/mailbox/summary"), "orgadmin1", null));
		assertThat(summary.get("year").asInt()).isEqualTo(today().getYear());
		assertThat(summary.get("rows")).hasSize(6);
		assertThat(summary.get("totals").get("letters").asLong()).isPositive();
		MvcResult xlsx = send(get("/api/v1/mailbox/summary/export"), "orgadmin1", null);
		assertThat(xlsx.getResponse().getStatus()).isEqualTo(200);
		assertThat(xlsx.getResponse().getContentType()).contains("spreadsheetml");
	}
}
