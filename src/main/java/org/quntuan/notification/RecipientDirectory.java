package org.quntuan.notification;

import java.util.Collection;
import java.util.List;

/**
 * Looks up where accounts can be reached. Declared here and implemented by the module that owns
 * accounts, so that this module needs no knowledge of accounts or people.
 */
public interface RecipientDirectory {

	/** The enabled accounts among the ids, with their addresses; unknown or disabled ids are left out. */
	List<Recipient> find(Collection<Long> accountIds);
}
