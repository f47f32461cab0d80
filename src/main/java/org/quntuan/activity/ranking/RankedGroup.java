package org.quntuan.activity.ranking;

import java.math.BigDecimal;

/** One group's place in a published year-end ranking, and the extra award quota it earned. */
public record RankedGroup(long groupId, int rank, BigDecimal score, int extraAwardQuota) {
}
