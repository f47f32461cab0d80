package org.quntuan.organization;

import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** What an org files: a re-election request, and later the election result. Validated by {@link Reelections}. */
final class ReelectionInput {

	private ReelectionInput() {
	}

	/** 换届请示. {@code seats} may be null: the configured team size, at most the number of candidates. */
	record Request(LocalDate plannedDate, String reason, @Size(max = 100) List<Long> candidates, Integer seats) {
	}

	/** 选举结果报告: the date held, each candidate's votes, the elected members with their positions. */
	record Result(LocalDate heldOn, @Size(max = 100) List<Votes> votes, @Size(max = 100) List<Elected> elected) {
	}

	record Votes(Long personId, Integer votes) {
	}

	record Elected(Long personId, String position) {
	}
}
