package org.quntuan.matchmaking;

import java.util.List;

import jakarta.validation.constraints.Size;

/**
 * What a member writes into their profile (PUT /api/v1/matchmaking/profile and the page's form).
 *
 * @param education a code of {@link Education} or its label
 * @param version the version read; required once the profile exists
 */
public record ProfileInput(String nickname, Integer birthYear, Integer height, String education, String hometown,
		@Size(max = 10) List<String> hobbies, String intro, Preferences preferences, Boolean unmarriedDeclared,
		Integer version) {

	/** What the member looks for; every part optional. */
	public record Preferences(Integer ageFrom, Integer ageTo, Integer heightFrom, Integer heightTo, String education,
			@Size(max = 10) List<String> tags) {
	}
}
