package org.quntuan.platform;

/**
 * Every change to an existing object names the version the caller read: without it a change made
 * meanwhile by someone else would be overwritten without either of them knowing.
 */
public final class Versions {

	private Versions() {
	}

	/** The version the caller sent; a 400 naming {@code version} when it sent none. */
	public static int required(Integer version) {
		if (version == null) {
			throw new InvalidValueException("version", "platform.version.missing");
		}
		return version;
	}

	/** A 409 when the caller read an older version than the stored one. */
	public static void check(Integer version, int current, String message) {
		if (required(version) != current) {
			throw new ConflictException(message);
		}
	}
}
