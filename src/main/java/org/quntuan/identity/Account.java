package org.quntuan.identity;

import java.time.OffsetDateTime;

/** A sign-in account; a person's account carries their person id. */
record Account(long id, String username, String passwordHash, String displayName, Long personId, boolean enabled,
		int failedAttempts, OffsetDateTime lockedUntil, boolean mustChangePassword) {

	boolean lockedAt(OffsetDateTime now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}
}
