package org.quntuan.member;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.quntuan.platform.ScopeGrant;
import org.quntuan.platform.ScopeKind;
import org.quntuan.platform.SqlCondition;

/**
 * The people a set of grants reaches, as a SQL condition over {@code person p}. The text is fixed by
 * the kind of each grant; every value is a bound parameter.
 */
final class PersonScope {

	private PersonScope() {
	}

	/** League branches reach members of the league and everyone 28 and under. */
	static final int LEAGUE_MAX_AGE = 28;

	static SqlCondition of(List<ScopeGrant> grants, Long selfPersonId, LocalDate today,
			Function<String, List<Long>> organsBelow) {
		return of(grants, selfPersonId, today, "scope", organsBelow);
	}

	/** @param name prefix of the parameter names, so that two conditions can sit in one statement */
	static SqlCondition of(List<ScopeGrant> grants, Long selfPersonId, LocalDate today, String name,
			Function<String, List<Long>> organsBelow) {
		List<String> terms = new ArrayList<>();
		Map<String, Object> params = new HashMap<>();
		int i = 0;
		for (ScopeGrant g : grants) {
			String n = String.valueOf(i++);
			switch (g.kind()) {
				case SUBTREE -> {
					if (g.atRoot()) {
						// the root reaches everyone: no list of every organ to check against
						terms.add("1 = 1");
						continue;
					}
					// the organs are resolved now, per request, so a moved org counts where it is; a list
					// of ids gives the planner exact statistics where a path join would not
					List<Long> organs = organsBelow.apply(g.orgPath());
					terms.add(organs.isEmpty() ? "1 = 0" : "p.organ_id in (:" + name + "Organs" + n + ")");
					params.put(name + "Organs" + n, organs.isEmpty() ? List.of(-1L) : organs);
				}
				case UNION_MEMBERS -> {
					terms.add("(p.organ_id = :" + name + "Organ" + n + " and p.union_status = 'MEMBER')");
					params.put(name + "Organ" + n, g.organId());
				}
				case LEAGUE_MEMBERS -> {
					terms.add("(p.organ_id = :" + name + "Organ" + n
							+ " and (p.political_status = 'LEAGUE_MEMBER' or p.birth_date > :" + name + "BornAfter))");
					params.put(name + "Organ" + n, g.organId());
					params.put(name + "BornAfter", leagueBornAfter(today));
				}
				case WOMEN -> {
					terms.add("(p.organ_id = :" + name + "Organ" + n + " and p.gender = 'FEMALE')");
					params.put(name + "Organ" + n, g.organId());
				}
			}
		}
		if (selfPersonId != null) {
			terms.add("p.id = :" + name + "Self");
			params.put(name + "Self", selfPersonId);
		}
		return terms.isEmpty() ? SqlCondition.NONE : new SqlCondition("(" + String.join(" or ", terms) + ")", params);
	}

	/** Someone born after this date is 28 or younger today. */
	static LocalDate leagueBornAfter(LocalDate today) {
		return today.minusYears(LEAGUE_MAX_AGE + 1);
	}

	static ScopeKind kindOf(String orgType) {
		return switch (orgType) {
			case "UNION" -> ScopeKind.UNION_MEMBERS;
			case "LEAGUE" -> ScopeKind.LEAGUE_MEMBERS;
			case "WOMEN" -> ScopeKind.WOMEN;
			default -> ScopeKind.SUBTREE;
		};
	}
}
