package org.quntuan.audit;

import org.quntuan.platform.Coded;

public enum AuditType implements Coded {
	LOGIN_SUCCESS("登录成功"),
	LOGIN_FAILURE("登录失败"),
	LOGOUT("退出登录"),
	PERSONAL_DATA_VIEW("查看个人信息"),
	ACCESS_DENIED("拒绝访问"),
	CREATE("新增"),
	UPDATE("修改"),
	DELETE("删除"),
	/** Made visible to its audience: a notice, an activity, minutes, a ranking. */
	PUBLISH("发布"),
	/** Taken back by the one who sent it: a notice, an approval request, a submission. */
	WITHDRAW("撤回"),
	/** Called off: an activity, a meeting, a registration. */
	CANCEL("取消"),
	/** An approval, rejection or return by whoever decides: approvers, activity and club admins, reviewers. */
	DECIDE("审核"),
	/** A list written to an Excel file (one without personal data; those are {@link #PERSONAL_DATA_VIEW}). */
	EXPORT("导出");

	private final String label;

	AuditType(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}
}
