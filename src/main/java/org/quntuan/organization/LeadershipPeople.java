package org.quntuan.organization;

import java.util.Collection;
import java.util.List;

/**
 * The people a leadership team is chosen from, provided by the member module so that this module
 * reads no person records itself (as with {@link OrgPeopleCounts}).
 */
public interface LeadershipPeople {

	record Person(long id, String name, long organId, boolean active) {
	}

	/** The people among the ids, active or not; unknown ids are left out. */
	List<Person> find(Collection<Long> ids);

	/** The active people of an organ, in name order, for choosing candidates. */
	List<Person> activeOfOrgan(long organId);
}
