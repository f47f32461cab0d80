package org.quntuan.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.springframework.stereotype.Component;

/**
 * The limit per client address: at most {@code quntuan.security.max-failures-per-address} failed
 * sign-ins from one address in {@code quntuan.security.address-window}, whatever accounts they name,
 * so that guesses spread over many accounts (each below its own lock) are stopped too.
 * <p>
 * Like the account's lock it reserves before the password is checked ({@link #tryAcquire}), in one
 * atomic step per address, so parallel requests cannot all slip under the limit; a sign-in that
 * succeeds gives its reservation back. The counts live in this node's memory: an attacker spread
 * over several nodes gets the limit once per node, while the account lock, kept in the database,
 * holds across all of them.
 */
@Component
class SignInThrottle {

	private static final int MAX_TRACKED = 100_000;

	private record Window(Instant start, int used) {
	}

	private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();

	private final SecuritySettings settings;

	private final Clock clock;

	SignInThrottle(SecuritySettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	/** Takes one attempt for the address; false when its failures have used up the window. */
	boolean tryAcquire(String address) {
		if (address == null) {
			return true; // not a web request
		}
		Instant now = clock.instant();
		if (windows.size() > MAX_TRACKED) {
			windows.values().removeIf(w -> expired(w, now));
		}
		boolean[] granted = { false };
		windows.compute(address, (key, w) -> {
			Window current = w == null || expired(w, now) ? new Window(now, 0) : w;
			if (current.used() >= settings.maxFailuresPerAddress()) {
				return current;
			}
			granted[0] = true;
			return new Window(current.start(), current.used() + 1);
		});
		return granted[0];
	}

	/** A right password: its attempt does not count against the address. */
	void succeeded(String address) {
		if (address != null) {
			windows.computeIfPresent(address, (key, w) -> w.used() <= 1 ? null : new Window(w.start(), w.used() - 1));
		}
	}

	/** Failed attempts counted for an address in its current window. */
	int used(String address) {
		Window w = windows.get(address);
		return w == null || expired(w, clock.instant()) ? 0 : w.used();
	}

	private boolean expired(Window w, Instant now) {
		return !now.isBefore(w.start().plus(settings.addressWindow()));
	}
}
