package org.quntuan.governance.votes;

import java.time.OffsetDateTime;
import java.util.List;

import org.quntuan.platform.CodeLabel;

/** What the pages and the API show of votes. No view of a secret vote pairs a voter with a choice. */
public final class VoteViews {

	private VoteViews() {
	}

	/**
	 * @param eligible whether the caller may vote in it
	 * @param voted whether the caller has voted
	 * @param manages whether the caller administers its org (sees who voted)
	 */
	public record Summary(long id, String title, String orgName, boolean secret, int maxChoices, OffsetDateTime opensAt,
			OffsetDateTime closesAt, CodeLabel state, int voters, boolean eligible, boolean voted, boolean manages) {

		public boolean canVote() {
			return eligible && !voted && "OPEN".equals(state.code());
		}

		public boolean closed() {
			return "CLOSED".equals(state.code());
		}
	}

	public record Option(long id, String label) {
	}

	public record Detail(Summary vote, String creatorName, List<Option> options) {
	}

	public record OptionCount(long id, String label, long count) {
	}

	/** In an open vote, one voter's choices. */
	public record OpenChoice(String name, String organName, List<String> options) {
	}

	/**
	 * @param voters how many may vote; @param ballots how many did
	 * @param choices for an open vote, who chose what (by name); null for a secret vote
	 */
	public record Results(long voteId, String title, boolean secret, int voters, int ballots, List<OptionCount> counts,
			List<OpenChoice> choices) {
	}

	/** Someone who voted (not how). */
	public record Voter(long personId, String name, String organName) {
	}
}
