package org.quntuan.activity.ranking;

import java.util.List;

/**
 * The federation published the year-end ranking of the 片组 groups. The honors module gives each
 * group its {@link RankedGroup#extraAwardQuota()} on top of its usual award quotas.
 */
public record GroupRankingPublished(int year, List<RankedGroup> groups) {

	public GroupRankingPublished {
		groups = List.copyOf(groups);
	}
}
