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

	/** A person offered in a picker: the name and the masked mobile tell two people of one name apart. */
	record Choice(long id, String name, String maskedMobile) {
	}

	/** The active people of an organ, in name order, for choosing candidates. */
	List<Person> activeOfOrgan(long organId);

	/**
	 * The active people of an organ matching a search as the people list understands it (name or its
	 * start, pinyin or initials, the mobile's last four digits), in name order, at most {@code limit}.
	 */
	List<Choice> searchInOrgan(long organId, String q, int limit);
}
