package org.quntuan.governance.votes;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.constraints.Size;

/**
 * A new vote.
 *
 * @param orgId the org the vote belongs to; without {@code personIds}, every active person of its subtree
 *     (of its organ, for a union, league branch or women's committee) whom the creator reaches may vote
 * @param personIds optional: exactly these people may vote (all within the creator's reach)
 * @param options the choices, 2 to 50, in their order
 * @param secret true: nobody can learn who chose what; false: the results name each voter's choices
 * @param maxChoices how many options a ballot may mark, 1 by default
 */
public record VoteRequest(String title, Long orgId, @Size(max = 2000) List<Long> personIds,
		@Size(max = 50) List<String> options, OffsetDateTime opensAt, OffsetDateTime closesAt, Boolean secret,
		Integer maxChoices) {
}
