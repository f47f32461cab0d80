package org.quntuan.care.mutualaid;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits the city's target among the organs in proportion to their union members by the largest
 * remainder method (Hamilton): each organ gets the whole part of its share, and the places left over
 * go one each to the largest fractions (ties: more members first, then the lower organ id). The split
 * therefore always sums to the target. When no organ has members, every organ weighs the same.
 */
final class TargetSplit {

	record Weight(long organId, long members) {
	}

	private TargetSplit() {
	}

	/** @return organ id to target, in the order given */
	static Map<Long, Integer> split(int target, List<Weight> organs) {
		Map<Long, Integer> result = new LinkedHashMap<>();
		if (organs.isEmpty()) {
			return result;
		}
		boolean none = organs.stream().allMatch(o -> o.members() <= 0);
		long total = none ? organs.size() : organs.stream().mapToLong(o -> Math.max(0, o.members())).sum();
		record Share(Weight organ, long weight, long whole, long remainder) {
		}
		List<Share> shares = new ArrayList<>();
		long given = 0;
		for (Weight o : organs) {
			long w = none ? 1 : Math.max(0, o.members());
			long whole = target * w / total;
			shares.add(new Share(o, w, whole, target * w % total));
			given += whole;
		}
		List<Share> byRemainder = new ArrayList<>(shares);
		byRemainder.sort(Comparator.comparingLong(Share::remainder).reversed()
			.thenComparing(Comparator.comparingLong(Share::weight).reversed())
			.thenComparingLong(s -> s.organ().organId()));
		Map<Long, Long> extra = new LinkedHashMap<>();
		for (int i = 0; i < target - given; i++) {
			extra.merge(byRemainder.get(i).organ().organId(), 1L, Long::sum);
		}
		for (Share s : shares) {
			result.put(s.organ().organId(), (int) (s.whole() + extra.getOrDefault(s.organ().organId(), 0L)));
		}
		return result;
	}
}
