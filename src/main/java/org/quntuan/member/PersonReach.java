package org.quntuan.member;

import java.time.LocalDate;
import java.util.List;

import org.quntuan.platform.ScopeGrant;

/**
 * {@link PersonScope} decided in Java, for people not yet written: whether a set of grants reaches a
 * person with these values in an organ with this path. It must say exactly what the SQL of
 * {@link PersonScope#of} says ({@code MemberImportScopeTests} compares the two on the demo data).
 */
final class PersonReach {

	private PersonReach() {
	}

	static boolean reaches(List<ScopeGrant> grants, String organPath, PersonValues p, LocalDate today) {
		return grants.stream().anyMatch(g -> reaches(g, organPath, p, today));
	}

	static boolean reaches(ScopeGrant g, String organPath, PersonValues p, LocalDate today) {
		return switch (g.kind()) {
			case SUBTREE -> organPath.startsWith(g.orgPath());
			case UNION_MEMBERS -> sameOrgan(g, p) && p.unionStatus() == UnionStatus.MEMBER;
			case LEAGUE_MEMBERS -> sameOrgan(g, p) && (p.politicalStatus() == PoliticalStatus.LEAGUE_MEMBER
					|| p.birthDate().isAfter(PersonScope.leagueBornAfter(today)));
			case WOMEN -> sameOrgan(g, p) && p.gender() == Gender.FEMALE;
		};
	}

	private static boolean sameOrgan(ScopeGrant g, PersonValues p) {
		return g.organId() != null && g.organId() == p.organId();
	}

	/**
	 * Which of the person's values keeps them out of reach, for pointing at the right column: the
	 * union membership for a union's admin of the same organ, and so on; the organ otherwise.
	 */
	static String blockingField(List<ScopeGrant> grants, PersonValues p) {
		for (ScopeGrant g : grants) {
			if (sameOrgan(g, p)) {
				switch (g.kind()) {
					case UNION_MEMBERS -> {
						return "unionStatus";
					}
					case LEAGUE_MEMBERS -> {
						return "politicalStatus";
					}
					case WOMEN -> {
						return "gender";
					}
					default -> {
					}
				}
			}
		}
		return "organId";
	}
}
