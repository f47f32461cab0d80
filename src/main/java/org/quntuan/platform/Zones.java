package org.quntuan.platform;

import java.time.ZoneId;

/** Business dates are those of Asia/Shanghai, whatever zone the server runs in. */
public final class Zones {

	public static final ZoneId BUSINESS = ZoneId.of("Asia/Shanghai");

	private Zones() {
	}
}
