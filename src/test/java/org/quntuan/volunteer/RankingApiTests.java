package org.quntuan.volunteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.quntuan.volunteer.VolunteerFixtures.Member;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;

class RankingApiTests extends VolunteerTestSupport {

	@Autowired
	VolunteerQueries queries;

	@Test
	void personsAreRankedByTheYearsVerifiedHoursWithinTheCallersReach() throws Exception {
		int year = today().getYear();
		BigDecimal organBefore = queries.of(orgId("市财政局"), year).verifiedHours();
		Member a = volunteer("市财政局");
		Member b = volunteer("市财政局");
		verified(a, "20");
		verified(b, "6.5");
		// pending hours do not count
		claimed(b.username(), today(), "10");

		List<Long> byOrgAdmin = personIds("orgadmin1", year);
		assertThat(byOrgAdmin).contains(a.id(), b.id());
		assertThat(byOrgAdmin.indexOf(a.id())).isLessThan(byOrgAdmin.indexOf(b.id()));
		JsonNode row = rowOf(body(getJson("orgadmin1", "/api/v1/volunteers/ranking?by=person&size=200&year=" + year)), b.id());
		assertThat(row.get("hours").asString()).isEqualTo("6.5");
		assertThat(row.get("organName").asString()).isEqualTo("市财政局");
		// another organ's union does not reach them; a member sees their own organ's ranking only
		assertThat(personIds("orgadmin2", year)).doesNotContain(a.id(), b.id());
		assertThat(personIds(freshMember("市财政局").username(), year)).contains(a.id(), b.id());
		assertThat(personIds(freshMember("市教育局").username(), year)).doesNotContain(a.id(), b.id());

		// organs and teams: sums for everyone
		JsonNode organs = body(getJson(b.username(), "/api/v1/volunteers/ranking?by=org&size=200&year=" + year));
		JsonNode organ = rowOf(organs, orgId("市财政局"));
		assertThat(new BigDecimal(organ.get("hours").asString()))
			.isEqualByComparingTo(organBefore.add(new BigDecimal("26.5")));
		assertThat(organ.get("volunteers").asLong()).isGreaterThanOrEqualTo(2);
		assertThat(queries.of(orgId("市财政局"), year).verifiedHours()).isEqualByComparingTo(organ.get("hours").asString());
		assertThat(queries.of(orgId("市财政局工会"), year)).isEqualTo(
				new VolunteerQueries.OrgFigures(orgId("市财政局工会"), year, queries.of(orgId("市财政局"), year).verifiedHours(),
						queries.of(orgId("市财政局"), year).volunteers()));
		JsonNode teams = body(getJson("member1", "/api/v1/volunteers/ranking?by=team&size=200&year=" + year));
		assertThat(teams.get("content").findValues("name").stream().map(JsonNode::asString).toList())
			.contains("市财政局志愿服务队");
		// nothing in a year without verified hours
		JsonNode past = body(getJson("orgadmin1", "/api/v1/volunteers/ranking?by=person&year=2001"));
		assertThat(past.get("totalElements").asLong()).isZero();
	}

	@Test
	void theRankingIsExportedAsTheCallerSeesItAndTheExportIsAudited() throws Exception {
		int year = today().getYear();
		Member a = volunteer("市财政局");
		verified(a, "3");
		long exports = jdbc.sql("select count(*) from audit_event where object_type = 'VOLUNTEER_RANKING_EXPORT'")
			.query(Long.class).single();
		MvcResult r = getJson("orgadmin1", "/api/v1/volunteers/ranking/export?by=person&year=" + year);
		expectStatus(r, 200);
		List<String> names = names(r);
		String name = jdbc.sql("select name from person where id = :p").param("p", a.id()).query(String.class).single();
		assertThat(names).contains(name);
		assertThat(jdbc.sql("select count(*) from audit_event where object_type = 'VOLUNTEER_RANKING_EXPORT'")
			.query(Long.class).single()).isEqualTo(exports + 1);
		MvcResult other = getJson("orgadmin2", "/api/v1/volunteers/ranking/export?by=person&year=" + year);
		expectStatus(other, 200);
		assertThat(names(other)).doesNotContain(name);
	}

	@Test
	void aBadYearOrKindIsRefused() throws Exception {
		assertThat(getJson("orgadmin1", "/api/v1/volunteers/ranking?by=club").getResponse().getStatus()).isEqualTo(400);
		assertThat(getJson("orgadmin1", "/api/v1/volunteers/ranking?year=" + (today().getYear() + 1)).getResponse()
			.getStatus()).isEqualTo(400);
	}

	private static List<String> names(MvcResult r) throws Exception {
		List<String> names = new ArrayList<>();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(r.getResponse().getContentAsByteArray()))) {
			Sheet sheet = book.getSheetAt(0);
			for (Row row : sheet) {
				if (row.getCell(1) != null) {
					names.add(row.getCell(1).toString());
				}
			}
		}
		return names;
	}

	private void verified(Member m, String hours) throws Exception {
		long claim = claimed(m.username(), today(), hours);
		expectStatus(verify("orgadmin1", claim, true, null, null), 200);
	}

	private List<Long> personIds(String user, int year) throws Exception {
		JsonNode page = body(getJson(user, "/api/v1/volunteers/ranking?by=person&size=200&year=" + year));
		List<Long> ids = new ArrayList<>();
		page.get("content").forEach(n -> ids.add(n.get("id").asLong()));
		return ids;
	}

	private static JsonNode rowOf(JsonNode page, long id) {
		for (JsonNode n : page.get("content")) {
			if (n.get("id").asLong() == id) {
				return n;
			}
		}
		throw new AssertionError("no row " + id + " in " + page);
	}
}
