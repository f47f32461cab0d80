package org.quntuan.platform;

import java.util.Optional;

/** Gives the caller of the current request; implemented by the identity module. */
public interface CurrentUserProvider {

	Optional<CurrentUser> currentIfAny();

	default CurrentUser current() {
		return currentIfAny().orElseThrow(() -> new IllegalStateException("no signed-in user"));
	}
}
