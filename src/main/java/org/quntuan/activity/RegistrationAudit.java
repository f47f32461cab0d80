package org.quntuan.activity;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.member.MemberQueries;
import org.springframework.stereotype.Component;

/**
 * The audit events of registrations, whoever makes the change: the member signing up, cancelling,
 * checking in and rating, the organizer deciding, adding and removing. Each is recorded on the
 * activity (so filtering the log by it tells its whole story) under the organizer's path, so the
 * organizer's admins see it.
 */
@Component
class RegistrationAudit {

	private final AuditLog audit;

	private final MemberQueries members;

	RegistrationAudit(AuditLog audit, MemberQueries members) {
		this.audit = audit;
		this.members = members;
	}

	void signedUp(ActivityRow a, RegistrationStatus status) {
		record(AuditType.CREATE, a, "报名参加活动：" + a.title() + "（" + status.label() + "）");
	}

	void cancelledOwn(ActivityRow a) {
		record(AuditType.CANCEL, a, "取消报名：" + a.title());
	}

	void decided(ActivityRow a, long personId, boolean approved) {
		record(AuditType.DECIDE, a, (approved ? "通过报名：" : "不通过报名：") + nameOf(personId) + "，活动：" + a.title());
	}

	void removed(ActivityRow a, long personId) {
		record(AuditType.CANCEL, a, "将 " + nameOf(personId) + " 移出报名名单，活动：" + a.title());
	}

	void added(ActivityRow a, long personId) {
		record(AuditType.CREATE, a, "为 " + nameOf(personId) + " 直接报名，活动：" + a.title());
	}

	void checkedIn(ActivityRow a) {
		record(AuditType.UPDATE, a, "活动签到：" + a.title());
	}

	void rated(ActivityRow a, int stars) {
		record(AuditType.UPDATE, a, "评价活动：" + a.title() + "，" + stars + " 星");
	}

	private void record(AuditType type, ActivityRow a, String summary) {
		audit.record(type, "ACTIVITY", a.id(), AuditLog.SUCCESS, summary, a.organizerPath());
	}

	private String nameOf(long personId) {
		return members.find(personId).map(MemberQueries.PersonRef::name).orElse("人员 " + personId);
	}
}
