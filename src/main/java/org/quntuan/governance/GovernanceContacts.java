package org.quntuan.governance;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Whom to notify: the accounts of people, and the org admins of organizations. Declared here and
 * implemented by the module that owns accounts, so that this module needs no knowledge of them.
 */
public interface GovernanceContacts {

	/** Person id → the enabled account of that person; people without an account are left out. */
	Map<Long, Long> accountsOfPeople(Collection<Long> personIds);

	/** Org id → the enabled accounts holding ORG_ADMIN at exactly that org. */
	Map<Long, Set<Long>> orgAdmins(Collection<Long> orgIds);

	/** The enabled accounts holding FEDERATION_ADMIN (the work committee's office). */
	Set<Long> federationAdmins();
}
