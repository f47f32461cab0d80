package org.quntuan.notice.notices;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.quntuan.notice.shared.NoticePaths;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Who may see a notice: its sender side (the sender and the admins of the sending org or above), the
 * admins of its target orgs or above while it has not expired, and, for a public notice, the members
 * of the organs it serves. Anyone else gets 404, as if it did not exist.
 */
@Component
class NoticeAccess {

	private final NoticeRepository notices;

	private final Clock clock;

	NoticeAccess(NoticeRepository notices, Clock clock) {
		this.notices = notices;
		this.clock = clock;
	}

	NoticeRecord visible(CurrentUser user, long id) {
		NoticeRecord n = notices.find(id).orElseThrow(NotFoundException::new);
		if (senderSide(user, n)) {
			return n;
		}
		NoticePaths paths = NoticePaths.of(user);
		boolean current = !n.expiredAt(OffsetDateTime.now(clock));
		if (current && notices.targetsWithin(id, paths)) {
			return n;
		}
		Long organ = user.scope().personOrganId();
		if (current && n.isPublic() && !n.withdrawn() && organ != null && notices.inAudience(id, organ)) {
			return n;
		}
		throw new NotFoundException();
	}

	/** Visible, and the caller is on the sending side (403 otherwise). */
	NoticeRecord managed(CurrentUser user, long id) {
		NoticeRecord n = visible(user, id);
		if (!senderSide(user, n)) {
			throw new ForbiddenException("notice.notice.error.not-sender");
		}
		return n;
	}

	boolean senderSide(CurrentUser user, NoticeRecord n) {
		return n.senderAccountId() == user.accountId() || NoticePaths.of(user).covers(n.senderOrgPath());
	}
}
