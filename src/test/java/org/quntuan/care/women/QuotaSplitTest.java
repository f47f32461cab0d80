package org.quntuan.care.women;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The default split of a screening's places: proportional to the women, the remainders to the largest fractions. */
class QuotaSplitTest {

	@Test
	void placesFollowTheWomenAndOrgansWithoutWomenGetNone() {
		Map<Long, Integer> women = new LinkedHashMap<>();
		women.put(1L, 50);
		women.put(2L, 30);
		women.put(3L, 20);
		women.put(4L, 0);
		assertThat(QuotaSplit.byWomen(10, women)).containsExactly(Map.entry(1L, 5), Map.entry(2L, 3), Map.entry(3L, 2));
		// 7 × 50/100 = 3.5, 7 × 30/100 = 2.1, 7 × 20/100 = 1.4: the last place goes to the largest fraction
		assertThat(QuotaSplit.byWomen(7, women)).containsExactly(Map.entry(1L, 4), Map.entry(2L, 2), Map.entry(3L, 1));
		assertThat(QuotaSplit.byWomen(7, Map.of(9L, 0))).isEmpty();
	}

	@Test
	void theSharesAlwaysAddUpToTheCapacity() {
		long seed = 20261208L;
		Random random = new Random(seed);
		for (int round = 0; round < 500; round++) {
			Map<Long, Integer> women = new LinkedHashMap<>();
			int organs = 1 + random.nextInt(80);
			for (long o = 0; o < organs; o++) {
				women.put(o, random.nextInt(60));
			}
			women.put(999L, 1 + random.nextInt(60));
			int capacity = 1 + random.nextInt(3000);
			Map<Long, Integer> places = QuotaSplit.byWomen(capacity, women);
			assertThat(places.values().stream().mapToInt(Integer::intValue).sum()).as("seed %d round %d", seed, round)
				.isEqualTo(capacity);
			assertThat(places.keySet()).allSatisfy(o -> assertThat(women.get(o)).isPositive());
		}
	}
}
