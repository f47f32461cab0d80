package org.quntuan.learning.trainings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import tools.jackson.databind.JsonNode;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.quntuan.learning.quizzes.QuizFixtures;
import org.quntuan.platform.SignedTokens;
import org.quntuan.platform.Zones;
import org.quntuan.support.AuditTrail;
import org.quntuan.support.IntegrationTest;
import org.quntuan.support.TestClock;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Training classes as an organizer, the org admins who nominate and the trainees use them: the
 * audience rule and the quota per organ or 片组, the confirmed list and its notification, check-in by a
 * short-lived signed token, attendance corrected with a reason, completion by attendance and the exam,
 * numbered certificates with a PDF whose text can be read, and the public verification page.
 */
class TrainingApiTests extends IntegrationTest {

	private OffsetDateTime now() {
		return OffsetDateTime.now(TestClock.CLOCK).truncatedTo(ChronoUnit.SECONDS);
	}

	private LocalDate today() {
		return LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS));
	}

	/** Union members of an organ (whom its union's admin administers), none of them a named demo account, in id order. */
	private List<Long> unionMembers(String organ, int n) {
		return jdbc.sql("""
				select p.id from person p join org o on o.id = p.organ_id
				where o.name = :organ and p.active = true and p.union_status = 'MEMBER'
				  and not exists (select 1 from account a where a.person_id = p.id and a.username in ('member1', 'finance1',
				    'info1', 'orgadmin1', 'orgadmin2', 'auditor1'))
				order by p.id fetch first :n rows only""")
			.param("organ", organ).param("n", n).query(Long.class).list();
	}

	private String session(OffsetDateTime start, int minutes, String topic) {
		return "{\"startsAt\":\"" + start + "\",\"endsAt\":\"" + start.plusMinutes(minutes) + "\",\"place\":\"市委党校\","
				+ "\"topic\":\"" + topic + "\",\"teacher\":\"李教授\",\"form\":\"专题讲座\"}";
	}

	private MvcResult create(String bearer, String body) throws Exception {
		return mvc.perform(post("/api/v1/trainings").header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON)
			.content(body)).andReturn();
	}

	private long training(String title, String rule, String unit, int quota, int share, String extra, String... sessions)
			throws Exception {
		String body = "{\"title\":\"" + title + "\",\"place\":\"市委党校\",\"startsOn\":\"" + today().minusDays(2)
				+ "\",\"endsOn\":\"" + today().plusDays(3) + "\",\"audienceRule\":\"" + rule + "\",\"quotaUnit\":\"" + unit
				+ "\",\"quotaPerUnit\":" + quota + ",\"attendancePercent\":" + share + extra + ",\"sessions\":["
				+ String.join(",", sessions) + "]}";
		MvcResult r = create(bearer("admin"), body);
		assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201);
		return body(r).get("id").asLong();
	}

	private MvcResult nominate(String username, long training, long person) throws Exception {
		return mvc.perform(post("/api/v1/trainings/" + training + "/nominations").header("Authorization", bearer(username))
			.contentType(MediaType.APPLICATION_JSON).content("{\"personId\":" + person + "}")).andReturn();
	}

	private int trainees(long training) {
		return jdbc.sql("select count(*) from learning_training_trainee where training_id = :t").param("t", training)
			.query(Integer.class).single();
	}

	private List<Long> sessions(long training) {
		return jdbc.sql("select id from learning_training_session where training_id = :t order by starts_at")
			.param("t", training).query(Long.class).list();
	}

	private String token(long session, OffsetDateTime at) {
		String secret = jdbc.sql("select checkin_secret from learning_training_session where id = :s").param("s", session)
			.query(String.class).single();
		return SignedTokens.issue("training-session-" + session, secret, at, Duration.ofMinutes(10));
	}

	private MvcResult checkIn(String username, long session, String token) throws Exception {
		return mvc.perform(post("/api/v1/trainings/sessions/" + session + "/check-in").header("Authorization", bearer(username))
			.contentType(MediaType.APPLICATION_JSON).content("{\"token\":\"" + token + "\"}")).andReturn();
	}

	private long traineeId(long training, long person) {
		return jdbc.sql("select id from learning_training_trainee where training_id = :t and person_id = :p")
			.param("t", training).param("p", person).query(Long.class).single();
	}

	private MvcResult correct(long training, long session, long trainee, boolean present, String reason) throws Exception {
		return mvc.perform(put("/api/v1/trainings/" + training + "/sessions/" + session + "/attendance/" + trainee)
			.header("Authorization", bearer("admin")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"present\":" + present + (reason == null ? "" : ",\"reason\":\"" + reason + "\"") + "}")).andReturn();
	}

	private MvcResult confirm(String username, long training) throws Exception {
		return mvc.perform(post("/api/v1/trainings/" + training + "/confirmation").header("Authorization", bearer(username)))
			.andReturn();
	}

	@Test
	void nominationsStayWithinTheQuotaOfTheOrganAndTheAdminsReachAndOverQuotaNamesTheQuota() throws Exception {
		long t = training("工会干部轮训班", "ANYONE", "ORGAN", 2, 80, "", session(now().plusDays(1), 120, "工会法解读"));
		List<Long> finance = unionMembers("市财政局", 3);
		assertThat(nominate("orgadmin1", t, finance.get(0)).getResponse().getStatus()).isEqualTo(201);
		assertThat(nominate("orgadmin1", t, finance.get(1)).getResponse().getStatus()).isEqualTo(201);

		MvcResult over = nominate("orgadmin1", t, finance.get(2));
		assertThat(over.getResponse().getStatus()).isEqualTo(422);
		assertThat(body(over).get("detail").asString()).contains("市财政局的名额为 2 人，已推荐 2 人");
		MvcResult twice = nominate("orgadmin1", t, finance.get(0));
		assertThat(twice.getResponse().getStatus()).isEqualTo(422);
		assertThat(body(twice).get("detail").asString()).contains("已在本培训班名单中");

		long education = unionMembers("市教育局", 1).get(0);
		assertThat(nominate("orgadmin1", t, education).getResponse().getStatus()).isEqualTo(403);
		assertThat(nominate("member1", t, finance.get(2)).getResponse().getStatus()).isEqualTo(403);
		assertThat(nominate("orgadmin1", t, 99_999_999L).getResponse().getStatus()).isEqualTo(400);
		assertThat(trainees(t)).isEqualTo(2);

		// the other organ's admin fills their own quota, and sees only their own people on the roster
		assertThat(nominate("orgadmin2", t, education).getResponse().getStatus()).isEqualTo(201);
		JsonNode roster = body(mvc.perform(get("/api/v1/trainings/" + t + "/roster").header("Authorization",
				bearer("orgadmin2"))).andReturn()).get("content");
		assertThat(roster).hasSize(1);
		assertThat(roster.get(0).get("personId").asLong()).isEqualTo(education);
		assertThat(body(mvc.perform(get("/api/v1/trainings/" + t + "/roster").header("Authorization", bearer("admin")))
			.andReturn()).get("content")).hasSize(3);

		// a nomination taken back frees its place
		long trainee = traineeId(t, finance.get(1));
		assertThat(mvc.perform(delete("/api/v1/trainings/" + t + "/nominations/" + trainee).header("Authorization",
				bearer("orgadmin2"))).andReturn().getResponse().getStatus()).isEqualTo(404);
		assertThat(mvc.perform(delete("/api/v1/trainings/" + t + "/nominations/" + trainee).header("Authorization",
				bearer("orgadmin1"))).andReturn().getResponse().getStatus()).isEqualTo(204);
		assertThat(nominate("orgadmin1", t, finance.get(2)).getResponse().getStatus()).isEqualTo(201);
		assertThat(AuditTrail.of(jdbc, "LEARNING_TRAINING", t)).extracting(AuditTrail.Event::detail)
			.anyMatch(d -> d.startsWith("撤回参训推荐"))
			.filteredOn(d -> d.startsWith("推荐参训")).hasSize(4);
	}

	@Test
	void aQuotaPerGroupCountsEveryOrganOfThe片组AndAClassForOtherOrgsDoesNotExistForTheAdmin() throws Exception {
		long t = training("片组联络员培训班", "ANYONE", "GROUP", 1, 80, "", session(now().plusDays(1), 60, "片组工作"));
		List<Long> finance = unionMembers("市财政局", 2);
		assertThat(nominate("orgadmin1", t, finance.get(0)).getResponse().getStatus()).isEqualTo(201);
		MvcResult over = nominate("orgadmin1", t, finance.get(1));
		assertThat(over.getResponse().getStatus()).isEqualTo(422);
		assertThat(body(over).get("detail").asString()).contains("第一片组的名额为 1 人");

		long education = orgId("市教育局");
		String body = "{\"title\":\"教育系统培训班\",\"place\":\"市委党校\",\"startsOn\":\"" + today() + "\",\"endsOn\":\""
				+ today() + "\",\"targets\":{\"orgIds\":[" + education + "]},\"quotaPerUnit\":5}";
		MvcResult r = create(bearer("admin"), body);
		assertThat(r.getResponse().getStatus()).isEqualTo(201);
		long other = body(r).get("id").asLong();
		assertThat(nominate("orgadmin1", other, finance.get(1)).getResponse().getStatus()).isEqualTo(404);
		assertThat(mvc.perform(get("/api/v1/trainings/" + other).header("Authorization", bearer("member1"))).andReturn()
			.getResponse().getStatus()).isEqualTo(404);
	}

	@Test
	void theAudienceRuleAdmitsOnlyFinanceOfficersOrTheHeadsOfWomensCommittees() throws Exception {
		long t = training("工会财务人员培训班", "FINANCE_OFFICERS", "ORGAN", 3, 80, "", session(now().plusDays(1), 90, "工会会计制度"));
		MvcResult notFinance = nominate("admin", t, personOf("member1"));
		assertThat(notFinance.getResponse().getStatus()).isEqualTo(422);
		assertThat(body(notFinance).get("detail").asString()).contains("本培训班面向财务人员");
		assertThat(nominate("admin", t, personOf("finance1")).getResponse().getStatus()).isEqualTo(201);

		long women = training("市直机关女工组织负责人培训班", "WOMEN_HEADS", "ORGAN", 3, 80, "",
				session(now().plusDays(1), 90, "女职工权益保护"));
		long head = jdbc.sql("""
				select m.person_id from leadership_member m join leadership_team lt on lt.id = m.team_id
				  join org o on o.id = lt.org_id
				where o.type = 'WOMEN' and lt.current_org_id is not null and m.position = 'CHAIR'
				order by m.id fetch first 1 rows only""").query(Long.class).single();
		assertThat(nominate("admin", women, head).getResponse().getStatus()).isEqualTo(201);
		MvcResult notHead = nominate("admin", women, personOf("member1"));
		assertThat(notHead.getResponse().getStatus()).isEqualTo(422);
		assertThat(body(notHead).get("detail").asString()).contains("不是现任妇委会主任或副主任");
	}

	@Test
	void badClassesAreRefusedWithTheFieldNamedAndCreateNothing() throws Exception {
		int before = jdbc.sql("select count(*) from learning_training").query(Integer.class).single();
		MvcResult r = create(bearer("admin"), "{\"title\":\"\",\"place\":\"党校\",\"startsOn\":\"" + today() + "\",\"endsOn\":\""
				+ today().minusDays(1) + "\",\"quotaPerUnit\":0,\"sessions\":[{\"startsAt\":\"" + now() + "\",\"endsAt\":\""
				+ now().minusHours(1) + "\",\"place\":\"党校\",\"topic\":\"课\",\"teacher\":\"王老师\",\"form\":\"唱歌\"}]}");
		assertThat(r.getResponse().getStatus()).isEqualTo(400);
		assertThat(r.getResponse().getContentAsString()).contains("title").contains("endsOn").contains("quotaPerUnit")
			.contains("sessions[0].endsAt").contains("sessions[0].form");
		assertThat(create(bearer("member1"), "{\"title\":\"x\"}").getResponse().getStatus()).isEqualTo(403);
		// an organ's union admin runs classes for their own people only
		String cityWide = "{\"title\":\"全市培训\",\"place\":\"党校\",\"startsOn\":\"" + today() + "\",\"endsOn\":\"" + today()
				+ "\",\"quotaPerUnit\":1}";
		MvcResult reach = create(bearer("orgadmin1"), cityWide);
		assertThat(reach.getResponse().getStatus()).isEqualTo(201);
		assertThat(jdbc.sql("select o.name from learning_training t join org o on o.id = t.owner_org_id where t.id = :t")
			.param("t", body(reach).get("id").asLong()).query(String.class).single()).isEqualTo("市财政局工会");
		assertThat(jdbc.sql("select count(*) from learning_training").query(Integer.class).single()).isEqualTo(before + 1);
		MvcResult own = create(bearer("orgadmin1"), cityWide.replace("\"quotaPerUnit\":1", "\"quotaPerUnit\":1,\"targets\":"
				+ "{\"orgIds\":[" + orgId("市财政局工会") + "]}"));
		assertThat(own.getResponse().getStatus()).as(own.getResponse().getContentAsString()).isEqualTo(201);
	}

	@Test
	void theConfirmedListIsNotifiedAndCheckInTakesAFreshSignedTokenDuringTheSession() throws Exception {
		long t = training("基层工会主席培训班", "ANYONE", "ORGAN", 5, 80, "", session(now().minusMinutes(30), 90, "工会法解读"),
				session(now().plusDays(2), 90, "财务制度"));
		long member = personOf("member1");
		long other = unionMembers("市财政局", 1).get(0);
		assertThat(nominate("orgadmin1", t, member).getResponse().getStatus()).isEqualTo(201);
		assertThat(nominate("orgadmin1", t, other).getResponse().getStatus()).isEqualTo(201);
		List<Long> sessions = sessions(t);
		// not before the list is confirmed: neither a check-in nor a correction
		MvcResult early = checkIn("member1", sessions.get(0), token(sessions.get(0), now()));
		assertThat(early.getResponse().getStatus()).isEqualTo(422);
		assertThat(correct(t, sessions.get(0), traineeId(t, member), true, "提前补录").getResponse().getStatus())
			.isEqualTo(422);

		assertThat(confirm("orgadmin1", t).getResponse().getStatus()).isEqualTo(403);
		MvcResult confirmed = confirm("admin", t);
		assertThat(confirmed.getResponse().getStatus()).isEqualTo(200);
		assertThat(body(confirmed).get("trainees").asInt()).isEqualTo(2);
		assertThat(jdbc.sql("""
				select count(*) from notification n join account a on a.id = n.recipient_account_id
				where a.username = 'member1' and n.template = 'learning-training-confirmed' and n.event_key = :k""")
			.param("k", "learning-training-" + t + "-confirmed").query(Long.class).single()).isPositive();
		assertThat(confirm("admin", t).getResponse().getStatus()).isEqualTo(422);
		assertThat(nominate("orgadmin1", t, unionMembers("市财政局", 2).get(1)).getResponse().getStatus()).isEqualTo(422);

		long first = sessions.get(0);
		assertThat(checkIn("member1", first, "123.forged").getResponse().getStatus()).isEqualTo(400);
		MvcResult expired = checkIn("member1", first, token(first, now().minusMinutes(11)));
		assertThat(expired.getResponse().getStatus()).isEqualTo(422);
		assertThat(body(expired).get("detail").asString()).contains("已过期");
		assertThat(checkIn("member1", first, token(sessions.get(1), now())).getResponse().getStatus()).isEqualTo(400);
		assertThat(checkIn("member1", first, token(first, now())).getResponse().getStatus()).isEqualTo(204);
		assertThat(checkIn("member1", first, token(first, now())).getResponse().getStatus()).isEqualTo(204);
		MvcResult stranger = checkIn("orgadmin2", first, token(first, now()));
		assertThat(stranger.getResponse().getStatus()).isEqualTo(422);
		MvcResult later = checkIn("member1", sessions.get(1), token(sessions.get(1), now()));
		assertThat(later.getResponse().getStatus()).isEqualTo(422);
		assertThat(body(later).get("detail").asString()).contains("签到时间");

		JsonNode mine = body(mvc.perform(get("/api/v1/trainings/" + t).header("Authorization", bearer("member1"))).andReturn());
		assertThat(mine.get("me").get("attended").asInt()).isEqualTo(1);
		assertThat(mine.get("sessions").get(0).get("attended").asBoolean()).isTrue();
		assertThat(mine.get("roster")).isEmpty();

		// the organizer corrects the other trainee's attendance, with a reason
		long otherTrainee = traineeId(t, other);
		assertThat(correct(t, first, otherTrainee, true, null).getResponse().getStatus()).isEqualTo(400);
		assertThat(mvc.perform(put("/api/v1/trainings/" + t + "/sessions/" + first + "/attendance/" + otherTrainee)
			.header("Authorization", bearer("admin")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"未说明出勤还是缺勤\"}")).andReturn().getResponse().getStatus()).isEqualTo(400);
		assertThat(correct(t, first, otherTrainee, true, "签到时手机没电，经班主任核实在场").getResponse().getStatus()).isEqualTo(204);
		assertThat(AuditTrail.of(jdbc, "LEARNING_TRAINING", t)).extracting(AuditTrail.Event::detail)
			.anyMatch(d -> d.contains("由缺勤改为出勤") && d.contains("经班主任核实在场"))
			.anyMatch(d -> d.startsWith("培训签到"));

		MvcResult ics = mvc.perform(get("/api/v1/trainings/" + t + "/schedule.ics").header("Authorization", bearer("member1")))
			.andReturn();
		assertThat(ics.getResponse().getContentType()).startsWith("text/calendar");
		assertThat(ics.getResponse().getContentAsString()).contains("BEGIN:VEVENT").contains("工会法解读").contains("财务制度");
	}

	@Test
	void finishingGivesNumberedCertificatesByAttendanceAndExamAndTheQrPageShowsOnlyAMaskedName() throws Exception {
		// the final exam: a competition that closed an hour ago, with the trainees' scores
		long bank = QuizFixtures.bank(mvc, json, bearer("admin"), "结业考试题库" + System.nanoTime(),
				QuizFixtures.questions("结业", 5, 0, 0));
		long quiz = QuizFixtures.quiz(mvc, json, bearer("admin"), QuizFixtures.quizBody("财务培训结业考试", bank,
				List.of(orgId("市直机关工委")), now().minusDays(2), now().minusHours(1), 600, 1, 5, 0, 0));
		long t = training("工会财务人员培训班（第二期）", "ANYONE", "ORGAN", 5, 50,
				",\"examQuizId\":" + quiz + ",\"examPassScore\":6", session(now().minusDays(2), 120, "预算管理"),
				session(now().minusDays(1), 120, "经费审查"));
		long member = personOf("member1");
		List<Long> others = unionMembers("市财政局", 3);
		for (long p : List.of(member, others.get(0), others.get(1), others.get(2))) {
			assertThat(nominate("orgadmin1", t, p).getResponse().getStatus()).isEqualTo(201);
		}
		assertThat(confirm("admin", t).getResponse().getStatus()).isEqualTo(200);
		List<Long> sessions = sessions(t);
		// member1 both sessions, others[0] one, others[1] one but fails the exam, others[2] none
		correct(t, sessions.get(0), traineeId(t, member), true, "补录");
		correct(t, sessions.get(1), traineeId(t, member), true, "补录");
		correct(t, sessions.get(1), traineeId(t, others.get(0)), true, "补录");
		correct(t, sessions.get(0), traineeId(t, others.get(1)), true, "补录");
		int[] scores = { 10, 8, 4, 10 };
		List<Long> people = List.of(member, others.get(0), others.get(1), others.get(2));
		for (int i = 0; i < people.size(); i++) {
			jdbc.sql("""
					insert into quiz_attempt (quiz_id, person_id, seq, status, started_at, deadline, finished_at, score,
					  max_score, time_used_ms)
					values (:q, :p, 1, 'SUBMITTED', :at, :at, :at, :score, 10, 60000)""")
				.param("q", quiz).param("p", people.get(i)).param("at", now().minusDays(1)).param("score", scores[i]).update();
		}

		// an exam answer still being handed in (open within the grace) holds the class's end back
		long late = unionMembers("市财政局", 4).get(3);
		jdbc.sql("""
				insert into quiz_attempt (quiz_id, person_id, seq, status, started_at, deadline, max_score)
				values (:q, :p, 1, 'OPEN', :at, :at, 10)""")
			.param("q", quiz).param("p", late).param("at", now().minusHours(1)).update();
		MvcResult held = mvc.perform(post("/api/v1/trainings/" + t + "/completion").header("Authorization", bearer("admin")))
			.andReturn();
		assertThat(held.getResponse().getStatus()).isEqualTo(422);
		assertThat(body(held).get("detail").asString()).contains("未交卷");
		jdbc.sql("update quiz_attempt set status = 'EXPIRED', finished_at = deadline, score = 0 where quiz_id = :q and"
				+ " person_id = :p").param("q", quiz).param("p", late).update();
		MvcResult finished = mvc.perform(post("/api/v1/trainings/" + t + "/completion").header("Authorization", bearer("admin")))
			.andReturn();
		assertThat(finished.getResponse().getStatus()).as(finished.getResponse().getContentAsString()).isEqualTo(200);
		assertThat(body(finished).get("trainees").asInt()).isEqualTo(4);
		assertThat(body(finished).get("completed").asInt()).isEqualTo(2);
		assertThat(mvc.perform(post("/api/v1/trainings/" + t + "/completion").header("Authorization", bearer("admin")))
			.andReturn().getResponse().getStatus()).isEqualTo(422);
		assertThat(correct(t, sessions.get(0), traineeId(t, others.get(2)), true, "补录").getResponse().getStatus())
			.isEqualTo(422);

		JsonNode roster = body(mvc.perform(get("/api/v1/trainings/" + t + "/roster").header("Authorization", bearer("admin")))
			.andReturn()).get("content");
		assertThat(roster).hasSize(4);
		String year = String.valueOf(today().plusDays(3).getYear());
		for (JsonNode r : roster) {
			boolean done = r.get("personId").asLong() == member || r.get("personId").asLong() == others.get(0);
			assertThat(r.get("completed").asBoolean()).as(r.toString()).isEqualTo(done);
			if (done) {
				assertThat(r.get("certificateNumber").asString()).matches(year + "-" + String.format("%04d", t) + "-00[12]");
			}
			else {
				assertThat(r.get("certificateNumber").isNull()).isTrue();
			}
		}
		JsonNode mine = body(mvc.perform(get("/api/v1/trainings/" + t).header("Authorization", bearer("member1"))).andReturn())
			.get("me");
		String code = mine.get("certificateCode").asString();
		String name = jdbc.sql("select name from person where id = :p").param("p", member).query(String.class).single();

		// the public page behind the QR code: no sign-in, the name masked, the class and the date
		MvcResult page = mvc.perform(get("/verify/certificates/" + code)).andReturn();
		assertThat(page.getResponse().getStatus()).isEqualTo(200);
		String html = page.getResponse().getContentAsString();
		assertThat(html).contains("工会财务人员培训班（第二期）").contains(TrainingQueries.mask(name)).doesNotContain(name)
			.doesNotContain("市财政局");
		assertThat(mvc.perform(get("/verify/certificates/NOSUCHCODE")).andReturn().getResponse().getStatus()).isEqualTo(404);

		// the certificate: a PDF whose Chinese text can be read back, for its holder and the admins who see them
		MvcResult pdf = mvc.perform(get("/api/v1/certificates/" + code + "/pdf").header("Authorization", bearer("member1")))
			.andReturn();
		assertThat(pdf.getResponse().getStatus()).isEqualTo(200);
		assertThat(pdf.getResponse().getContentType()).isEqualTo("application/pdf");
		try (PDDocument doc = Loader.loadPDF(pdf.getResponse().getContentAsByteArray())) {
			String text = new PDFTextStripper().getText(doc);
			assertThat(text).contains("结业证书").contains(name).contains("工会财务人员培训班（第二期）")
				.contains(mine.get("certificateNumber").asString());
		}
		assertThat(mvc.perform(get("/api/v1/certificates/" + code + "/pdf").header("Authorization", bearer("orgadmin1")))
			.andReturn().getResponse().getStatus()).isEqualTo(200);
		assertThat(mvc.perform(get("/api/v1/certificates/" + code + "/pdf").header("Authorization", bearer("orgadmin2")))
			.andReturn().getResponse().getStatus()).isEqualTo(404);
		assertThat(AuditTrail.of(jdbc, "LEARNING_TRAINING", t)).extracting(AuditTrail.Event::detail)
			.anyMatch(d -> d.contains("结业：学员 4 人，结业 2 人"));
	}

	@Test
	void aClassIsFinishedOnlyAfterItsLastSession() throws Exception {
		long t = training("尚未结束的培训班", "ANYONE", "ORGAN", 5, 80, "", session(now().plusHours(2), 60, "未来的课"));
		assertThat(nominate("orgadmin1", t, personOf("member1")).getResponse().getStatus()).isEqualTo(201);
		assertThat(confirm("admin", t).getResponse().getStatus()).isEqualTo(200);
		MvcResult r = mvc.perform(post("/api/v1/trainings/" + t + "/completion").header("Authorization", bearer("admin")))
			.andReturn();
		assertThat(r.getResponse().getStatus()).isEqualTo(422);
		assertThat(body(r).get("detail").asString()).contains("最后一次课结束 1 小时后");
	}

	@Test
	void theNameIsMaskedKeepingTheFirstAndForLongerNamesTheLastCharacter() {
		assertThat(TrainingQueries.mask("张")).isEqualTo("*");
		assertThat(TrainingQueries.mask("张三")).isEqualTo("张*");
		assertThat(TrainingQueries.mask("王小明")).isEqualTo("王*明");
		assertThat(TrainingQueries.mask("欧阳娜娜")).isEqualTo("欧**娜");
	}
}
