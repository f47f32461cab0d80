package org.quntuan.activity.ranking;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import org.quntuan.platform.Text;

/** A stored ranking run: its weights, its state and the groups in rank order. */
public record GroupRankingView(int year, int weightActivities, int weightParticipation, int weightFeedback,
		List<Integer> extraQuotas, String status, OffsetDateTime runAt, OffsetDateTime publishedAt, List<Row> results) {

	static final String DRAFT = "DRAFT";

	static final String PUBLISHED = "PUBLISHED";

	/**
	 * @param participationRate distinct attendees / people of the group, in percent
	 */
	public record Row(long groupId, String groupName, int activities, int attendees, int members,
			BigDecimal participationRate, int feedbackCount, BigDecimal averageFeedback, BigDecimal score, int rank,
			int extraAwardQuota) {
	}

	public boolean published() {
		return PUBLISHED.equals(status);
	}

	public Text statusLabel() {
		return Text.of(published() ? "activity.ranking.status.published" : "activity.ranking.status.draft");
	}
}
