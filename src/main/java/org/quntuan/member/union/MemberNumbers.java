package org.quntuan.member.union;

import java.time.LocalDate;

import org.springframework.stereotype.Component;

/**
 * The member's number (会员编号): the union's id in four digits (or more), the year of joining and the union's sequence
 * of that year in five, e.g. {@code 0012202600031}; kept for life, so a member who rejoins keeps theirs.
 */
@Component
class MemberNumbers {

	private final UnionRepository repository;

	MemberNumbers(UnionRepository repository) {
		this.repository = repository;
	}

	String assign(long personId, long unionId, LocalDate joinedOn) {
		var kept = repository.memberNumber(personId);
		if (kept.isPresent()) {
			repository.rejoin(personId, unionId, joinedOn);
			return kept.get();
		}
		String number = format(unionId, joinedOn.getYear(), repository.nextSequence(unionId, joinedOn.getYear()));
		repository.insertMembership(personId, number, unionId, joinedOn);
		return number;
	}

	static String format(long unionId, int year, int sequence) {
		return String.format("%04d%04d%05d", unionId, year, sequence);
	}
}
