package org.quntuan.activity;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.member.MemberQueries;
import org.quntuan.platform.Texts;
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
		record(AuditType.CREATE, a, Texts.chinese("activity.registration.audit.signed-up", a.title(), status));
	}

	void cancelledOwn(ActivityRow a) {
		record(AuditType.CANCEL, a, Texts.chinese("activity.registration.audit.cancelled", a.title()));
	}

	void decided(ActivityRow a, long personId, boolean approved) {
		record(AuditType.DECIDE, a, Texts.chinese(approved ? "activity.registration.audit.approved"
				: "activity.registration.audit.rejected", nameOf(personId), a.title()));
	}

	void removed(ActivityRow a, long personId) {
		record(AuditType.CANCEL, a, Texts.chinese("activity.registration.audit.removed", nameOf(personId), a.title()));
	}

	void added(ActivityRow a, long personId) {
		record(AuditType.CREATE, a, Texts.chinese("activity.registration.audit.added", nameOf(personId), a.title()));
	}

	void checkedIn(ActivityRow a) {
		record(AuditType.UPDATE, a, Texts.chinese("activity.registration.audit.checked-in", a.title()));
	}

	void checkedOut(ActivityRow a) {
		record(AuditType.UPDATE, a, Texts.chinese("activity.registration.audit.checked-out", a.title()));
	}

	void rated(ActivityRow a, int stars) {
		record(AuditType.UPDATE, a, Texts.chinese("activity.registration.audit.rated", a.title(), stars));
	}

	private void record(AuditType type, ActivityRow a, String summary) {
		audit.record(type, "ACTIVITY", a.id(), AuditLog.SUCCESS, summary, a.organizerPath());
	}

	private String nameOf(long personId) {
		return members.find(personId).map(MemberQueries.PersonRef::name).orElseGet(() -> Texts.chinese("activity.audit.person", personId));
	}
}
