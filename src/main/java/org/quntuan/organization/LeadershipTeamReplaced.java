package org.quntuan.organization;

import java.time.OffsetDateTime;

/**
 * A newly elected leadership team took office at an org, its result report approved. Published
 * synchronously inside the approving transaction, so that the org admin role passes to the new
 * chair (in the identity module) together with the team, or not at all.
 *
 * @param newChairPersonId the chair (主席/书记/主任) of the new team
 * @param previousChairPersonId the chair of the team replaced, or null if the org had none
 * @param previousChairStillOnTeam whether that person is on the new team in any position
 */
public record LeadershipTeamReplaced(long orgId, String orgPath, String orgName, long newChairPersonId,
		Long previousChairPersonId, boolean previousChairStillOnTeam, OffsetDateTime replacedAt) {
}
