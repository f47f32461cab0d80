package org.quntuan.learning.trainings;

import java.util.List;

import org.quntuan.member.MemberQueries;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.ScopeGrant;
import org.quntuan.platform.SqlCondition;
import org.springframework.stereotype.Component;

/**
 * Who may do what with a class. Its organizers are the admins whose grants cover its owner org (the
 * federation, for the city's classes): they add sessions, confirm the list, correct attendance and
 * finish it. Admins whose grants meet its audience nominate their people and see them on the roster.
 * A trainee sees the class, its schedule and their own record. To anyone else it does not exist (404).
 */
@Component
class TrainingAccess {

	private final CurrentUserProvider users;

	private final TrainingRepository trainings;

	private final MemberQueries members;

	TrainingAccess(CurrentUserProvider users, TrainingRepository trainings, MemberQueries members) {
		this.users = users;
		this.trainings = trainings;
		this.members = members;
	}

	CurrentUser current() {
		return users.current();
	}

	static boolean organizes(CurrentUser user, TrainingRepository.TrainingRow t) {
		return user.scope().adminGrants().stream().anyMatch(g -> t.ownerOrgPath().startsWith(g.orgPath()));
	}

	/** Whether one of the caller's admin grants lies in the audience or holds part of it. */
	boolean reachesAudience(CurrentUser user, long trainingId) {
		List<TrainingRepository.AudienceRoot> roots = trainings.audience(trainingId);
		return user.scope().adminGrants().stream().map(ScopeGrant::orgPath)
			.anyMatch(g -> roots.stream().anyMatch(r -> r.orgPath().startsWith(g) || g.startsWith(r.orgPath())));
	}

	/** The class as its organizer; 403 for those who see it otherwise, 404 for anyone else. */
	TrainingRepository.TrainingRow organized(long id) {
		CurrentUser user = users.current();
		TrainingRepository.TrainingRow t = visible(user, id);
		if (!organizes(user, t)) {
			throw new ForbiddenException("training.error.owner-only");
		}
		return t;
	}

	TrainingRepository.TrainingRow visible(CurrentUser user, long id) {
		TrainingRepository.TrainingRow t = trainings.find(id).orElseThrow(NotFoundException::new);
		if (organizes(user, t) || reachesAudience(user, id)
				|| user.personId() != null && trainings.trainee(id, user.personId()).isPresent()) {
			return t;
		}
		throw new NotFoundException();
	}

	/** The trainees the caller may see on the roster: all for the organizers, else the people they administer. */
	SqlCondition rosterScope(CurrentUser user, TrainingRepository.TrainingRow t) {
		if (organizes(user, t)) {
			return SqlCondition.ALL;
		}
		return user.scope().isAdmin() ? members.administeredPeople("adm") : SqlCondition.NONE;
	}

	SqlCondition administeredPeople() {
		return members.administeredPeople("adm");
	}
}
