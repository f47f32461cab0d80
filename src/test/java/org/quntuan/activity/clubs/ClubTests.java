package org.quntuan.activity.clubs;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.quntuan.activity.ActivityFixtures;
import org.quntuan.activity.SeriesFixtures;
import org.quntuan.support.IntegrationTest;
import org.quntuan.support.TestClock;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ClubTests extends IntegrationTest {

	private long club(String name, String sponsor, long leaderPersonId) throws Exception {
		JsonNode created = body(mvc.perform(post("/api/v1/clubs").header("Authorization", bearer("admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"" + name + "\",\"description\":\"每周活动\",\"leaderPersonId\":" + leaderPersonId
					+ ",\"sponsorOrgId\":" + orgId(sponsor) + "}"))
			.andExpect(status().isCreated()).andReturn());
		return created.get("club").get("id").asLong();
	}

	private List<ActivityFixtures.Member> newMembers(int count) {
		long organ = ActivityFixtures.organ(jdbc, "第一片组");
		return ActivityFixtures.members(jdbc, organ, count, "FEMALE", LocalDate.of(1990, 5, 1));
	}

	private String join(long club, String bearer, int expected) throws Exception {
		return body(mvc.perform(post("/api/v1/clubs/" + club + "/join").header("Authorization", bearer))
			.andExpect(status().is(expected)).andReturn()).get("status").get("code").asString();
	}

	private long rows(long club, long person) {
		return jdbc.sql("select count(*) from club_member where club_id = :c and person_id = :p").param("c", club)
			.param("p", person).query(Long.class).single();
	}

	@Test
	void aMemberAsksToJoinTwiceAndTheLeaderApprovesTheOneRequest() throws Exception {
		ActivityFixtures.Member leader = newMembers(1).get(0);
		ActivityFixtures.Member member = newMembers(1).get(0);
		long club = club("羽毛球俱乐部" + System.nanoTime(), "市直机关工委", leader.personId());

		assertThat(join(club, member.bearer(), 201)).isEqualTo("PENDING");
		assertThat(join(club, member.bearer(), 200)).isEqualTo("PENDING");
		assertThat(rows(club, member.personId())).isOne();

		// the leader sees the request with a masked phone, and approves it
		JsonNode requests = body(mvc.perform(get("/api/v1/clubs/requests").header("Authorization", leader.bearer()))
			.andExpect(status().isOk()).andReturn());
		JsonNode request = null;
		for (JsonNode r : requests.get("content")) {
			if (r.get("personId").asLong() == member.personId()) {
				request = r;
			}
		}
		assertThat(request).isNotNull();
		assertThat(request.get("mobile").asString()).contains("****");
		mvc.perform(post("/api/v1/clubs/" + club + "/members/" + member.personId() + "/approve")
			.header("Authorization", leader.bearer())).andExpect(status().isOk());
		assertThat(join(club, member.bearer(), 200)).isEqualTo("APPROVED");

		JsonNode members = body(mvc.perform(get("/api/v1/clubs/" + club + "/members").header("Authorization", member.bearer()))
			.andExpect(status().isOk()).andReturn());
		assertThat(members.get("content")).hasSize(2);
		assertThat(members.get("totalElements").asLong()).isEqualTo(2);
		members.get("content").forEach(m -> assertThat(m.get("mobile").asString()).matches("\\d{3}\\*{4}\\d{4}"));

		JsonNode mine = body(mvc.perform(get("/api/v1/clubs").param("mine", "true").header("Authorization", member.bearer()))
			.andReturn());
		assertThat(mine.get("content").findValues("id").stream().map(JsonNode::asLong)).contains(club);
	}

	@Test
	void someoneWhoIsNotTheLeaderCannotApproveAndAMemberCanLeave() throws Exception {
		List<ActivityFixtures.Member> people = newMembers(3);
		long club = club("摄影俱乐部" + System.nanoTime(), "市直机关工委", people.get(0).personId());
		join(club, people.get(1).bearer(), 201);
		join(club, people.get(2).bearer(), 201);
		mvc.perform(post("/api/v1/clubs/" + club + "/members/" + people.get(1).personId() + "/approve")
			.header("Authorization", people.get(2).bearer())).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/clubs/" + club + "/members/" + people.get(1).personId() + "/approve")
			.header("Authorization", bearer("info1"))).andExpect(status().isForbidden());
		assertThat(jdbc.sql("select status from club_member where club_id = :c and person_id = :p").param("c", club)
			.param("p", people.get(1).personId()).query(String.class).single()).isEqualTo("PENDING");
		// the leader cannot leave; a member who asked can withdraw and ask again
		mvc.perform(post("/api/v1/clubs/" + club + "/leave").header("Authorization", people.get(0).bearer()))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(post("/api/v1/clubs/" + club + "/leave").header("Authorization", people.get(1).bearer()))
			.andExpect(status().isOk());
		assertThat(join(club, people.get(1).bearer(), 201)).isEqualTo("PENDING");
		assertThat(rows(club, people.get(1).personId())).isOne();
	}

	@Test
	void mergingMovesTheMembersOnceAndTheActivitiesAndClosesTheAbsorbedClub() throws Exception {
		List<ActivityFixtures.Member> people = newMembers(4);
		long survivor = club("瑜伽俱乐部" + System.nanoTime(), "市直机关工委", people.get(0).personId());
		long absorbed = club("健身瑜伽社" + System.nanoTime(), "市直机关工委", people.get(1).personId());
		// people 2 is in both; people 3 only in the absorbed club
		for (long c : new long[] { survivor, absorbed }) {
			join(c, people.get(2).bearer(), 201);
			mvc.perform(post("/api/v1/clubs/" + c + "/members/" + people.get(2).personId() + "/approve")
				.header("Authorization", bearer("admin"))).andExpect(status().isOk());
		}
		join(absorbed, people.get(3).bearer(), 201);
		mvc.perform(post("/api/v1/clubs/" + absorbed + "/members/" + people.get(3).personId() + "/approve")
			.header("Authorization", people.get(1).bearer())).andExpect(status().isOk());
		long activity = SeriesFixtures.activity(jdbc, "瑜伽夜课" + System.nanoTime(), orgId("市直机关工委"),
				OffsetDateTime.now(TestClock.CLOCK).plusDays(3), null, absorbed);

		mvc.perform(post("/api/v1/clubs/" + survivor + "/merge").header("Authorization", bearer("admin"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"absorbedClubId\":" + absorbed + "}")).andExpect(status().isOk());

		for (int i = 0; i < 4; i++) {
			assertThat(rows(survivor, people.get(i).personId())).as("person " + i).isOne();
		}
		assertThat(jdbc.sql("select count(*) from club_member where club_id = :c and status = 'APPROVED'").param("c", survivor)
			.query(Long.class).single()).isEqualTo(4);
		assertThat(jdbc.sql("select club_id from activity where id = :a").param("a", activity).query(Long.class).single())
			.isEqualTo(survivor);
		JsonNode old = body(mvc.perform(get("/api/v1/clubs/" + absorbed).header("Authorization", bearer("admin"))).andReturn());
		assertThat(old.get("club").get("status").get("code").asString()).isEqualTo("MERGED");
		assertThat(old.get("club").get("mergedIntoId").asLong()).isEqualTo(survivor);
		JsonNode kept = body(mvc.perform(get("/api/v1/clubs/" + survivor).header("Authorization", bearer("admin"))).andReturn());
		assertThat(kept.get("absorbed").get(0).get("id").asLong()).isEqualTo(absorbed);
		assertThat(kept.get("activities").findValues("id").stream().map(JsonNode::asLong)).contains(activity);

		// the merged club takes no requests and cannot be merged again
		mvc.perform(post("/api/v1/clubs/" + absorbed + "/join").header("Authorization", newMembers(1).get(0).bearer()))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(post("/api/v1/clubs/" + survivor + "/merge").header("Authorization", bearer("admin"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"absorbedClubId\":" + absorbed + "}"))
			.andExpect(status().isUnprocessableContent());
	}

	@Test
	void aClubCannotBeMergedIntoItselfNorByItsLeader() throws Exception {
		List<ActivityFixtures.Member> people = newMembers(2);
		long club = club("乒乓球俱乐部" + System.nanoTime(), "市直机关工委", people.get(0).personId());
		long other = club("乒乓球协会" + System.nanoTime(), "市直机关工委", people.get(0).personId());
		mvc.perform(post("/api/v1/clubs/" + club + "/merge").header("Authorization", bearer("admin"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"absorbedClubId\":" + club + "}")).andExpect(status().isBadRequest());
		mvc.perform(post("/api/v1/clubs/" + club + "/merge").header("Authorization", people.get(0).bearer())
			.contentType(MediaType.APPLICATION_JSON).content("{\"absorbedClubId\":" + other + "}")).andExpect(status().isForbidden());
		assertThat(jdbc.sql("select count(*) from club where id in (:a, :b) and status = 'ACTIVE'").param("a", club)
			.param("b", other).query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void aUnionsClubIsForItsOrgansPeopleAndItsLeaderNeedsAnAccount() throws Exception {
		long member1 = personOf("member1");
		long club = club("财政局书画社" + System.nanoTime(), "市财政局工会", member1);
		mvc.perform(get("/api/v1/clubs/" + club).header("Authorization", bearer("orgadmin1"))).andExpect(status().isOk());
		mvc.perform(get("/api/v1/clubs/" + club).header("Authorization", bearer("orgadmin2"))).andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/clubs/" + club + "/join").header("Authorization", bearer("orgadmin2")))
			.andExpect(status().isNotFound());
		JsonNode list = body(mvc.perform(get("/api/v1/clubs").param("size", "200").header("Authorization", bearer("orgadmin2")))
			.andReturn());
		assertThat(list.get("totalElements").asLong()).isLessThanOrEqualTo(200);
		assertThat(list.get("content").findValues("id").stream().map(JsonNode::asLong)).doesNotContain(club);

		// a person whose account is disabled has no way in
		long noAccount = ActivityFixtures.members(jdbc, orgId("市财政局"), 1, "MALE", LocalDate.of(1985, 1, 1)).get(0).personId();
		jdbc.sql("update account set enabled = false where person_id = :p").param("p", noAccount).update();
		mvc.perform(post("/api/v1/clubs").header("Authorization", bearer("admin")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"无账号俱乐部\",\"leaderPersonId\":" + noAccount + ",\"sponsorOrgId\":" + orgId("市财政局工会") + "}"))
			.andExpect(status().isUnprocessableContent());
		// a group is not a sponsor; a union admin cannot found a club for another organ
		mvc.perform(post("/api/v1/clubs").header("Authorization", bearer("admin")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"片组俱乐部\",\"leaderPersonId\":" + member1 + ",\"sponsorOrgId\":" + orgId("第一片组") + "}"))
			.andExpect(status().isBadRequest());
		mvc.perform(post("/api/v1/clubs").header("Authorization", bearer("orgadmin1")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"越权俱乐部\",\"leaderPersonId\":" + member1 + ",\"sponsorOrgId\":" + orgId("市教育局工会") + "}"))
			.andExpect(status().isForbidden());
	}

	@Test
	void theMembersExportHoldsTheApprovedMembersWithMaskedMobilesForManagersOnly() throws Exception {
		List<ActivityFixtures.Member> people = newMembers(3);
		long club = club("导出俱乐部" + System.nanoTime(), "市直机关工委", people.get(0).personId());
		join(club, people.get(1).bearer(), 201);
		join(club, people.get(2).bearer(), 201);
		mvc.perform(post("/api/v1/clubs/" + club + "/members/" + people.get(1).personId() + "/approve")
			.header("Authorization", bearer("admin"))).andExpect(status().isOk());
		jdbc.sql("update person set name = :n where id = :p").param("n", "=HYPERLINK(\"http://x\")")
			.param("p", people.get(1).personId()).update();
		String leader = jdbc.sql("select name from person where id = :p").param("p", people.get(0).personId())
			.query(String.class).single();
		String pending = jdbc.sql("select name from person where id = :p").param("p", people.get(2).personId())
			.query(String.class).single();
		long audited = jdbc.sql("select count(*) from audit_event where object_type = 'CLUB_MEMBERS_EXPORT'")
			.query(Long.class).single();

		var result = mvc.perform(get("/clubs/" + club + "/members/export").session(login("admin"))).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(result.getResponse().getHeader("Content-Disposition")).contains("xlsx");
		try (var book = new XSSFWorkbook(
				new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
			var sheet = book.getSheetAt(0);
			assertThat(book.getSheetName(0)).isEqualTo("成员名单");
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("姓名");
			assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("手机号");
			List<String> names = new ArrayList<>();
			for (int r = 2; r <= sheet.getLastRowNum(); r++) {
				names.add(sheet.getRow(r).getCell(0).getStringCellValue());
				assertThat(sheet.getRow(r).getCell(2).getStringCellValue()).matches("\\d{3}\\*{4}\\d{4}");
			}
			assertThat(names).as("the approved members, not the applicant")
				.containsExactlyInAnyOrder(leader, "'=HYPERLINK(\"http://x\")").doesNotContain(pending);
		}
		// who sees the club but is no member of it, nor manages it, gets no roll
		assertThat(mvc.perform(get("/clubs/" + club + "/members/export").session(login("finance1"))).andReturn()
			.getResponse().getStatus()).isEqualTo(403);
		assertThat(jdbc.sql("select count(*) from audit_event where object_type = 'CLUB_MEMBERS_EXPORT'")
			.query(Long.class).single()).isEqualTo(audited + 1);
	}
}
