package org.quntuan.matchmaking;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.platform.Texts;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erases deleted profiles with their photos, reviews, interests, matches, blocks and reports: daily on one node,
 * well within the 7 days promised. The audit log keeps only the fact (the profile's id, no text).
 */
@Component
public class ProfileErasure {

	private final ProfileRepository profiles;

	private final ProfileEraser eraser;

	private final AuditLog audit;

	private final TransactionTemplate tx;

	ProfileErasure(ProfileRepository profiles, ProfileEraser eraser, AuditLog audit, TransactionTemplate tx) {
		this.profiles = profiles;
		this.eraser = eraser;
		this.audit = audit;
		this.tx = tx;
	}

	@Scheduled(cron = "${quntuan.jobs.matchmaking-erasure:0 40 2 * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "matchmaking-erasure")
	public Integer eraseDeleted() {
		int erased = 0;
		for (Long id : profiles.deleted()) {
			tx.executeWithoutResult(status -> {
				eraser.erase(id);
				audit.recordIndependently(AuditType.DELETE, null, "system", Profiles.PROFILE, id, AuditLog.SUCCESS,
						Texts.chinese("matchmaking.audit.erased", id));
			});
			erased++;
		}
		return erased;
	}
}
