package org.quntuan.learning.trainings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.quntuan.learning.TrainingFigures;
import org.quntuan.platform.Zones;
import org.quntuan.support.IntegrationTest;
import org.quntuan.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The training pages as the organizer and an organ's admin use them: a class set up from the form, a
 * session added, a colleague nominated, the list confirmed, attendance corrected with a reason and the
 * class finished, with the Chinese messages each step leaves; bad input is named and changes nothing.
 */
class TrainingPageTests extends IntegrationTest {

	@Autowired
	TrainingFigures figures;

	private MvcResult page(MockHttpSession session, String path) throws Exception {
		return mvc.perform(get(path).session(session)).andReturn();
	}

	@Test
	void anOrganizerRunsAClassFromThePagesToItsCertificates() throws Exception {
		MockHttpSession admin = login("admin");
		LocalDate today = LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS));
		String form = page(admin, "/learning/trainings/new").getResponse().getContentAsString();
		assertThat(form).contains("妇委会（女工委）负责人").contains("每个片组");

		MvcResult bad = mvc.perform(post("/learning/trainings").session(admin).with(csrf()).param("title", "页面培训班")
			.param("place", "市委党校").param("startsOn", today.toString()).param("endsOn", "明天").param("quotaPerUnit", "2"))
			.andReturn();
		assertThat(bad.getResponse().getRedirectedUrl()).isEqualTo("/learning/trainings/new");
		assertThat(bad.getFlashMap().get("error").toString()).contains("日期格式不正确");

		String title = "页面培训班" + System.nanoTime() % 100000;
		MvcResult created = mvc.perform(post("/learning/trainings").session(admin).with(csrf()).param("title", title)
			.param("place", "市委党校").param("startsOn", today.minusDays(1).toString())
			.param("endsOn", today.toString()).param("quotaPerUnit", "2").param("attendancePercent", "100")).andReturn();
		String location = created.getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/learning/trainings/");
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

		LocalDateTime start = LocalDateTime.now(TestClock.CLOCK.withZone(Zones.BUSINESS)).minusHours(4)
			.truncatedTo(ChronoUnit.MINUTES);
		MvcResult added = mvc.perform(post("/learning/trainings/" + id + "/sessions").session(admin).with(csrf())
			.param("startsAt", start.toString()).param("endsAt", start.plusHours(2).toString()).param("place", "市委党校")
			.param("topic", "工会经费管理").param("teacher", "王会计师").param("form", "LECTURE")).andReturn();
		assertThat(added.getFlashMap().get("success").toString()).contains("工会经费管理");

		MockHttpSession organ = login("orgadmin1");
		long member = personOf("member1");
		MvcResult nominated = mvc.perform(post("/learning/trainings/" + id + "/nominations").session(organ).with(csrf())
			.param("personId", String.valueOf(member))).andReturn();
		assertThat(nominated.getFlashMap().get("success")).isEqualTo("已推荐");
		String detail = page(organ, "/learning/trainings/" + id).getResponse().getContentAsString();
		assertThat(detail).contains(title).contains("工会经费管理").contains("training-roster").contains("nominate-form")
			.doesNotContain("training-confirm");

		MvcResult confirmed = mvc.perform(post("/learning/trainings/" + id + "/confirm").session(admin).with(csrf())).andReturn();
		assertThat(confirmed.getFlashMap().get("success").toString()).contains("已通知 1 名学员");
		long session = jdbc.sql("select id from learning_training_session where training_id = :t").param("t", id)
			.query(Long.class).single();
		long trainee = jdbc.sql("select id from learning_training_trainee where training_id = :t").param("t", id)
			.query(Long.class).single();
		MvcResult noReason = mvc.perform(post("/learning/trainings/" + id + "/attendance").session(admin).with(csrf())
			.param("sessionId", String.valueOf(session)).param("traineeId", String.valueOf(trainee)).param("present", "true"))
			.andReturn();
		assertThat(noReason.getFlashMap().get("error").toString()).contains("请填写修改考勤的原因");
		mvc.perform(post("/learning/trainings/" + id + "/attendance").session(admin).with(csrf())
			.param("sessionId", String.valueOf(session)).param("traineeId", String.valueOf(trainee)).param("present", "true")
			.param("reason", "现场签到表补录"));
		MvcResult finished = mvc.perform(post("/learning/trainings/" + id + "/finish").session(admin).with(csrf())).andReturn();
		assertThat(finished.getFlashMap().get("success").toString()).contains("学员 1 人，结业 1 人");

		String mine = page(login("member1"), "/learning/trainings/" + id).getResponse().getContentAsString();
		assertThat(mine).contains("training-certificate").contains("/learning/certificates/");
		assertThat(page(login("member1"), "/learning/trainings").getResponse().getContentAsString()).contains(title);
		// the study record: the class and its certificate on 我的学习, and in the year's figures other modules read
		String study = page(login("member1"), "/learning").getResponse().getContentAsString();
		assertThat(study).contains("learning-trainings").contains(title).contains("learning-certificates")
			.contains("learning-competitions");
		int year = today.getYear();
		TrainingFigures.PersonYear person = figures.person(member, year);
		assertThat(person.classes()).isPositive();
		assertThat(person.completed()).isPositive().isLessThanOrEqualTo(person.classes());
		TrainingFigures.OrgYear organFigures = figures.org(orgId("市财政局"), year);
		assertThat(organFigures.completed()).isGreaterThanOrEqualTo(1);
		assertThat(figures.byOrgan(year).get(orgId("市财政局")).trainees()).isEqualTo(organFigures.trainees());
		assertThat(figures.org(orgId("市直机关工委"), year).trainees()).isGreaterThanOrEqualTo(organFigures.trainees());
		assertThat(figures.person(member, year - 1).classes()).isZero();
		MvcResult export = page(admin, "/learning/trainings/" + id + "/roster.xlsx");
		assertThat(export.getResponse().getStatus()).isEqualTo(200);
		assertThat(export.getResponse().getHeader("Content-Disposition")).contains(".xlsx");
	}
}
