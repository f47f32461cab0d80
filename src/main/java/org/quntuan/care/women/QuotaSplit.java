package org.quntuan.care.women;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Shares the places among organs in proportion to their women, the remainders going to the largest fractions. */
final class QuotaSplit {

	private QuotaSplit() {
	}

	/** @return organ → places, only organs with places; empty when nobody is counted */
	static Map<Long, Integer> byWomen(int capacity, Map<Long, Integer> women) {
		long total = women.values().stream().mapToLong(Integer::longValue).sum();
		Map<Long, Integer> places = new LinkedHashMap<>();
		if (total == 0) {
			return places;
		}
		List<long[]> remainders = new ArrayList<>();
		int given = 0;
		for (Map.Entry<Long, Integer> e : women.entrySet()) {
			long share = (long) capacity * e.getValue();
			int whole = (int) (share / total);
			places.put(e.getKey(), whole);
			given += whole;
			remainders.add(new long[] { e.getKey(), share % total });
		}
		remainders.sort(Comparator.comparingLong((long[] r) -> -r[1]));
		for (int i = 0; given < capacity; i++, given++) {
			places.merge(remainders.get(i % remainders.size())[0], 1, Integer::sum);
		}
		places.values().removeIf(p -> p == 0);
		return places;
	}
}
