package org.quntuan.member;

import org.quntuan.platform.BusinessRuleException;

/**
 * No kept file for the token the page sent: unknown, another account's (answered alike, so a token
 * says nothing of other accounts), or older than {@code quntuan.import.pending-lifetime}.
 */
final class PendingImportGone extends BusinessRuleException {

	private final boolean expired;

	PendingImportGone(boolean expired) {
		super(expired ? "上传的文件等待确认的时间过长，已失效，请重新上传校验" : "没有待导入的文件，或页面已过期，请重新上传。");
		this.expired = expired;
	}

	boolean expired() {
		return expired;
	}
}
