package org.quntuan.governance;

import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.NotFoundException;
import org.springframework.stereotype.Component;

/** The single-meeting form of {@link MeetingScope}: 404 for what the caller may not see, 403 for what they may not change. */
@Component
class MeetingAccess {

	private final MeetingRepository meetings;

	private final MeetingScope scope;

	private final CurrentUserProvider users;

	MeetingAccess(MeetingRepository meetings, MeetingScope scope, CurrentUserProvider users) {
		this.meetings = meetings;
		this.scope = scope;
		this.users = users;
	}

	MeetingRepository.Row readable(long id) {
		MeetingRepository.Row m = meetings.find(id).orElseThrow(NotFoundException::new);
		if (!canRead(users.current(), m)) {
			throw new NotFoundException();
		}
		return m;
	}

	MeetingRepository.Row manageable(long id) {
		MeetingRepository.Row m = readable(id);
		if (!scope.canManage(m.orgId())) {
			throw new ForbiddenException("governance.meeting.error.manage-forbidden");
		}
		return m;
	}

	boolean canManage(MeetingRepository.Row m) {
		return scope.canManage(m.orgId());
	}

	boolean canRead(CurrentUser user, MeetingRepository.Row m) {
		if (scope.canManage(m.orgId())) {
			return true;
		}
		if (user.personId() != null && meetings.isInvited(m.id(), user.personId())) {
			return true;
		}
		return m.minutesPublishedAt() != null && scope.isMembersOrg(user, m.orgId(), m.organId());
	}
}
