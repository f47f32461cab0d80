package org.quntuan.organization;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Term lengths in years per kind of organization and the default number of seats (应选名额) of a
 * team. The law and the league's rules allow only certain lengths: a union 3 or 5 years, a league
 * branch 2 or 3, a women's committee 3 or 5; anything else stops the application at start.
 */
@ConfigurationProperties("quntuan.terms")
record TermSettings(@DefaultValue("5") int union, @DefaultValue("3") int league, @DefaultValue("5") int women,
		@DefaultValue("7") int unionSeats, @DefaultValue("5") int leagueSeats, @DefaultValue("5") int womenSeats) {

	TermSettings {
		check("quntuan.terms.union", union, 3, 5);
		check("quntuan.terms.league", league, 2, 3);
		check("quntuan.terms.women", women, 3, 5);
		if (unionSeats < 1 || leagueSeats < 1 || womenSeats < 1) {
			throw new IllegalArgumentException("quntuan.terms.*-seats 至少为 1");
		}
	}

	private static void check(String name, int value, int a, int b) {
		if (value != a && value != b) {
			throw new IllegalArgumentException(name + " 只能是 " + a + " 或 " + b + "（年），当前为 " + value);
		}
	}

	int years(OrgType type) {
		return switch (type) {
			case UNION -> union;
			case LEAGUE -> league;
			case WOMEN -> women;
			default -> throw new IllegalArgumentException(type + " has no term");
		};
	}

	int seats(OrgType type) {
		return switch (type) {
			case UNION -> unionSeats;
			case LEAGUE -> leagueSeats;
			case WOMEN -> womenSeats;
			default -> throw new IllegalArgumentException(type + " has no team");
		};
	}
}
