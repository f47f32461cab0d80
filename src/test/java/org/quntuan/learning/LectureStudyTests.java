package org.quntuan.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.quntuan.activity.ActivityFixtures;
import org.quntuan.platform.Zones;
import org.quntuan.support.IntegrationTest;
import org.quntuan.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Lectures and forums attended (checked in) count in the study record and the year's study figures. */
class LectureStudyTests extends IntegrationTest {

	@Autowired
	StudyFigures figures;

	@Autowired
	LectureAttendance lectures;

	private long activity(String type, String title, long organ) {
		String path = jdbc.sql("select path from org where id = :id").param("id", organ).query(String.class).single();
		OffsetDateTime start = OffsetDateTime.now(TestClock.CLOCK).minusDays(3);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into activity (title, type, organizer_org_id, organizer_path, place, start_at, end_at, signup_opens_at,
				  signup_closes_at, seats, confirmed_count, checkin_secret, created_by_account_id, created_at)
				values (:t, :type, :org, :path, '市委党校报告厅', :start, :end, :opens, :start, 200, 0, 'secret', 0, :opens)""")
			.param("t", title).param("type", type).param("org", organ).param("path", path).param("start", start)
			.param("end", start.plusHours(2)).param("opens", start.minusDays(10)).update(keys, "id");
		return keys.getKey().longValue();
	}

	private void attended(long activity, long person, OffsetDateTime at) {
		jdbc.sql("update activity set confirmed_count = confirmed_count + 1 where id = :a").param("a", activity).update();
		jdbc.sql("""
				insert into activity_registration (activity_id, person_id, status, registered_at, attended_at)
				values (:a, :p, 'CONFIRMED', :at, :at)""").param("a", activity).param("p", person).param("at", at).update();
	}

	@Test
	void lecturesAndForumsCheckedInCountWithTheirPointsOtherActivitiesDoNot() throws Exception {
		long organ = ActivityFixtures.organ(jdbc, "第一片组");
		var people = ActivityFixtures.members(jdbc, organ, 2, "FEMALE", LocalDate.of(1987, 7, 7));
		var listener = people.get(0);
		var lastYear = people.get(1);
		OffsetDateTime now = OffsetDateTime.now(TestClock.CLOCK);
		int year = LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS)).getYear();
		OffsetDateTime startOfYear = LocalDate.of(year, 1, 1).atStartOfDay(Zones.BUSINESS).toOffsetDateTime();
		long lecture = activity("LECTURE", "《工会法》专家讲座", organ);
		long forum = activity("FORUM", "青年理论学习论坛", organ);
		long sports = activity("SPORTS_CULTURE", "健步走", organ);
		long registeredOnly = activity("LECTURE", "劳动法讲座（未签到）", organ);
		// early in the year, so that the test holds on any day (the clock may be set to the year's first minutes)
		attended(lecture, listener.personId(), startOfYear.plusSeconds(30));
		attended(forum, listener.personId(), startOfYear.plusSeconds(60));
		attended(sports, listener.personId(), startOfYear.plusSeconds(30));
		jdbc.sql("""
				insert into activity_registration (activity_id, person_id, status, registered_at)
				values (:a, :p, 'CONFIRMED', :at)""").param("a", registeredOnly).param("p", listener.personId())
			.param("at", startOfYear).update();
		attended(lecture, lastYear.personId(), startOfYear.minusMinutes(1));

		assertThat(lectures.pointsEach()).isEqualTo(2);
		StudyFigures.PersonYear person = figures.person(listener.personId(), year);
		assertThat(person.lecturesAttended()).isEqualTo(2);
		assertThat(person.materialsCompleted()).isZero();
		assertThat(person.points()).isEqualTo(4);
		assertThat(figures.person(lastYear.personId(), year).lecturesAttended()).isZero();
		assertThat(figures.person(lastYear.personId(), year - 1).points()).isEqualTo(2);

		StudyFigures.OrgYear org = figures.org(organ, year);
		assertThat(org.peopleStudying()).isEqualTo(1);
		assertThat(org.lecturesAttended()).isEqualTo(2);
		assertThat(org.points()).isEqualTo(4);
		assertThat(figures.byOrgan(year).get(organ)).isEqualTo(org);
		long group = jdbc.sql("select parent_id from org where id = :id").param("id", organ).query(Long.class).single();
		assertThat(figures.org(group, year).lecturesAttended()).isGreaterThanOrEqualTo(2);

		JsonNode mine = body(mvc.perform(get("/api/v1/learning/mine").header("Authorization", listener.bearer())).andReturn());
		assertThat(mine.get("pointsThisYear").asInt()).isEqualTo(4);
		assertThat(mine.get("lectures").findValuesAsString("title")).containsExactly("青年理论学习论坛", "《工会法》专家讲座");
		assertThat(mine.get("lectures").get(0).get("type").get("label").asString()).isEqualTo("论坛");
		assertThat(mine.get("lectures").get(0).get("points").asInt()).isEqualTo(2);

		// and 我的学习 shows them, with their points
		jdbc.sql("update account set password_hash = (select password_hash from account where username = 'member1')"
				+ " where id = :id").param("id", listener.accountId()).update();
		acceptRules(listener.accountId());
		String username = jdbc.sql("select username from account where id = :id").param("id", listener.accountId())
			.query(String.class).single();
		String page = mvc.perform(get("/learning").session(login(username))).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"learning-lectures\"", "青年理论学习论坛", "《工会法》专家讲座", "· 2 分")
			.doesNotContain("健步走");
		assertThat(page).containsPattern("id=\"learning-points\"[^>]*>4<");
	}

	/** Learning reads attendance through the activity module's facade: its SQL never names an activity table. */
	@Test
	void learningSqlNamesNoActivityTable() throws IOException {
		Pattern activityTable = Pattern.compile("\\b(from|join|into|update)\\s+activity(_\\w+)?\\b",
				Pattern.CASE_INSENSITIVE);
		try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/quntuan/learning"))) {
			List<Path> offending = files.filter(f -> f.toString().endsWith(".java")).filter(f -> {
				try {
					return activityTable.matcher(Files.readString(f)).find();
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
			}).toList();
			assertThat(offending).isEmpty();
		}
	}
}
