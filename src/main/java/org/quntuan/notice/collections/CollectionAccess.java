package org.quntuan.notice.collections;

import java.util.List;
import java.util.Map;

import org.quntuan.notice.shared.NoticePaths;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Who may do what with a collection task. The collector side (the sender and the admins of the
 * collecting org or above) sees everything and reviews; the admins of a target org (or above it)
 * see and change that target's submission only. Anyone else gets 404.
 */
@Component
public class CollectionAccess {

	private final CollectionRepository repository;

	CollectionAccess(CollectionRepository repository) {
		this.repository = repository;
	}

	CollectionTask visible(CurrentUser user, long id) {
		CollectionTask task = repository.find(id).orElseThrow(NotFoundException::new);
		if (collector(user, task) || !administeredTargets(user, task).isEmpty()) {
			return task;
		}
		throw new NotFoundException();
	}

	public CollectionTask managed(CurrentUser user, long id) {
		CollectionTask task = visible(user, id);
		if (!collector(user, task)) {
			throw new ForbiddenException("notice.collection.error.not-sender");
		}
		return task;
	}

	boolean collector(CurrentUser user, CollectionTask task) {
		return task.senderAccountId() == user.accountId() || NoticePaths.of(user).covers(task.senderOrgPath());
	}

	/** The targets of the task in the caller's admin subtrees. */
	List<Long> administeredTargets(CurrentUser user, CollectionTask task) {
		NoticePaths paths = NoticePaths.of(user);
		if (paths.isEmpty()) {
			return List.of();
		}
		return repository.targets(task.id()).stream().filter(e -> paths.covers(e.getValue())).map(Map.Entry::getKey)
			.toList();
	}

	/** A target whose submission the caller may see: the collector side any, others those they administer. */
	void requireTargetVisible(CurrentUser user, CollectionTask task, long orgId) {
		boolean target = repository.targets(task.id()).stream().anyMatch(e -> e.getKey() == orgId);
		if (!target) {
			throw new NotFoundException();
		}
		if (!collector(user, task) && !administeredTargets(user, task).contains(orgId)) {
			throw new NotFoundException();
		}
	}

	/**
	 * The target an upload is for: the named one, which the caller must administer, or the only target
	 * the caller administers.
	 */
	long submittingOrg(CurrentUser user, CollectionTask task, Long orgId) {
		List<Long> mine = administeredTargets(user, task);
		if (orgId == null) {
			if (mine.isEmpty()) {
				throw new ForbiddenException("notice.collection.error.no-target-managed");
			}
			if (mine.size() > 1) {
				throw new InvalidValueException("orgId", "notice.collection.error.org-required");
			}
			return mine.get(0);
		}
		if (repository.targets(task.id()).stream().noneMatch(e -> e.getKey() == orgId.longValue())) {
			throw new InvalidValueException("orgId", "notice.collection.error.org-not-target");
		}
		if (!mine.contains(orgId)) {
			throw new ForbiddenException("notice.collection.error.not-org-admin");
		}
		return orgId;
	}
}
