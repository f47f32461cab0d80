package org.quntuan.audit;

import java.util.Collection;
import java.util.Objects;

/** Helpers for the organization path an event is recorded under. */
public final class AuditOrgPaths {

	private AuditOrgPaths() {
	}

	/**
	 * The deepest organization above (or at) every one of these materialized paths, for an event that
	 * concerns several organizations (an import into several organs); null for none.
	 */
	public static String commonAncestor(Collection<String> paths) {
		String common = null;
		for (String path : paths.stream().filter(Objects::nonNull).toList()) {
			if (common == null) {
				common = path;
				continue;
			}
			int n = Math.min(common.length(), path.length());
			int same = 0;
			while (same < n && common.charAt(same) == path.charAt(same)) {
				same++;
			}
			// cut back to the last whole segment: "/1/23/" and "/1/24/" share "/1/", not "/1/2"
			int slash = common.lastIndexOf('/', same - 1);
			common = slash < 0 ? null : common.substring(0, slash + 1);
			if (common == null || common.isEmpty()) {
				return null;
			}
		}
		return common;
	}
}
