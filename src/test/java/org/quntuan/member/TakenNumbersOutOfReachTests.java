package org.quntuan.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.quntuan.member.ImportFiles.Person;
import org.quntuan.platform.Texts;
import org.quntuan.support.IntegrationTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * An ID number or mobile that someone holds: said plainly to who administers that person, refused as
 * "not in your scope" (exactly as a person out of scope is) to anyone else, and logged where the
 * holder's admins see it but the caller does not.
 */
class TakenNumbersOutOfReachTests extends IntegrationTest {

	private MvcResult send(String user, MockHttpServletRequestBuilder request, Object body) throws Exception {
		return mvc.perform(request.header("Authorization", bearer(user)).contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body))).andReturn();
	}

	private String column(long personId, String column) {
		return jdbc.sql("select " + column + " from person where id = :id").param("id", personId).query(String.class)
			.single();
	}

	private long attemptsOn(long personId) {
		return jdbc.sql("""
				select count(*) from audit_event where type = 'ACCESS_DENIED' and object_type = 'PERSON'
				and object_id = :id and actor = 'orgadmin1' and account_id is null and result = 'FAILURE'""")
			.param("id", String.valueOf(personId)).query(Long.class).single();
	}

	private long visibleInLogOf(String user, long personId) throws Exception {
		return body(mvc.perform(get("/api/v1/audit-log").param("type", "ACCESS_DENIED").param("objectType", "PERSON")
			.param("objectId", String.valueOf(personId)).header("Authorization", bearer(user))).andReturn())
			.get("totalElements").asLong();
	}

	@Test
	void registeringWithTheNumbersOfSomeoneElsewhereReadsAsOutOfScopeAndIsLoggedForTheirAdmins() throws Exception {
		long elsewhere = personOf("orgadmin2");
		long own = personOf("member1");
		long people = jdbc.sql("select count(*) from person").query(Long.class).single();

		// the legitimate refusal it must look like: a non-member is beyond a union admin's scope
		Map<String, Object> nonMember = MemberApiTests.newPerson(orgId("市财政局"), true);
		nonMember.put("unionStatus", "NOT_MEMBER");
		MvcResult outOfScope = send("orgadmin1", post("/api/v1/members"), nonMember);
		assertThat(outOfScope.getResponse().getStatus()).isEqualTo(403);

		Map<String, Object> sameId = MemberApiTests.newPerson(orgId("市财政局"), true);
		sameId.put("idNumber", column(elsewhere, "id_number"));
		long before = attemptsOn(elsewhere);
		MvcResult idRefused = send("orgadmin1", post("/api/v1/members"), sameId);
		assertThat(idRefused.getResponse().getStatus()).isEqualTo(403);
		assertThat(body(idRefused).get("detail")).isEqualTo(body(outOfScope).get("detail"));
		assertThat(body(idRefused).get("title")).isEqualTo(body(outOfScope).get("title"));
		assertThat(idRefused.getResponse().getContentAsString()).doesNotContain("已登记");

		Map<String, Object> sameMobile = MemberApiTests.newPerson(orgId("市财政局"), true);
		sameMobile.put("mobile", column(elsewhere, "mobile"));
		MvcResult mobileRefused = send("orgadmin1", post("/api/v1/members"), sameMobile);
		assertThat(mobileRefused.getResponse().getStatus()).isEqualTo(403);
		assertThat(body(mobileRefused).get("detail")).isEqualTo(body(outOfScope).get("detail"));
		assertThat(attemptsOn(elsewhere)).isEqualTo(before + 2);
		assertThat(visibleInLogOf("orgadmin1", elsewhere)).as("the caller's own log tells nothing").isZero();
		assertThat(visibleInLogOf("orgadmin2", elsewhere)).as("the holder's admins see the attempts").isPositive();

		// the numbers of someone the caller administers: said plainly, as before
		Map<String, Object> ownId = MemberApiTests.newPerson(orgId("市财政局"), true);
		ownId.put("idNumber", column(own, "id_number"));
		MvcResult plain = send("orgadmin1", post("/api/v1/members"), ownId);
		assertThat(plain.getResponse().getStatus()).isEqualTo(409);
		assertThat(body(plain).get("detail").asString()).isEqualTo(Texts.chinese(PersonRules.ID_NUMBER_TAKEN));
		Map<String, Object> ownMobile = MemberApiTests.newPerson(orgId("市财政局"), true);
		ownMobile.put("mobile", column(own, "mobile"));
		assertThat(body(send("orgadmin1", post("/api/v1/members"), ownMobile)).get("detail").asString())
			.isEqualTo(Texts.chinese(PersonRules.MOBILE_TAKEN));
		assertThat(attemptsOn(own)).isZero();
		assertThat(jdbc.sql("select count(*) from person").query(Long.class).single()).isEqualTo(people);
	}

	@Test
	void anEditTakingTheNumbersOfSomeoneElsewhereIsRefusedAlike() throws Exception {
		long elsewhere = personOf("orgadmin2");
		Map<String, Object> p = MemberApiTests.newPerson(orgId("市财政局"), false);
		long id = body(send("orgadmin1", post("/api/v1/members"), p)).get("id").asLong();
		p.put("version", 0);
		String ownIdNumber = (String) p.get("idNumber");

		p.put("idNumber", column(elsewhere, "id_number"));
		long before = attemptsOn(elsewhere);
		MvcResult refused = send("orgadmin1", put("/api/v1/members/" + id), p);
		assertThat(refused.getResponse().getStatus()).isEqualTo(403);
		assertThat(body(refused).get("detail").asString()).isEqualTo(Texts.chinese(MemberManagement.OUT_OF_SCOPE));
		assertThat(attemptsOn(elsewhere)).isEqualTo(before + 1);

		p.put("idNumber", ownIdNumber);
		p.put("mobile", column(personOf("member1"), "mobile"));
		MvcResult plain = send("orgadmin1", put("/api/v1/members/" + id), p);
		assertThat(plain.getResponse().getStatus()).isEqualTo(409);
		assertThat(body(plain).get("detail").asString()).isEqualTo(Texts.chinese(PersonRules.MOBILE_TAKEN));
		assertThat(column(id, "id_number")).isEqualTo(ownIdNumber);
	}

	@Test
	void anImportDryRunReportsNumbersHeldElsewhereAsOutOfScopeRows() throws Exception {
		long elsewhere = personOf("orgadmin2");
		long own = personOf("member1");
		Person a = Person.next(true);
		Person b = Person.next(true);
		Person c = Person.next(true);
		Person d = Person.next(true);
		byte[] file = ImportFiles.xlsx(List.<List<Object>>of(
				List.of(a.name(), column(elsewhere, "id_number"), a.mobile(), "市财政局"),
				List.of(b.name(), b.idNumber(), column(elsewhere, "mobile"), "市财政局"),
				List.of(c.name(), column(own, "id_number"), c.mobile(), "市财政局"),
				d.row("市财政局", null, null, null, "未入会")));
		long before = attemptsOn(elsewhere);

		JsonNode report = body(mvc.perform(multipart("/api/v1/members/import").file(ImportFiles.file(file))
			.param("dryRun", "true").header("Authorization", bearer("orgadmin1"))).andReturn());

		List<List<String>> errors = new ArrayList<>();
		report.get("errors").forEach(e -> errors.add(List.of(e.get("row").asString(), e.get("column").asString(),
				e.get("message").asString())));
		// row 5 is the legitimate refusal (a non-member): rows 2 and 3 read exactly like it
		List<String> outOfScope = errors.stream().filter(e -> e.get(0).equals("5")).findFirst().orElseThrow();
		assertThat(outOfScope.get(2)).isEqualTo(Texts.chinese(ImportCheck.OUT_OF_SCOPE));
		assertThat(errors).contains(List.of("2", outOfScope.get(1), Texts.chinese(ImportCheck.OUT_OF_SCOPE)),
				List.of("3", outOfScope.get(1), Texts.chinese(ImportCheck.OUT_OF_SCOPE)),
				List.of("4", "身份证号", Texts.chinese(PersonRules.ID_NUMBER_TAKEN)));
		assertThat(errors.stream().filter(e -> e.get(0).equals("2") || e.get(0).equals("3"))).hasSize(2);
		assertThat(attemptsOn(elsewhere)).isEqualTo(before + 1);
		assertThat(visibleInLogOf("orgadmin1", elsewhere)).isZero();
	}
}
