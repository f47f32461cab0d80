package org.quntuan.governance;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.quntuan.platform.Zones;
import org.quntuan.support.IntegrationTest;
import org.quntuan.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class MeetingTests extends IntegrationTest {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	@Autowired
	ResolutionReminders reminders;

	private MockHttpServletRequestBuilder as(String user, MockHttpServletRequestBuilder request) throws Exception {
		return request.header("Authorization", bearer(user)).contentType(MediaType.APPLICATION_JSON);
	}

	/** Active people of 市财政局 other than the named accounts' own, for invitations. */
	private List<Long> peopleOfFinanceBureau(int n) {
		return jdbc.sql("""
				select p.id from person p join org o on o.id = p.organ_id
				where o.name = '市财政局' and p.active = true and p.id <> :m order by p.id fetch first :n rows only""")
			.param("m", personOf("member1")).param("n", n).query(Long.class).list();
	}

	private String title(String what) {
		return what + "-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100000;
	}

	/** A meeting of 市财政局工会 scheduled by orgadmin1, starting {@code hoursFromNow} from now. */
	private long meeting(String title, long hoursFromNow, List<Long> invitees) throws Exception {
		String startsAt = OffsetDateTime.now(TestClock.CLOCK.withZone(ZoneOffset.ofHours(8))).plusHours(hoursFromNow).withNano(0).toString();
		String body = json.writeValueAsString(Map.of("orgId", orgId("市财政局工会"), "title", title, "kind", "例会",
				"startsAt", startsAt, "place", "三楼会议室", "agenda", "一、学习文件\n二、研究工作", "inviteeIds", invitees));
		JsonNode created = body(mvc.perform(as("orgadmin1", post("/api/v1/meetings")).content(body))
			.andExpect(status().isCreated()).andReturn());
		return created.get("id").asLong();
	}

	private int version(long meetingId) {
		return jdbc.sql("select version from meeting where id = :id").param("id", meetingId).query(Integer.class).single();
	}

	@Test
	void anOrgAdminSchedulesAMeetingAndTheInviteesWithAnAccountAreNotified() throws Exception {
		long member1 = personOf("member1");
		long id = meeting(title("月度例会"), 48, List.of(member1, peopleOfFinanceBureau(1).get(0)));
		long account = jdbc.sql("select id from account where username = 'member1'").query(Long.class).single();
		assertThat(jdbc.sql("select count(*) from notification where event_key = :k and recipient_account_id = :a")
			.param("k", "meeting-" + id + "-invite").param("a", account).query(Long.class).single()).isEqualTo(1);
		// the invitee sees the meeting before it happens, without minutes
		JsonNode seen = body(mvc.perform(as("member1", get("/api/v1/meetings/" + id))).andExpect(status().isOk()).andReturn());
		assertThat(seen.get("held").asBoolean()).isFalse();
		assertThat(seen.get("invitees")).hasSize(2);
	}

	@Test
	void minutesAttendanceAndResolutionsCannotBeRecordedBeforeTheMeetingHasBegun() throws Exception {
		long invitee = peopleOfFinanceBureau(1).get(0);
		long id = meeting(title("未开的会"), 24, List.of(invitee));
		mvc.perform(as("orgadmin1", put("/api/v1/meetings/" + id + "/minutes"))
			.content("{\"minutes\":\"纪要\",\"publish\":true,\"version\":" + version(id) + "}"))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(as("orgadmin1", put("/api/v1/meetings/" + id + "/attendance"))
			.content("{\"entries\":[{\"personId\":" + invitee + ",\"attendance\":\"PRESENT\"}],\"version\":" + version(id) + "}"))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(as("orgadmin1", post("/api/v1/meetings/" + id + "/resolutions"))
			.content("{\"content\":\"落实\",\"ownerId\":" + invitee + ",\"dueDate\":\"" + LocalDate.now(TestClock.CLOCK).plusDays(9) + "\"}"))
			.andExpect(status().isUnprocessableContent());
		assertThat(jdbc.sql("select minutes from meeting where id = :id").param("id", id).query(String.class).optional())
			.isEmpty();
	}

	@Test
	void theOrgsPeopleReadOnlyPublishedMinutesAndASiblingAdminSeesNothing() throws Exception {
		List<Long> invitees = peopleOfFinanceBureau(2);
		long id = meeting(title("已开的会"), -2, invitees);
		mvc.perform(as("orgadmin1", put("/api/v1/meetings/" + id + "/minutes"))
			.content("{\"minutes\":\"会议研究了下一阶段工作。\",\"publish\":false,\"version\":" + version(id) + "}"))
			.andExpect(status().isOk());
		// a draft: member1 (市财政局, not invited) does not see the meeting at all
		mvc.perform(as("member1", get("/api/v1/meetings/" + id))).andExpect(status().isNotFound());
		mvc.perform(as("orgadmin1", put("/api/v1/meetings/" + id + "/minutes"))
			.content("{\"minutes\":\"会议研究了下一阶段工作。\",\"publish\":true,\"version\":" + version(id) + "}"))
			.andExpect(status().isOk());
		JsonNode read = body(mvc.perform(as("member1", get("/api/v1/meetings/" + id))).andExpect(status().isOk()).andReturn());
		assertThat(read.get("minutes").asString()).isEqualTo("会议研究了下一阶段工作。");
		assertThat(read.get("manageable").asBoolean()).isFalse();
		JsonNode minutes = body(mvc.perform(as("member1", get("/api/v1/meetings?published=true&size=200"))).andReturn());
		assertThat(minutes.get("content").findValuesAsString("title")).contains(read.get("title").asString());
		// a member cannot change it, a sibling union's admin cannot even see it
		mvc.perform(as("member1", put("/api/v1/meetings/" + id + "/minutes")).content("{\"minutes\":\"x\",\"version\":0}"))
			.andExpect(status().isForbidden());
		mvc.perform(as("orgadmin2", get("/api/v1/meetings/" + id))).andExpect(status().isNotFound());
		mvc.perform(as("orgadmin2", put("/api/v1/meetings/" + id + "/minutes")).content("{\"minutes\":\"x\",\"version\":0}"))
			.andExpect(status().isNotFound());
		JsonNode sibling = body(mvc.perform(as("orgadmin2", get("/api/v1/meetings?size=200"))).andReturn());
		assertThat(sibling.get("content").findValuesAsString("id")).doesNotContain(String.valueOf(id));
		// the group admin above sees it among the meetings in scope
		JsonNode group = body(mvc.perform(as("group1", get("/api/v1/meetings?size=200&orgId=" + orgId("市财政局工会")))).andReturn());
		assertThat(group.get("content").findValuesAsString("title")).contains(read.get("title").asString());
	}

	@Test
	void attendanceForSomeoneNotInvitedIsRefusedAndNothingIsChanged() throws Exception {
		List<Long> people = peopleOfFinanceBureau(3);
		long id = meeting(title("出席登记"), -1, people.subList(0, 2));
		mvc.perform(as("orgadmin1", put("/api/v1/meetings/" + id + "/attendance"))
			.content("{\"entries\":[{\"personId\":" + people.get(0) + ",\"attendance\":\"PRESENT\"},{\"personId\":"
					+ people.get(2) + ",\"attendance\":\"PRESENT\"}],\"version\":" + version(id) + "}"))
			.andExpect(status().isUnprocessableContent());
		assertThat(jdbc.sql("select count(*) from meeting_invitee where meeting_id = :m and attendance is not null")
			.param("m", id).query(Long.class).single()).isZero();
		String entries = "[{\"personId\":" + people.get(0) + ",\"attendance\":\"出席\"},{\"personId\":" + people.get(1)
				+ ",\"attendance\":\"EXCUSED\"}]";
		// without the version read, or with an old one, nothing is recorded
		mvc.perform(as("orgadmin1", put("/api/v1/meetings/" + id + "/attendance")).content("{\"entries\":" + entries + "}"))
			.andExpect(status().isBadRequest());
		mvc.perform(as("orgadmin1", put("/api/v1/meetings/" + id + "/attendance"))
			.content("{\"entries\":" + entries + ",\"version\":" + (version(id) + 1) + "}"))
			.andExpect(status().isConflict());
		assertThat(jdbc.sql("select count(*) from meeting_invitee where meeting_id = :m and attendance is not null")
			.param("m", id).query(Long.class).single()).isZero();
		JsonNode ok = body(mvc.perform(as("orgadmin1", put("/api/v1/meetings/" + id + "/attendance"))
			.content("{\"entries\":" + entries + ",\"version\":" + version(id) + "}"))
			.andExpect(status().isOk()).andReturn());
		assertThat(ok.get("invitees").findValuesAsString("code")).containsExactlyInAnyOrder("PRESENT", "EXCUSED");
		mvc.perform(as("orgadmin1", put("/api/v1/meetings/" + id + "/attendance"))
			.content("{\"entries\":[{\"personId\":" + people.get(0) + ",\"attendance\":\"迟到\"}],\"version\":" + version(id) + "}"))
			.andExpect(status().isBadRequest());
	}

	@Test
	void aResolutionNeedsContentAnOwnerOfTheOrganAndADueDate() throws Exception {
		long invitee = peopleOfFinanceBureau(1).get(0);
		long id = meeting(title("决议"), -3, List.of(invitee));
		String due = LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS)).plusDays(10).toString();
		mvc.perform(as("orgadmin1", post("/api/v1/meetings/" + id + "/resolutions"))
			.content("{\"content\":\"落实\",\"dueDate\":\"" + due + "\"}")).andExpect(status().isBadRequest());
		mvc.perform(as("orgadmin1", post("/api/v1/meetings/" + id + "/resolutions"))
			.content("{\"content\":\"落实\",\"ownerId\":" + invitee + "}")).andExpect(status().isBadRequest());
		mvc.perform(as("orgadmin1", post("/api/v1/meetings/" + id + "/resolutions"))
			.content("{\"content\":\" \",\"ownerId\":" + invitee + ",\"dueDate\":\"" + due + "\"}"))
			.andExpect(status().isBadRequest());
		mvc.perform(as("orgadmin1", post("/api/v1/meetings/" + id + "/resolutions"))
			.content("{\"content\":\"落实\",\"ownerId\":" + personOf("orgadmin2") + ",\"dueDate\":\"" + due + "\"}"))
			.andExpect(status().isBadRequest());
		assertThat(jdbc.sql("select count(*) from meeting_resolution where meeting_id = :m").param("m", id)
			.query(Long.class).single()).isZero();
	}

	@Test
	void openResolutionsAreListedOverdueFirstUntilTheyAreClosedWithANote() throws Exception {
		long member1 = personOf("member1");
		long id = meeting(title("督办"), -30, List.of(member1));
		LocalDate today = LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS));
		long overdue = body(mvc.perform(as("orgadmin1", post("/api/v1/meetings/" + id + "/resolutions"))
			.content("{\"content\":\"逾期事项\",\"ownerId\":" + member1 + ",\"dueDate\":\"" + today.minusDays(2) + "\"}"))
			.andExpect(status().isCreated()).andReturn()).get("id").asLong();
		JsonNode open = body(mvc.perform(as("group1", get("/api/v1/resolutions?size=200&status=OPEN"))).andExpect(status().isOk()).andReturn());
		JsonNode row = find(open, overdue);
		assertThat(row).isNotNull();
		assertThat(row.get("overdue").asBoolean()).isTrue();
		assertThat(find(body(mvc.perform(as("orgadmin2", get("/api/v1/resolutions?size=200&status=OPEN"))).andReturn()), overdue)).isNull();
		// the owner may close it, with a note
		mvc.perform(as("member1", post("/api/v1/resolutions/" + overdue + "/close")).content("{\"version\":0}"))
			.andExpect(status().isBadRequest());
		mvc.perform(as("member1", post("/api/v1/resolutions/" + overdue + "/close"))
			.content("{\"closingNote\":\"已落实\",\"version\":0}")).andExpect(status().isNoContent());
		mvc.perform(as("orgadmin1", post("/api/v1/resolutions/" + overdue + "/close"))
			.content("{\"closingNote\":\"再次\",\"version\":1}")).andExpect(status().isConflict());
		assertThat(find(body(mvc.perform(as("orgadmin1", get("/api/v1/resolutions?size=200&status=OPEN"))).andReturn()), overdue)).isNull();
		assertThat(find(body(mvc.perform(as("orgadmin1", get("/api/v1/resolutions?size=200&status=CLOSED"))).andReturn()), overdue)
			.get("closingNote").asString()).isEqualTo("已落实");
	}

	@Test
	void theReminderJobTellsOwnersOfDueAndOverdueResolutionsOncePerDay() throws Exception {
		long member1 = personOf("member1");
		long id = meeting(title("提醒"), -5, List.of(member1));
		LocalDate today = LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS));
		long soon = body(mvc.perform(as("orgadmin1", post("/api/v1/meetings/" + id + "/resolutions"))
			.content("{\"content\":\"三日内到期\",\"ownerId\":" + member1 + ",\"dueDate\":\"" + today.plusDays(2) + "\"}"))
			.andReturn()).get("id").asLong();
		long later = body(mvc.perform(as("orgadmin1", post("/api/v1/meetings/" + id + "/resolutions"))
			.content("{\"content\":\"月底到期\",\"ownerId\":" + member1 + ",\"dueDate\":\"" + today.plusDays(20) + "\"}"))
			.andReturn()).get("id").asLong();
		reminders.remind();
		reminders.remind();
		assertThat(notifications("resolution-" + soon + "-due-" + today)).isEqualTo(1);
		assertThat(notifications("resolution-" + later + "-due-" + today)).isZero();
	}

	@Test
	void attachmentsAreOfficeOrPictureFilesDownloadableByThoseWhoSeeTheMeeting() throws Exception {
		long id = meeting(title("附件"), -4, peopleOfFinanceBureau(1));
		JsonNode file = body(mvc.perform(multipart("/api/v1/meetings/" + id + "/attachments")
			.file(new MockMultipartFile("file", "会议材料.pdf", "application/pdf", PDF))
			.header("Authorization", bearer("orgadmin1"))).andExpect(status().isCreated()).andReturn());
		long fileId = file.get("id").asLong();
		mvc.perform(multipart("/api/v1/meetings/" + id + "/attachments")
			.file(new MockMultipartFile("file", "脚本.sh", "text/plain", "echo".getBytes()))
			.header("Authorization", bearer("orgadmin1"))).andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/meetings/" + id + "/attachments/" + fileId).header("Authorization", bearer("orgadmin1")))
			.andExpect(status().isOk());
		mvc.perform(get("/api/v1/meetings/" + id + "/attachments/" + fileId).header("Authorization", bearer("orgadmin2")))
			.andExpect(status().isNotFound());
		// a file of another owner is not served through this meeting
		long other = meeting(title("别的会"), -4, peopleOfFinanceBureau(1));
		mvc.perform(get("/api/v1/meetings/" + other + "/attachments/" + fileId).header("Authorization", bearer("orgadmin1")))
			.andExpect(status().isNotFound());
	}

	@Test
	void invitingSomeoneOutsideTheOrgansStaffOrSchedulingForAnotherOrgIsRefused() throws Exception {
		String startsAt = OffsetDateTime.now(TestClock.CLOCK.withZone(ZoneOffset.ofHours(8))).plusDays(3).withNano(0).toString();
		String outsider = json.writeValueAsString(Map.of("orgId", orgId("市财政局工会"), "title", title("外单位"), "kind",
				"REGULAR", "startsAt", startsAt, "place", "会议室", "inviteeIds", List.of(personOf("orgadmin2"))));
		mvc.perform(as("orgadmin1", post("/api/v1/meetings")).content(outsider)).andExpect(status().isBadRequest());
		String sibling = json.writeValueAsString(Map.of("orgId", orgId("市教育局工会"), "title", title("越权"), "kind",
				"REGULAR", "startsAt", startsAt, "place", "会议室", "inviteeIds", List.of(personOf("orgadmin2"))));
		mvc.perform(as("orgadmin1", post("/api/v1/meetings")).content(sibling)).andExpect(status().isNotFound());
		mvc.perform(as("member1", post("/api/v1/meetings")).content(outsider.replace("\"REGULAR\"", "\"REGULAR\"")))
			.andExpect(status().isForbidden());
	}

	@Test
	void aMeetingNotYetHeldCanBeCancelledAndTheInviteesAreTold() throws Exception {
		long member1 = personOf("member1");
		long id = meeting(title("取消"), 72, List.of(member1));
		mvc.perform(as("orgadmin1", post("/api/v1/meetings/" + id + "/cancel")).content("{\"version\":" + version(id) + "}"))
			.andExpect(status().isOk());
		assertThat(notifications("meeting-" + id + "-cancel")).isEqualTo(1);
		mvc.perform(as("orgadmin1", post("/api/v1/meetings/" + id + "/cancel")).content("{\"version\":" + version(id) + "}"))
			.andExpect(status().isConflict());
	}

	@Test
	void thePagesOpenForAdminsAndMembers() throws Exception {
		long id = meeting(title("页面"), -2, List.of(personOf("member1")));
		var admin = login("orgadmin1");
		mvc.perform(get("/meetings").session(admin)).andExpect(status().isOk());
		mvc.perform(get("/meetings/new").session(admin)).andExpect(status().isOk());
		mvc.perform(get("/meetings/picker").param("orgId", String.valueOf(orgId("市财政局工会"))).session(admin))
			.andExpect(status().isOk());
		String page = mvc.perform(get("/meetings/" + id).session(admin)).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
		assertThat(page).contains("minutes-form", "resolution-form");
		var member = login("member1");
		mvc.perform(get("/meetings/" + id).session(member)).andExpect(status().isOk());
		mvc.perform(get("/meetings/minutes").session(member)).andExpect(status().isOk());
		mvc.perform(get("/resolutions").session(member)).andExpect(status().isOk());
		mvc.perform(get("/meetings/new").session(member)).andExpect(status().isForbidden());
	}

	@Test
	void anAdminSchedulesAMeetingThroughTheFormAndRecordsItAfterwardsOnThePage() throws Exception {
		var admin = login("orgadmin1");
		List<Long> people = peopleOfFinanceBureau(2);
		String title = title("表单例会");
		String picker = mvc.perform(get("/meetings/picker").session(admin).param("orgId", String.valueOf(orgId("市财政局工会")))
			.param("inviteeIds", String.valueOf(people.get(0)))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		assertThat(picker).contains("value=\"" + people.get(0) + "\" checked");
		String when = LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS)).minusDays(1) + "T09:30";
		String location = mvc.perform(post("/meetings").session(admin).with(csrf()).param("orgId", String.valueOf(orgId("市财政局工会")))
			.param("title", title).param("kind", "REGULAR").param("startsAt", when).param("place", "二楼会议室")
			.param("inviteeIds", String.valueOf(people.get(0)), String.valueOf(people.get(1))))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		assertThat(location).matches("/meetings/\\d+");
		long id = Long.parseLong(location.substring("/meetings/".length()));
		assertThat(jdbc.sql("select starts_at from meeting where id = :id").param("id", id).query(OffsetDateTime.class)
			.single().toInstant()).isEqualTo(LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS)).minusDays(1).atTime(9, 30).atZone(Zones.BUSINESS).toInstant());
		mvc.perform(post("/meetings/" + id + "/attendance").session(admin).with(csrf()).param("a" + people.get(0), "PRESENT")
			.param("a" + people.get(1), "ABSENT").param("version", String.valueOf(version(id))))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/meetings/" + id + "/minutes").session(admin).with(csrf()).param("minutes", "会议纪要正文")
			.param("publish", "true").param("version", String.valueOf(version(id)))).andExpect(status().is3xxRedirection());
		mvc.perform(post("/meetings/" + id + "/resolutions").session(admin).with(csrf()).param("content", "形成方案")
			.param("ownerId", String.valueOf(people.get(1))).param("dueDate", LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS)).plusDays(7).toString()))
			.andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("select count(*) from meeting_invitee where meeting_id = :m and attendance is not null")
			.param("m", id).query(Long.class).single()).isEqualTo(2);
		assertThat(jdbc.sql("select minutes_published_at from meeting where id = :m").param("m", id)
			.query(OffsetDateTime.class).optional()).isPresent();
		assertThat(jdbc.sql("select count(*) from meeting_resolution where meeting_id = :m").param("m", id)
			.query(Long.class).single()).isEqualTo(1);
		String page = mvc.perform(get("/meetings/" + id).session(login("member1"))).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
		assertThat(page).contains("会议纪要正文", "形成方案");
	}

	@Test
	void theResolutionsAndAttendanceExportHoldWhatTheCallerSeesAndNoTextOpensAsAFormula() throws Exception {
		long member1 = personOf("member1");
		long other = peopleOfFinanceBureau(1).get(0);
		String otherName = jdbc.sql("select name from person where id = :p").param("p", other).query(String.class).single();
		long id = meeting(title("导出"), -4, List.of(member1, other));
		LocalDate today = LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS));
		String content = "=HYPERLINK(\"http://x\")-" + title("决议");
		mvc.perform(as("orgadmin1", post("/api/v1/meetings/" + id + "/resolutions"))
			.content(json.writeValueAsString(Map.of("content", content, "ownerId", member1, "dueDate",
					today.plusDays(5).toString()))))
			.andExpect(status().isCreated());
		mvc.perform(as("orgadmin1", put("/api/v1/meetings/" + id + "/attendance"))
			.content("{\"entries\":[{\"personId\":" + member1 + ",\"attendance\":\"PRESENT\"}],\"version\":" + version(id)
					+ "}"))
			.andExpect(status().isOk());
		long audited = jdbc.sql("select count(*) from audit_event where object_type in ('RESOLUTION_EXPORT', 'ATTENDANCE_EXPORT')")
			.query(Long.class).single();

		// resolutions: the meeting's admins see it (its content neutralised), a sibling union's admin does not
		Sheet own = sheet("orgadmin1", "/resolutions/export?status=ALL", "决议事项");
		assertThat(own.getRow(1).getCell(0).getStringCellValue()).isEqualTo("决议事项");
		assertThat(own.getRow(1).getCell(3).getStringCellValue()).isEqualTo("责任人");
		assertThat(column(own, 0)).contains("'" + content);
		Sheet sibling = sheet("orgadmin2", "/resolutions/export?status=ALL", "决议事项");
		assertThat(column(sibling, 0)).doesNotContain("'" + content).doesNotContain(content);
		int listed = body(mvc.perform(as("orgadmin2", get("/api/v1/resolutions?size=200"))).andReturn())
			.get("totalElements").asInt();
		assertThat(column(sibling, 0)).as("the rows of the sibling's list").hasSize(listed);

		// attendance: every invitee of the meeting, for whoever reads it; a name cannot be a formula
		jdbc.sql("update person set name = :n where id = :p").param("n", "=HYPERLINK(\"http://y\")").param("p", other)
			.update();
		try {
			Sheet attendance = sheet("orgadmin1", "/meetings/" + id + "/attendance/export",
					"出席情况");
			assertThat(attendance.getRow(1).getCell(0).getStringCellValue()).isEqualTo("姓名");
			assertThat(attendance.getRow(1).getCell(1).getStringCellValue()).isEqualTo("出席情况");
			Map<String, String> rows = new HashMap<>();
			for (int r = 2; r <= attendance.getLastRowNum(); r++) {
				rows.put(attendance.getRow(r).getCell(0).getStringCellValue(),
						attendance.getRow(r).getCell(1).getStringCellValue());
			}
			String member1Name = jdbc.sql("select name from person where id = :p").param("p", member1).query(String.class)
				.single();
			assertThat(rows).containsExactlyInAnyOrderEntriesOf(
					Map.of(member1Name, "出席", "'=HYPERLINK(\"http://y\")", "未登记"));
		}
		finally {
			jdbc.sql("update person set name = :n where id = :p").param("n", otherName).param("p", other).update();
		}
		assertThat(mvc.perform(get("/meetings/" + id + "/attendance/export").session(login("orgadmin2"))).andReturn()
			.getResponse().getStatus()).as("a sibling union's admin").isEqualTo(404);
		assertThat(jdbc.sql("select count(*) from audit_event where object_type in ('RESOLUTION_EXPORT', 'ATTENDANCE_EXPORT')")
			.query(Long.class).single()).isEqualTo(audited + 3);
	}

	private Sheet sheet(String user, String url, String name) throws Exception {
		var result = mvc.perform(get(url).session(login(user))).andReturn();
		assertThat(result.getResponse().getStatus()).as(url).isEqualTo(200);
		assertThat(result.getResponse().getHeader("Content-Disposition")).contains("xlsx");
		try (var book = new XSSFWorkbook(
				new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
			assertThat(book.getSheetName(0)).isEqualTo(name);
			return book.getSheetAt(0);
		}
	}

	private static List<String> column(Sheet sheet, int column) {
		List<String> values = new ArrayList<>();
		for (int r = 2; r <= sheet.getLastRowNum(); r++) {
			values.add(sheet.getRow(r).getCell(column).getStringCellValue());
		}
		return values;
	}

	private long notifications(String eventKey) {
		return jdbc.sql("select count(*) from notification where event_key = :k and channel = 'INBOX'")
			.param("k", eventKey).query(Long.class).single();
	}

	private static JsonNode find(JsonNode page, long id) {
		assertThat(page.get("totalElements").asLong()).as("all on one page").isLessThanOrEqualTo(200);
		for (JsonNode n : page.get("content")) {
			if (n.get("id").asLong() == id) {
				return n;
			}
		}
		return null;
	}
}
