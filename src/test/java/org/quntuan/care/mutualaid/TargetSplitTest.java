package org.quntuan.care.mutualaid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class TargetSplitTest {

	@Test
	void theSplitIsProportionalToUnionMembersAndTheLargestRemaindersGetThePlacesLeftOver() {
		Map<Long, Integer> split = TargetSplit.split(10, List.of(new TargetSplit.Weight(1, 5), new TargetSplit.Weight(2, 3),
				new TargetSplit.Weight(3, 1)));
		// shares 5.56, 3.33, 1.11: wholes 5 + 3 + 1 = 9, the one left goes to the largest fraction (organ 1)
		assertThat(split).containsExactly(Map.entry(1L, 6), Map.entry(2L, 3), Map.entry(3L, 1));
	}

	@Test
	void organsWithoutMembersGetNothingUnlessNoOrganHasMembers() {
		assertThat(TargetSplit.split(7, List.of(new TargetSplit.Weight(1, 0), new TargetSplit.Weight(2, 4))))
			.containsExactly(Map.entry(1L, 0), Map.entry(2L, 7));
		assertThat(TargetSplit.split(7, List.of(new TargetSplit.Weight(1, 0), new TargetSplit.Weight(2, 0),
				new TargetSplit.Weight(3, 0)))).containsExactly(Map.entry(1L, 3), Map.entry(2L, 2), Map.entry(3L, 2));
	}

	@Test
	void aRandomSplitAlwaysSumsToTheTargetAndStaysWithinOneOfTheExactShare() {
		Random random = new Random(18);
		for (int round = 0; round < 500; round++) {
			int target = 1 + random.nextInt(20_000);
			List<TargetSplit.Weight> organs = new ArrayList<>();
			int n = 1 + random.nextInt(400);
			for (int i = 0; i < n; i++) {
				organs.add(new TargetSplit.Weight(i + 1, random.nextInt(10) == 0 ? 0 : random.nextInt(600)));
			}
			Map<Long, Integer> split = TargetSplit.split(target, organs);
			assertThat(split.values().stream().mapToInt(Integer::intValue).sum()).as("round %d", round).isEqualTo(target);
			long total = organs.stream().mapToLong(TargetSplit.Weight::members).sum();
			for (TargetSplit.Weight o : organs) {
				double exact = total == 0 ? (double) target / n : (double) target * o.members() / total;
				assertThat(Math.abs(split.get(o.organId()) - exact)).isLessThan(1.0);
			}
		}
	}
}
