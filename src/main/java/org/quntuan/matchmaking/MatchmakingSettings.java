package org.quntuan.matchmaking;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The configurable rules: the version of the matchmaking rules in force (raise it with a new text and
 * everyone is asked again), the least age to apply, how many recommendations a member gets.
 */
@Component
class MatchmakingSettings {

	private final int rulesVersion;

	private final int minimumAge;

	private final int recommendations;

	MatchmakingSettings(@Value("${quntuan.matchmaking.rules-version:1}") int rulesVersion,
			@Value("${quntuan.matchmaking.minimum-age:20}") int minimumAge,
			@Value("${quntuan.matchmaking.recommendations:20}") int recommendations) {
		if (rulesVersion < 1 || minimumAge < 18 || minimumAge > 60 || recommendations < 1 || recommendations > 100) {
			throw new IllegalStateException("quntuan.matchmaking.*: rules-version >= 1, minimum-age 18 to 60, "
					+ "recommendations 1 to 100");
		}
		this.rulesVersion = rulesVersion;
		this.minimumAge = minimumAge;
		this.recommendations = recommendations;
	}

	int rulesVersion() {
		return rulesVersion;
	}

	int minimumAge() {
		return minimumAge;
	}

	int recommendations() {
		return recommendations;
	}
}
