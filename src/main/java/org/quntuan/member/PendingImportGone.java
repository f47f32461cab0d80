package org.quntuan.member;

import org.quntuan.platform.BusinessRuleException;

/**
 * No kept file for the token the page sent: unknown, another account's (answered alike, so a token
 * says nothing of other accounts), or older than {@code quntuan.import.pending-lifetime}.
 */
final class PendingImportGone extends BusinessRuleException {

	private final boolean expired;

	PendingImportGone(boolean expired) {
		super(expired ? "member.import.pending-expired" : "member.import.pending-missing");
		this.expired = expired;
	}

	boolean expired() {
		return expired;
	}
}
