package org.quntuan.matchmaking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.quntuan.platform.Text;

/** The two-sided score ranks who fits both ways first and says why. */
class RecommenderTest {

	private static ProfileRow profile(long id, String gender, List<String> hobbies, String town, Education education,
			Education wants, List<String> tags, Integer ageFrom) {
		return new ProfileRow(id, id, 1, "/1/", gender, "n" + id, 1996, 170, education, town, hobbies, "intro", ageFrom,
				ageFrom == null ? null : ageFrom + 10, null, null, wants, tags, ProfileStatus.APPROVED, null, false, false,
				null, true, true, 1, null, 0);
	}

	@Test
	void sharedHobbiesWantedTagsAndEducationBothWaysRankFirstWithTheirReasons() {
		ProfileRow me = profile(1, "MALE", List.of("徒步", "摄影"), "杭州", Education.BACHELOR, Education.BACHELOR,
				List.of("读书"), 22);
		ProfileRow fits = profile(2, "FEMALE", List.of("徒步", "读书"), "杭州", Education.MASTER, null, List.of(), null);
		ProfileRow below = profile(3, "FEMALE", List.of("游泳"), "宁波", Education.COLLEGE, null, List.of(), null);
		ProfileRow wantsMore = profile(4, "FEMALE", List.of("徒步"), "宁波", Education.BACHELOR, Education.DOCTOR,
				List.of(), null);
		List<Recommender.Scored> top = Recommender.top(me, List.of(below, wantsMore, fits), 2);
		assertThat(top).extracting(s -> s.profile().id()).containsExactly(2L, 4L);
		assertThat(top.get(0).reasons()).extracting(Text::code).containsExactly("matchmaking.reason.hobbies",
				"matchmaking.reason.tags", "matchmaking.reason.age", "matchmaking.reason.education",
				"matchmaking.reason.hometown");
		assertThat(top.get(0).reasons().get(0).args()).containsExactly("徒步");
		// she wants a doctor: the education does not fit both ways, so it gives no reason
		assertThat(top.get(1).reasons()).extracting(Text::code).doesNotContain("matchmaking.reason.education");
		assertThat(Recommender.score(me, fits).score()).isGreaterThan(Recommender.score(me, wantsMore).score());
		assertThat(Recommender.score(me, wantsMore).score()).isGreaterThan(Recommender.score(me, below).score());
	}
}
