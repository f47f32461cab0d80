package org.quntuan.organization;

import java.util.Map;

/**
 * Head counts per organ, provided by the member module so that the tree can show them without
 * this module reading people.
 */
public interface OrgPeopleCounts {

	record Counts(long people, long unionMembers, long leagueMembers, long women) {

		public static final Counts NONE = new Counts(0, 0, 0, 0);
	}

	/** Active people per organ id. */
	Map<Long, Counts> countsByOrgan();
}
