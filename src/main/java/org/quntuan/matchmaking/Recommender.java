package org.quntuan.matchmaking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.quntuan.platform.Text;

/**
 * The two-sided score: how well a candidate fits the member's stated preferences and the member fits
 * the candidate's, plus what they share. Age and height ranges are already met on both sides (the
 * prefilter); education and tags add to the score, as do shared hobbies and hometown. Each part that
 * counts gives a reason in words.
 */
final class Recommender {

	record Scored(ProfileRow profile, int score, List<Text> reasons) {
	}

	private Recommender() {
	}

	static List<Scored> top(ProfileRow me, List<ProfileRow> candidates, int n) {
		List<Scored> scored = new ArrayList<>(candidates.size());
		for (ProfileRow c : candidates) {
			scored.add(score(me, c));
		}
		scored.sort(Comparator.comparingInt(Scored::score).reversed().thenComparingLong(s -> s.profile().id()));
		return scored.size() > n ? List.copyOf(scored.subList(0, n)) : scored;
	}

	static Scored score(ProfileRow me, ProfileRow c) {
		int score = 0;
		List<Text> reasons = new ArrayList<>();
		List<String> shared = c.hobbies().stream().filter(me.hobbies()::contains).toList();
		if (!shared.isEmpty()) {
			score += 10 * shared.size();
			reasons.add(Text.of("matchmaking.reason.hobbies", String.join("、", shared)));
		}
		List<String> wanted = new ArrayList<>(c.hobbies().stream().filter(me.prefTags()::contains).toList());
		me.hobbies().stream().filter(c.prefTags()::contains).filter(t -> !wanted.contains(t)).forEach(wanted::add);
		if (!wanted.isEmpty()) {
			score += 6 * wanted.size();
			reasons.add(Text.of("matchmaking.reason.tags", String.join("、", wanted)));
		}
		boolean anyAgeRange = me.prefAgeFrom() != null || me.prefAgeTo() != null || c.prefAgeFrom() != null
				|| c.prefAgeTo() != null;
		if (anyAgeRange) {
			score += 4;
			reasons.add(Text.of("matchmaking.reason.age"));
		}
		boolean anyHeightRange = me.prefHeightFrom() != null || me.prefHeightTo() != null || c.prefHeightFrom() != null
				|| c.prefHeightTo() != null;
		if (anyHeightRange) {
			score += 2;
			reasons.add(Text.of("matchmaking.reason.height"));
		}
		boolean fitsMine = c.education().atLeast(me.prefEducation());
		boolean fitsTheirs = me.education().atLeast(c.prefEducation());
		score += (fitsMine ? 5 : 0) + (fitsTheirs ? 5 : 0);
		if (fitsMine && fitsTheirs && (me.prefEducation() != null || c.prefEducation() != null)) {
			reasons.add(Text.of("matchmaking.reason.education"));
		}
		if (c.hometown().equals(me.hometown())) {
			score += 3;
			reasons.add(Text.of("matchmaking.reason.hometown", c.hometown()));
		}
		return new Scored(c, score, reasons);
	}
}
