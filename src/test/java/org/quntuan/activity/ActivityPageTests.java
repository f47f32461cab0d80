package org.quntuan.activity;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.quntuan.platform.Zones;
import org.quntuan.support.IntegrationTest;
import org.quntuan.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The pages: publish, find, register, the organizer's list with export, the QR code, .ics, photos. */
class ActivityPageTests extends IntegrationTest {

	@Autowired
	ActivityRepository activities;

	@Autowired
	CheckInTokens tokens;

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D };

	@Test
	void anOrgAdminPublishesOnThePageAndAMemberRegistersOnTheirPhone() throws Exception {
		MockHttpSession organizer = login("orgadmin1");
		LocalDateTime start = LocalDateTime.now(TestClock.CLOCK.withZone(Zones.BUSINESS)).plusDays(4).truncatedTo(ChronoUnit.MINUTES);
		String title = "页面发布的观影活动" + System.nanoTime() % 10000;
		MvcResult r = mvc.perform(post("/activities").session(organizer).with(csrf()).param("title", title)
			.param("type", "SPORTS_CULTURE").param("organizerOrgId", String.valueOf(orgId("市财政局工会")))
			.param("place", "市电影院").param("seats", "30").param("startAt", start.toString())
			.param("endAt", start.plusHours(2).toString()).param("signupOpensAt", start.minusDays(5).toString())
			.param("signupClosesAt", start.minusDays(1).toString()).param("audience", "all")).andReturn();
		assertThat(r.getResponse().getRedirectedUrl()).as(r.getResponse().getContentAsString()).startsWith("/activities/");
		long id = Long.parseLong(r.getResponse().getRedirectedUrl().substring("/activities/".length()));

		MockHttpSession member = login("member1");
		String list = mvc.perform(get("/activities").session(member)).andReturn().getResponse().getContentAsString();
		assertThat(list).contains(title);
		r = mvc.perform(post("/activities/" + id + "/register").session(member).with(csrf())).andReturn();
		assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/activities/" + id);
		assertThat((String) r.getFlashMap().get("success")).contains("报名成功");
		String detail = mvc.perform(get("/activities/" + id).session(member)).andReturn().getResponse().getContentAsString();
		assertThat(detail).contains("已确认", "加入日历");
		MvcResult ics = mvc.perform(get("/activities/" + id + "/calendar.ics").session(member)).andReturn();
		assertThat(ics.getResponse().getContentType()).startsWith("text/calendar");
		assertThat(ics.getResponse().getContentAsString()).contains("BEGIN:VEVENT", "SUMMARY:" + title, "LOCATION:市电影院");
		assertThat(mvc.perform(get("/activities/mine").session(member)).andReturn().getResponse().getContentAsString())
			.contains(title);

		// the organizer's list: masked mobiles, an Excel export, the QR code
		String registrants = mvc.perform(get("/activities/" + id + "/registrants").session(organizer)).andReturn()
			.getResponse().getContentAsString();
		String mobile = jdbc.sql("select mobile from person where id = :p").param("p", personOf("member1"))
			.query(String.class).single();
		assertThat(registrants).doesNotContain(mobile).contains(mobile.substring(0, 3) + "****" + mobile.substring(7));
		MvcResult xlsx = mvc.perform(get("/activities/" + id + "/registrants/export").session(organizer)).andReturn();
		assertThat(xlsx.getResponse().getContentType()).contains("spreadsheetml");
		assertThat(xlsx.getResponse().getContentAsByteArray()).startsWith('P', 'K');
		String code = mvc.perform(get("/activities/" + id + "/check-in-code").session(organizer)).andReturn().getResponse()
			.getContentAsString();
		assertThat(code).contains("data:image/png;base64,");
		// a member does not see the organizer's list
		assertThat(mvc.perform(get("/activities/" + id + "/registrants").session(member)).andReturn().getResponse()
			.getStatus()).isEqualTo(403);
	}

	@Test
	void scanningTheCodeChecksTheMemberInAndPhotosFollowTheEvent() throws Exception {
		Map<String, Object> a = ActivityApiTests.activity("正在进行的合唱排练", 10, List.of(orgId("市财政局")));
		OffsetDateTime now = OffsetDateTime.now(TestClock.CLOCK).truncatedTo(ChronoUnit.SECONDS);
		a.put("startAt", now.minusMinutes(5).toString());
		a.put("endAt", now.plusHours(2).toString());
		a.put("signupClosesAt", now.plusHours(1).toString());
		long id = body(mvc.perform(post("/api/v1/activities").header("Authorization", bearer("admin"))
			.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(a))).andReturn()).get("id").asLong();
		MockHttpSession member = login("member1");
		mvc.perform(post("/activities/" + id + "/register").session(member).with(csrf()));
		String token = tokens.issue(activities.find(id).orElseThrow(), now);

		String page = mvc.perform(get("/activities/" + id + "/check-in").param("t", token).session(member)).andReturn()
			.getResponse().getContentAsString();
		assertThat(page).contains("确认签到");
		MvcResult r = mvc.perform(post("/activities/" + id + "/check-in").param("t", token).session(member).with(csrf()))
			.andReturn();
		assertThat((String) r.getFlashMap().get("success")).isEqualTo("签到成功");
		r = mvc.perform(post("/activities/" + id + "/feedback").param("stars", "4").param("comment", "声部练得很扎实")
			.session(member).with(csrf())).andReturn();
		assertThat((String) r.getFlashMap().get("success")).contains("感谢");
		assertThat(jdbc.sql("select feedback_stars from activity_registration where activity_id = :a").param("a", id)
			.query(Integer.class).single()).isEqualTo(4);

		// organized by the federation (the admin's own org) since no organizer was given
		MockHttpSession organizer = login("admin");
		r = mvc.perform(multipart("/activities/" + id + "/photos")
			.file(new MockMultipartFile("file", "合影.png", "image/png", PNG)).session(organizer).with(csrf())).andReturn();
		assertThat((String) r.getFlashMap().get("success")).as(String.valueOf(r.getFlashMap().get("error")))
			.isEqualTo("已上传活动照片");
		r = mvc.perform(multipart("/activities/" + id + "/photos")
			.file(new MockMultipartFile("file", "名单.pdf", "application/pdf", "%PDF-1.4".getBytes())).session(organizer)
			.with(csrf())).andReturn();
		assertThat((String) r.getFlashMap().get("error")).contains("仅接受");
		long fileId = jdbc.sql("select id from stored_file where owner_type = 'ACTIVITY_PHOTO' and owner_id = :a")
			.param("a", id).query(Long.class).single();
		assertThat(mvc.perform(get("/activities/" + id + "/photos/" + fileId).session(member)).andReturn().getResponse()
			.getContentType()).isEqualTo("image/png");
		assertThat(mvc.perform(get("/activities/" + id + "/photos/" + fileId).session(login("orgadmin2"))).andReturn()
			.getResponse().getStatus()).isEqualTo(404);
	}

	private static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F' };

	/** An activity of 市财政局工会 for its people (those of 市财政局), published by orgadmin1. */
	private long activityOfTheFinanceUnion(String title) throws Exception {
		Map<String, Object> a = ActivityApiTests.activity(title + System.nanoTime() % 100000, 20, List.of(orgId("市财政局")));
		a.put("organizerOrgId", orgId("市财政局工会"));
		a.put("audience", Map.of("all", true));
		MvcResult r = mvc.perform(post("/api/v1/activities").header("Authorization", bearer("orgadmin1"))
			.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(a))).andReturn();
		assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201);
		return body(r).get("id").asLong();
	}

	@Test
	void anOrganizerUploadsACoverAndMembersSeeIt() throws Exception {
		long id = activityOfTheFinanceUnion("有封面的健步走");
		MockHttpSession organizer = login("orgadmin1");
		assertThat(mvc.perform(get("/activities/manage").session(organizer)).andReturn().getResponse()
			.getContentAsString()).contains("/activities/" + id + "/cover");
		MvcResult r = mvc.perform(multipart("/activities/" + id + "/cover")
			.file(new MockMultipartFile("file", "封面.png", "image/png", PNG)).session(organizer).with(csrf())).andReturn();
		assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/activities/manage");
		assertThat((String) r.getFlashMap().get("success")).as(String.valueOf(r.getFlashMap().get("error")))
			.isEqualTo("封面图片已更新");

		MockHttpSession member = login("member1");
		MvcResult cover = mvc.perform(get("/activities/" + id + "/cover").session(member)).andReturn();
		assertThat(cover.getResponse().getStatus()).isEqualTo(200);
		assertThat(cover.getResponse().getContentType()).isEqualTo("image/png");
		assertThat(cover.getResponse().getContentAsByteArray()).isEqualTo(PNG);
		assertThat(mvc.perform(get("/activities/" + id).session(member)).andReturn().getResponse().getContentAsString())
			.contains("id=\"activity-cover\"", "loading=\"lazy\"", "/activities/" + id + "/cover");
		assertThat(mvc.perform(get("/activities").session(member)).andReturn().getResponse().getContentAsString())
			.contains("activity-cover-thumb", "/activities/" + id + "/cover");

		// replaced through the API; the member sees the new one, people outside the audience see none
		r = mvc.perform(multipart("/api/v1/activities/" + id + "/cover")
			.file(new MockMultipartFile("file", "新封面.jpg", "image/jpeg", JPEG)).header("Authorization", bearer("orgadmin1")))
			.andReturn();
		assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(200);
		assertThat(body(r).get("coverFileId").asLong()).isPositive();
		cover = mvc.perform(get("/activities/" + id + "/cover").session(member)).andReturn();
		assertThat(cover.getResponse().getContentType()).isEqualTo("image/jpeg");
		assertThat(cover.getResponse().getContentAsByteArray()).isEqualTo(JPEG);
		assertThat(mvc.perform(get("/activities/" + id + "/cover").session(login("orgadmin2"))).andReturn().getResponse()
			.getStatus()).isEqualTo(404);
		// a member may look but not change it
		assertThat(mvc.perform(multipart("/api/v1/activities/" + id + "/cover")
			.file(new MockMultipartFile("file", "我的.png", "image/png", PNG)).header("Authorization", bearer("member1")))
			.andReturn().getResponse().getStatus()).isEqualTo(403);
	}

	@Test
	void aCoverThatIsNotAnImageIsRefused() throws Exception {
		long id = activityOfTheFinanceUnion("封面被拒的读书会");
		MvcResult r = mvc.perform(multipart("/api/v1/activities/" + id + "/cover")
			.file(new MockMultipartFile("file", "通知.pdf", "application/pdf", "%PDF-1.4".getBytes()))
			.header("Authorization", bearer("orgadmin1"))).andReturn();
		assertThat(r.getResponse().getStatus()).isEqualTo(400);
		assertThat(r.getResponse().getContentAsString()).contains("仅接受");
		r = mvc.perform(multipart("/api/v1/activities/" + id + "/cover")
			.file(new MockMultipartFile("file", "假图片.png", "image/png", "%PDF-1.4".getBytes()))
			.header("Authorization", bearer("orgadmin1"))).andReturn();
		assertThat(r.getResponse().getStatus()).isEqualTo(400);
		assertThat(r.getResponse().getContentAsString()).contains("不符");
		r = mvc.perform(multipart("/api/v1/activities/" + id + "/cover").header("Authorization", bearer("orgadmin1")))
			.andReturn();
		assertThat(r.getResponse().getStatus()).isEqualTo(400);
		assertThat(r.getResponse().getContentAsString()).contains("请选择");
		r = mvc.perform(multipart("/activities/" + id + "/cover")
			.file(new MockMultipartFile("file", "名单.xlsx", "application/octet-stream", "PK".getBytes()))
			.session(login("orgadmin1")).with(csrf())).andReturn();
		assertThat((String) r.getFlashMap().get("error")).contains("仅接受");
		// nothing changed
		assertThat(jdbc.sql("select cover_file_id from activity where id = :id").param("id", id).query(Long.class)
			.optional()).isEmpty();
		assertThat(jdbc.sql("select count(*) from stored_file where owner_type = 'ACTIVITY_COVER' and owner_id = :id")
			.param("id", id).query(Long.class).single()).isZero();
		assertThat(mvc.perform(get("/activities/" + id + "/cover").session(login("member1"))).andReturn().getResponse()
			.getStatus()).isEqualTo(404);
	}

	@Test
	void theOrganizerMayPlaceANewActivityInTheFourSeasonsSeriesAndOnlyInTheirOwnClubs() throws Exception {
		LocalDateTime start = LocalDateTime.now(TestClock.CLOCK.withZone(Zones.BUSINESS)).plusDays(6).truncatedTo(ChronoUnit.MINUTES);
		long seriesId = seriesOf(start.toLocalDate());
		MockHttpSession organizer = login("orgadmin1");
		String form = mvc.perform(get("/activities/new").session(organizer)).andReturn().getResponse().getContentAsString();
		assertThat(form).contains("name=\"seriesId\"", "name=\"clubId\"");

		String title = "四季有你页面活动" + System.nanoTime() % 10000;
		var request = post("/activities").session(organizer).with(csrf()).param("title", title)
			.param("type", "SPORTS_CULTURE").param("organizerOrgId", String.valueOf(orgId("市财政局工会")))
			.param("place", "市体育馆").param("seats", "30").param("startAt", start.toString())
			.param("endAt", start.plusHours(2).toString()).param("signupOpensAt", start.minusDays(5).toString())
			.param("signupClosesAt", start.minusDays(1).toString()).param("audience", "all");
		String refused = mvc.perform(request.param("clubId", "-1").param("seriesId", String.valueOf(seriesId))).andReturn()
			.getResponse().getContentAsString();
		assertThat(refused).contains("所选俱乐部不存在或不在您的管理范围内");
		assertThat(jdbc.sql("select count(*) from activity where title = :t").param("t", title).query(Long.class).single())
			.isZero();
		MvcResult r = mvc.perform(post("/activities").session(organizer).with(csrf()).param("title", title)
			.param("type", "SPORTS_CULTURE").param("organizerOrgId", String.valueOf(orgId("市财政局工会")))
			.param("place", "市体育馆").param("seats", "30").param("startAt", start.toString())
			.param("endAt", start.plusHours(2).toString()).param("signupOpensAt", start.minusDays(5).toString())
			.param("signupClosesAt", start.minusDays(1).toString()).param("audience", "all")
			.param("seriesId", String.valueOf(seriesId)).param("clubId", "")).andReturn();
		assertThat(r.getResponse().getRedirectedUrl()).as(r.getResponse().getContentAsString()).startsWith("/activities/");
		assertThat(jdbc.sql("select series_id from activity where title = :t").param("t", title).query(Long.class)
			.single()).isEqualTo(seriesId);
	}

	@Test
	void theCheckInTheRegistrantListAndTheCodeShowBeijingTimeWhateverOffsetTheDatabaseGives() throws Exception {
		Map<String, Object> a = ActivityApiTests.activity("早间健步走", 10, List.of(orgId("市财政局")));
		OffsetDateTime now = OffsetDateTime.now(TestClock.CLOCK).truncatedTo(ChronoUnit.SECONDS);
		a.put("startAt", now.minusMinutes(5).toString());
		a.put("endAt", now.plusHours(2).toString());
		a.put("signupClosesAt", now.plusHours(1).toString());
		long id = body(mvc.perform(post("/api/v1/activities").header("Authorization", bearer("admin"))
			.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(a))).andReturn()).get("id").asLong();
		MockHttpSession member = login("member1");
		mvc.perform(post("/activities/" + id + "/register").session(member).with(csrf()));
		// 08:53 in Beijing, stored as the UTC instant 00:53Z, as PostgreSQL hands it back
		OffsetDateTime checkedIn = LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS)).atTime(8, 53)
			.atZone(Zones.BUSINESS).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
		jdbc.sql("update activity_registration set attended_at = :at where activity_id = :a")
			.param("at", checkedIn).param("a", id).update();

		String token = tokens.issue(activities.find(id).orElseThrow(), now);
		String checkInPage = mvc.perform(get("/activities/" + id + "/check-in").param("t", token).session(member)).andReturn()
			.getResponse().getContentAsString();
		// the check-in's own time: the activity's start time on the same page is "now", which may read 00:53 too
		assertThat(checkInPage).contains("您已于 08:53 签到").doesNotContain("已于 00:53");

		MockHttpSession organizer = login("admin");
		String registrants = mvc.perform(get("/activities/" + id + "/registrants").session(organizer)).andReturn()
			.getResponse().getContentAsString();
		assertThat(registrants).contains(">08:53<").doesNotContain(">00:53<");
		String before = validUntil();
		String code = mvc.perform(get("/activities/" + id + "/check-in-code").session(organizer)).andReturn()
			.getResponse().getContentAsString();
		assertThat(code).contains(">08:53<");
		assertThat(code).containsAnyOf("有效至 " + before, "有效至 " + validUntil());
	}

	private String validUntil() {
		return DateTimeFormatter.ofPattern("HH:mm")
			.format(OffsetDateTime.now(TestClock.CLOCK).plus(tokens.lifetime()).atZoneSameInstant(Zones.BUSINESS));
	}

	/** The 四季有你 quarter a day falls in, planned here if the federation has not yet planned it. */
	private long seriesOf(LocalDate day) {
		int quarter = (day.getMonthValue() + 2) / 3;
		jdbc.sql("""
				merge into activity_series s using (select cast(:y as integer) as year, cast(:q as integer) as quarter) v
				on s.year = v.year and s.quarter = v.quarter
				when not matched then insert (year, quarter, theme, created_at, updated_at) values (v.year, v.quarter, '测试季', :now, :now)""")
			.param("y", day.getYear()).param("q", quarter).param("now", OffsetDateTime.now(TestClock.CLOCK)).update();
		return jdbc.sql("select id from activity_series where year = :y and quarter = :q").param("y", day.getYear())
			.param("q", quarter).query(Long.class).single();
	}

	@Test
	void anActivityThatIsAlreadyOverOrOutsideItsSeasonIsNotPublishedAndThePageSaysWhy() throws Exception {
		MockHttpSession organizer = login("orgadmin1");
		OffsetDateTime now = OffsetDateTime.now(TestClock.CLOCK).truncatedTo(ChronoUnit.MINUTES);
		String title = "已经过去的活动" + System.nanoTime() % 10000;
		String page = mvc.perform(post("/activities").session(organizer).with(csrf()).param("title", title)
			.param("type", "SPORTS_CULTURE").param("organizerOrgId", String.valueOf(orgId("市财政局工会")))
			.param("place", "市体育馆").param("seats", "30").param("startAt", local(now.minusHours(3)))
			.param("endAt", local(now.minusHours(1))).param("signupOpensAt", local(now.minusDays(2)))
			.param("signupClosesAt", local(now.minusHours(4))).param("audience", "all")).andReturn().getResponse()
			.getContentAsString();
		assertThat(page).contains("报名截止时间已过，不能发布");

		// the API says the same with 422
		Map<String, Object> past = ActivityApiTests.activity(title, 10, List.of(orgId("市财政局")));
		past.put("startAt", now.minusHours(3).toString());
		past.put("endAt", now.minusHours(1).toString());
		past.put("signupOpensAt", now.minusDays(2).toString());
		past.put("signupClosesAt", now.minusHours(4).toString());
		MvcResult r = mvc.perform(post("/api/v1/activities").header("Authorization", bearer("admin"))
			.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(past))).andReturn();
		assertThat(r.getResponse().getStatus()).isEqualTo(422);
		assertThat(body(r).get("detail").asString()).contains("报名截止时间已过");
		assertThat(jdbc.sql("select count(*) from activity where title = :t").param("t", title).query(Long.class).single())
			.isZero();
	}

	@Test
	void anActivityOfTheSeasonalSeriesMustStartWithinItsQuarter() throws Exception {
		LocalDate today = LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS));
		// a day one quarter later than the series chosen: 5 December is not in 春之声 (Q1)
		LocalDate day = today.plusDays(10);
		long otherQuarter = seriesOf(day.minusMonths(3));
		Map<String, Object> a = ActivityApiTests.activity("季度之外的活动" + System.nanoTime() % 10000, 10, List.of(orgId("市财政局")));
		OffsetDateTime start = day.atTime(9, 0).atZone(Zones.BUSINESS).toOffsetDateTime();
		a.put("startAt", start.toString());
		a.put("endAt", start.plusHours(2).toString());
		a.put("signupClosesAt", start.minusDays(1).toString());
		a.put("seriesId", otherQuarter);
		MvcResult r = mvc.perform(post("/api/v1/activities").header("Authorization", bearer("admin"))
			.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(a))).andReturn();
		assertThat(r.getResponse().getStatus()).isEqualTo(422);
		assertThat(body(r).get("detail").asString()).contains("时间范围内", day.toString());

		a.put("seriesId", seriesOf(day));
		r = mvc.perform(post("/api/v1/activities").header("Authorization", bearer("admin"))
			.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(a))).andReturn();
		assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201);

		// nor may a change move it out of its quarter
		long id = body(r).get("id").asLong();
		OffsetDateTime later = start.plusMonths(4);
		a.put("startAt", later.toString());
		a.put("endAt", later.plusHours(2).toString());
		a.put("version", jdbc.sql("select version from activity where id = :id").param("id", id).query(Integer.class).single());
		r = mvc.perform(MockMvcRequestBuilders.put("/api/v1/activities/" + id)
			.header("Authorization", bearer("admin")).contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(a))).andReturn();
		assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(422);
	}

	private static String local(OffsetDateTime t) {
		return t.atZoneSameInstant(Zones.BUSINESS).toLocalDateTime().toString();
	}
}
