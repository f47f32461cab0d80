package org.quntuan.member;

import org.quntuan.support.TestClock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.quntuan.organization.OrgType;
import org.quntuan.organization.OrganizationQueries;
import org.quntuan.platform.OrgLevel;
import org.quntuan.platform.Role;
import org.quntuan.platform.ScopeGrant;
import org.quntuan.platform.SqlCondition;
import org.quntuan.platform.Zones;
import org.quntuan.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The import decides in Java whom an admin reaches ({@link PersonReach}); the lists decide it in SQL
 * ({@link PersonScope}). On every person of the demo data, for a grant of every kind, both agree.
 */
class MemberImportScopeTests extends IntegrationTest {

	@Autowired
	OrganizationQueries orgs;

	private ScopeGrant grant(String orgName) {
		Map<String, Object> org = jdbc.sql("select id, type, path, parent_id from org where name = :n").param("n", orgName)
			.query().singleRow();
		OrgType type = OrgType.valueOf((String) org.get("type"));
		long id = ((Number) org.get("id")).longValue();
		Long organId = type == OrgType.ORGAN ? Long.valueOf(id)
				: type.isMassOrganization() ? Long.valueOf(((Number) org.get("parent_id")).longValue()) : null;
		return new ScopeGrant(Role.ORG_ADMIN, id, orgName, OrgLevel.valueOf(type.name()), (String) org.get("path"), type.scopeKind(), organId);
	}

	@Test
	void theJavaRuleReachesExactlyThePeopleTheSqlScopeReachesForEveryKindOfGrant() {
		LocalDate today = LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS));
		Map<Long, String> organPaths = new HashMap<>();
		Map<Long, PersonValues> people = new HashMap<>();
		jdbc.sql(PersonRow.SELECT).query(PersonRow::map).list().forEach(p -> people.put(p.id(),
				new PersonValues(p.name(), p.namePinyin(), "", p.gender(), p.birthDate(), p.idNumber(), p.mobile(),
						p.organId(), p.position(), p.politicalStatus(), p.unionStatus(), p.unionJoinedOn(),
						p.employmentStatus())));
		jdbc.sql("select id, path from org").query((rs, i) -> organPaths.put(rs.getLong(1), rs.getString(2))).list();

		for (String org : List.of("市直机关工委", "第一片组", "市财政局", "市财政局工会", "市财政局团支部", "市财政局妇委会", "市教育局工会")) {
			ScopeGrant g = grant(org);
			SqlCondition scope = PersonScope.of(List.of(g), null, today, orgs::organIdsBelow);
			Set<Long> bySql = new HashSet<>(jdbc.sql("select p.id from person p join org o on o.id = p.organ_id where " + scope.sql())
				.params(scope.params()).query(Long.class).list());
			Set<Long> byJava = new HashSet<>();
			people.forEach((id, p) -> {
				if (PersonReach.reaches(List.of(g), organPaths.get(p.organId()), p, today)) {
					byJava.add(id);
				}
			});
			assertThat(byJava).as(org).isNotEmpty().isEqualTo(bySql);
			assertThat(byJava.size()).as(org).isLessThanOrEqualTo(people.size());
		}
	}

	@Test
	void aUnionLeagueOrWomensGrantIsBlockedByTheMembershipThatDefinesIt() {
		PersonValues man = new PersonValues("某", "mou", "m", Gender.MALE, LocalDate.of(1970, 1, 1), "x", "y",
				grant("市财政局").orgId(), null, PoliticalStatus.MASSES, UnionStatus.NOT_MEMBER, null,
				EmploymentStatus.IN_SERVICE);
		assertThat(PersonReach.blockingField(List.of(grant("市财政局工会")), man)).isEqualTo("unionStatus");
		assertThat(PersonReach.blockingField(List.of(grant("市财政局团支部")), man)).isEqualTo("politicalStatus");
		assertThat(PersonReach.blockingField(List.of(grant("市财政局妇委会")), man)).isEqualTo("gender");
		assertThat(PersonReach.blockingField(List.of(grant("市教育局工会")), man)).isEqualTo("organId");
	}
}
