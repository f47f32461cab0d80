package org.quntuan.notification;

import org.quntuan.platform.Coded;

/** What became of one notification on one channel. */
public enum DeliveryStatus implements Coded {
	/** Stored, not yet handed to its channel (delivery runs after the sender's transaction commits). */
	PENDING("待发送"),
	SENT("已发送"),
	/** A development channel wrote it to the log instead of sending it. */
	LOGGED("仅记录日志"),
	/** Not sent: the channel is switched off or the recipient has no address for it. */
	SKIPPED("未发送"),
	FAILED("发送失败");

	private final String label;

	DeliveryStatus(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}
}
