package org.quntuan.notification;

import org.quntuan.platform.Coded;

/** Where a notification goes. */
public enum Channel implements Coded {
	/** The in-app inbox: the stored notification is the message. */
	INBOX("站内消息"),
	EMAIL("电子邮件"),
	SMS("短信"),
	WECHAT("微信");

	private final String label;

	Channel(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}
}
