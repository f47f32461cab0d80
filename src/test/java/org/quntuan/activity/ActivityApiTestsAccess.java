package org.quntuan.activity;

import java.util.List;
import java.util.Map;

/** The activity body of {@link ActivityApiTests} for tests of other modules (an expense's 关联活动). */
public final class ActivityApiTestsAccess {

	private ActivityApiTestsAccess() {
	}

	public static Map<String, Object> activity(String title, int seats, List<Long> orgIds) {
		return ActivityApiTests.activity(title, seats, orgIds);
	}
}
