package org.quntuan.member;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.quntuan.platform.IdNumber;
import org.quntuan.platform.Zones;
import org.quntuan.support.IntegrationTest;
import org.quntuan.support.TestClock;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class MemberApiTests extends IntegrationTest {

	private static final AtomicInteger SEQUENCE = new AtomicInteger(100);

	private MockHttpServletRequestBuilder as(String user, MockHttpServletRequestBuilder request) throws Exception {
		return request.header("Authorization", bearer(user)).contentType(MediaType.APPLICATION_JSON);
	}

	/** A fresh valid ID number and mobile for each new person. */
	static Map<String, Object> newPerson(long organId, boolean male) {
		int n = SEQUENCE.incrementAndGet();
		Map<String, Object> p = new HashMap<>();
		p.put("name", "测试" + (char) ('甲' + n % 10) + n);
		String id17 = "980101" + (1960 + n / 100) + "0315" + String.format("%02d", n % 100) + (male ? "1" : "2");
		p.put("idNumber", id17 + IdNumber.checkCharacter(id17));
		p.put("mobile", "166" + String.format("%08d", 10000000 + n * 7 + (male ? 0 : 3)));
		p.put("organId", organId);
		p.put("politicalStatus", "群众");
		p.put("unionStatus", "MEMBER");
		p.put("employmentStatus", "IN_SERVICE");
		p.put("position", "科员");
		return p;
	}

	@Test
	void aUnionAdminListsOnlyTheUnionMembersOfTheirOrganMasked() throws Exception {
		JsonNode page = body(mvc.perform(as("orgadmin1", get("/api/v1/members?size=200"))).andExpect(status().isOk()).andReturn());
		long expected = jdbc.sql("""
				select count(*) from person p join org o on o.id = p.organ_id
				where o.name = '市财政局' and p.union_status = 'MEMBER' and p.active = true""").query(Long.class).single();
		assertThat(page.get("totalElements").asLong()).isEqualTo(expected);
		assertThat(page.get("page").asInt()).isZero();
		assertThat(page.get("totalPages").asInt()).isEqualTo(1);
		page.get("content").forEach(p -> {
			assertThat(p.get("organName").asString()).isEqualTo("市财政局");
			assertThat(p.get("unionStatus").get("code").asString()).isEqualTo("MEMBER");
			assertThat(p.get("idNumber").asString()).matches("\\d{3}\\*{11}[\\dX]{4}");
			assertThat(p.get("mobile").asString()).matches("\\d{3}\\*{4}\\d{4}");
		});
	}

	@Test
	void theFederationAdminFiltersByOrgSubtreeAndSearchesByPinyinInitialsAndMobileTail() throws Exception {
		JsonNode group = body(mvc.perform(as("admin", get("/api/v1/members?size=200&orgId=" + orgId("第二片组")))).andReturn());
		long expected = jdbc.sql("""
				select count(*) from person p join org o on o.id = p.organ_id join org g on g.id = o.parent_id
				where g.name = '第二片组' and p.active = true""").query(Long.class).single();
		assertThat(group.get("totalElements").asLong()).isEqualTo(expected);

		Map<String, Object> someone = jdbc.sql("select name, name_pinyin, name_initials, mobile from person order by id fetch first 1 rows only")
			.query().singleRow();
		for (String q : new String[] { (String) someone.get("name_pinyin"), (String) someone.get("name_initials"),
				((String) someone.get("mobile")).substring(7), (String) someone.get("name") }) {
			JsonNode found = body(mvc.perform(as("admin", get("/api/v1/members")).param("q", q).param("size", "200")).andReturn());
			assertThat(found.get("content").findValuesAsString("name")).as("search %s", q).contains((String) someone.get("name"));
		}
		JsonNode wildcard = body(mvc.perform(as("admin", get("/api/v1/members")).param("q", "%")).andReturn());
		assertThat(wildcard.get("totalElements").asLong()).isZero();
		// a mobile is found by its last 4 digits or as a whole, never by 5 to 10 of them (which would
		// uncover a masked number digit by digit)
		String mobile = (String) someone.get("mobile");
		JsonNode whole = body(mvc.perform(as("admin", get("/api/v1/members")).param("q", mobile)).andReturn());
		assertThat(whole.get("content").findValuesAsString("name")).containsExactly((String) someone.get("name"));
		JsonNode five = body(mvc.perform(as("admin", get("/api/v1/members")).param("q", mobile.substring(6))).andReturn());
		assertThat(five.get("totalElements").asLong()).isZero();
	}

	@Test
	void pagingParametersAreChecked() throws Exception {
		mvc.perform(as("admin", get("/api/v1/members?size=1000"))).andExpect(status().isBadRequest());
		mvc.perform(as("admin", get("/api/v1/members?page=-1"))).andExpect(status().isBadRequest());
		mvc.perform(as("admin", get("/api/v1/members?page=abc"))).andExpect(status().isBadRequest());
	}

	@Test
	void aWholeViewByAnAdminIsLoggedAndAPersonSeesTheirOwnRecordUnlogged() throws Exception {
		long member = personOf("member1");
		String count = "select count(*) from audit_event where type = 'PERSONAL_DATA_VIEW' and object_id = :id";
		long before = jdbc.sql(count).param("id", String.valueOf(member)).query(Long.class).single();
		JsonNode byAdmin = body(mvc.perform(as("orgadmin1", get("/api/v1/members/" + member))).andExpect(status().isOk()).andReturn());
		assertThat(byAdmin.get("idNumber").asString()).doesNotContain("*").hasSize(18);
		assertThat(byAdmin.get("masked").asBoolean()).isFalse();
		mvc.perform(as("member1", get("/api/v1/members/" + member))).andExpect(status().isOk())
			.andExpect(jsonPath("$.mobile").value(Matchers.matchesPattern("\\d{11}")));
		long after = jdbc.sql(count).param("id", String.valueOf(member)).query(Long.class).single();
		assertThat(after).isEqualTo(before + 1);
	}

	@Test
	void peopleOutsideTheScopeAre404AndAMemberCannotList() throws Exception {
		long other = personOf("orgadmin2");
		mvc.perform(as("orgadmin1", get("/api/v1/members/" + other))).andExpect(status().isNotFound());
		mvc.perform(as("member1", get("/api/v1/members/" + other))).andExpect(status().isNotFound());
		mvc.perform(as("finance1", get("/api/v1/members/" + personOf("member1")))).andExpect(status().isNotFound());
		mvc.perform(as("member1", get("/api/v1/members"))).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.title").value("无权操作"));
		mvc.perform(as("admin", get("/api/v1/members/99999999"))).andExpect(status().isNotFound());
	}

	@Test
	void anAdminRegistersAPersonWhoseGenderAndBirthDateComeFromTheIdNumber() throws Exception {
		Map<String, Object> p = newPerson(orgId("市财政局"), false);
		MvcResult created = mvc.perform(as("orgadmin1", post("/api/v1/members")).content(json.writeValueAsString(p)))
			.andExpect(status().isCreated()).andReturn();
		JsonNode person = body(created);
		assertThat(person.get("gender").get("label").asString()).isEqualTo("女");
		assertThat(person.get("politicalStatus").get("code").asString()).isEqualTo("MASSES");
		IdNumber id = IdNumber.parse((String) p.get("idNumber"));
		assertThat(LocalDate.parse(person.get("birthDate").asString())).isEqualTo(id.birthDate());
		assertThat(created.getResponse().getHeader("Location")).endsWith("/api/v1/members/" + person.get("id").asLong());

		// the same person again is a conflict, and nothing more is written
		long count = jdbc.sql("select count(*) from person").query(Long.class).single();
		mvc.perform(as("orgadmin1", post("/api/v1/members")).content(json.writeValueAsString(p)))
			.andExpect(status().isConflict());
		assertThat(jdbc.sql("select count(*) from person").query(Long.class).single()).isEqualTo(count);
	}

	@Test
	void badIdNumbersGenderMismatchesAndBadMobilesAre400WithTheField() throws Exception {
		long organ = orgId("市财政局");
		long count = jdbc.sql("select count(*) from person").query(Long.class).single();
		Map<String, Object> p = newPerson(organ, true);
		String id = (String) p.get("idNumber");
		p.put("idNumber", id.substring(0, 17) + (id.charAt(17) == '0' ? '1' : '0'));
		mvc.perform(as("admin", post("/api/v1/members")).content(json.writeValueAsString(p)))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("idNumber"))
			.andExpect(jsonPath("$.detail").value("身份证号校验位不正确"));
		Map<String, Object> q = newPerson(organ, true);
		q.put("gender", "女");
		mvc.perform(as("admin", post("/api/v1/members")).content(json.writeValueAsString(q)))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("gender"));
		Map<String, Object> r = newPerson(organ, true);
		r.put("mobile", "12345");
		mvc.perform(as("admin", post("/api/v1/members")).content(json.writeValueAsString(r)))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("mobile"));
		Map<String, Object> s = newPerson(organ, true);
		s.put("politicalStatus", "无党派人士X");
		mvc.perform(as("admin", post("/api/v1/members")).content(json.writeValueAsString(s)))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("politicalStatus"));
		assertThat(jdbc.sql("select count(*) from person").query(Long.class).single()).isEqualTo(count);
	}

	@Test
	void aUnionAdminCannotRegisterOutsideTheirScopeAndNothingIsWritten() throws Exception {
		long count = jdbc.sql("select count(*) from person").query(Long.class).single();
		mvc.perform(as("orgadmin1", post("/api/v1/members"))
			.content(json.writeValueAsString(newPerson(orgId("市教育局"), true))))
			.andExpect(status().isNotFound());
		Map<String, Object> nonMember = newPerson(orgId("市财政局"), true);
		nonMember.put("unionStatus", "NOT_MEMBER");
		mvc.perform(as("orgadmin1", post("/api/v1/members")).content(json.writeValueAsString(nonMember)))
			.andExpect(status().isForbidden());
		mvc.perform(as("member1", post("/api/v1/members"))
			.content(json.writeValueAsString(newPerson(orgId("市财政局"), true))))
			.andExpect(status().isForbidden());
		assertThat(jdbc.sql("select count(*) from person").query(Long.class).single()).isEqualTo(count);
	}

	@Test
	void aStaleEditIsAConflictAndSqlInTextIsStoredVerbatim() throws Exception {
		Map<String, Object> p = newPerson(orgId("市教育局"), true);
		long id = body(mvc.perform(as("admin", post("/api/v1/members")).content(json.writeValueAsString(p))).andReturn())
			.get("id").asLong();
		p.put("position", "科员'); delete from person; --");
		p.put("version", 0);
		mvc.perform(as("orgadmin2", put("/api/v1/members/" + id)).content(json.writeValueAsString(p)))
			.andExpect(status().isOk()).andExpect(jsonPath("$.position").value("科员'); delete from person; --"))
			.andExpect(jsonPath("$.version").value(1));
		p.put("position", "副科长");
		mvc.perform(as("orgadmin2", put("/api/v1/members/" + id)).content(json.writeValueAsString(p)))
			.andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value("该人员信息已被他人修改，请刷新后重试"));
		assertThat(jdbc.sql("select count(*) from person").query(Long.class).single()).isGreaterThan(100);
	}

	/** An account bound as ORG_ADMIN at one org, made for the test with the demo password. */
	private String adminAt(String orgName) {
		String username = "t" + Math.abs(orgName.hashCode());
		if (jdbc.sql("select count(*) from account where username = :u").param("u", username).query(Long.class).single() == 0) {
			jdbc.sql("""
					insert into account (username, password_hash, display_name, enabled, failed_attempts, must_change_password, created_at, version)
					select :u, password_hash, :u, true, 0, false, created_at, 0 from account where username = 'admin'""")
				.param("u", username).update();
			jdbc.sql("""
					insert into role_binding (account_id, role, org_id, created_at)
					select a.id, 'ORG_ADMIN', o.id, a.created_at from account a, org o where a.username = :u and o.name = :o""")
				.param("u", username).param("o", orgName).update();
		}
		return username;
	}

	private Set<Long> listedIds(String user, String query) throws Exception {
		JsonNode page = body(mvc.perform(as(user, get("/api/v1/members?size=200" + query))).andExpect(status().isOk()).andReturn());
		Set<Long> ids = new TreeSet<>();
		page.get("content").forEach(p -> ids.add(p.get("id").asLong()));
		return ids;
	}

	private Set<Long> ids(String sql) {
		return new TreeSet<>(jdbc.sql(sql).query(Long.class).list());
	}

	@Test
	void aLeagueBranchReachesLeagueMembersAndPeople28AndUnderOfItsOrgan() throws Exception {
		LocalDate bornAfter = LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS)).minusYears(29);
		Set<Long> expected = new TreeSet<>(jdbc.sql("""
				select p.id from person p join org o on o.id = p.organ_id where o.name = '市财政局' and p.active = true
				and (p.political_status = 'LEAGUE_MEMBER' or p.birth_date > :born)""").param("born", bornAfter)
			.query(Long.class).list());
		assertThat(expected).isNotEmpty();
		assertThat(listedIds(adminAt("市财政局团支部"), "")).isEqualTo(expected);
	}

	@Test
	void aWomensCommitteeReachesTheWomenOfItsOrgan() throws Exception {
		Set<Long> expected = ids("""
				select p.id from person p join org o on o.id = p.organ_id
				where o.name = '市财政局' and p.active = true and p.gender = 'FEMALE'""");
		assertThat(expected).isNotEmpty();
		assertThat(listedIds(adminAt("市财政局妇委会"), "")).isEqualTo(expected);
	}

	@Test
	void filteringByAUnionListsItsMembersOnly() throws Exception {
		Set<Long> expected = ids("""
				select p.id from person p join org o on o.id = p.organ_id
				where o.name = '市教育局' and p.active = true and p.union_status = 'MEMBER'""");
		assertThat(listedIds("admin", "&orgId=" + orgId("市教育局工会"))).isEqualTo(expected);
	}

	@Test
	void refusedRequestsAreWrittenToTheAuditLog() throws Exception {
		String count = "select count(*) from audit_event where type = 'ACCESS_DENIED' and object_id = :o";
		String target = "GET /api/v1/members/" + personOf("orgadmin2");
		long before = jdbc.sql(count).param("o", target).query(Long.class).single();
		mvc.perform(as("orgadmin1", get("/api/v1/members/" + personOf("orgadmin2")))).andExpect(status().isNotFound());
		assertThat(jdbc.sql(count).param("o", target).query(Long.class).single()).isEqualTo(before + 1);
		long forbidden = jdbc.sql("select count(*) from audit_event where type = 'ACCESS_DENIED' and object_id = 'GET /api/v1/members' and actor = 'member1'")
			.query(Long.class).single();
		mvc.perform(as("member1", get("/api/v1/members"))).andExpect(status().isForbidden());
		assertThat(jdbc.sql("select count(*) from audit_event where type = 'ACCESS_DENIED' and object_id = 'GET /api/v1/members' and actor = 'member1'")
			.query(Long.class).single()).isEqualTo(forbidden + 1);
	}

	@Test
	void theEditFormHoldsWholeNumbersSoOpeningItIsLogged() throws Exception {
		long member = personOf("member1");
		String count = "select count(*) from audit_event where type = 'PERSONAL_DATA_VIEW' and object_id = :id";
		long before = jdbc.sql(count).param("id", String.valueOf(member)).query(Long.class).single();
		mvc.perform(get("/members/" + member + "/edit").session(login("orgadmin1"))).andExpect(status().isOk());
		assertThat(jdbc.sql(count).param("id", String.valueOf(member)).query(Long.class).single()).isEqualTo(before + 1);
	}

	@Test
	void thePersonPickerOffersPeopleInScopeOnly() throws Exception {
		String initials = jdbc.sql("select p.name_initials from person p join account a on a.person_id = p.id where a.username = 'member1'")
			.query(String.class).single();
		String html = mvc.perform(get("/members/picker").param("q", initials).session(login("orgadmin1")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(html).contains("value=\"" + personOf("member1") + "\"").doesNotContain("市教育局");
		mvc.perform(get("/members/picker").param("q", initials).session(login("member1"))).andExpect(status().isForbidden());
	}
}
