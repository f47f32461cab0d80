package org.quntuan.learning.quizzes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.quntuan.organization.OrgSummary;
import org.quntuan.organization.OrganizationQueries;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.ScopeGrant;
import org.quntuan.platform.SqlCondition;
import org.springframework.stereotype.Component;

/**
 * Who may do what with banks and competitions. Banks and competitions belong to the org of their
 * bank's owner: the admins whose grants cover it keep them. A competition is seen by the people of its
 * audience (their organ lies under a root, or is the organ of a chosen 工会 / 团组织 / 妇委会) and by
 * those admins; to anyone else it does not exist (404).
 */
@Component
class QuizAccess {

	private final CurrentUserProvider users;

	private final OrganizationQueries orgs;

	private final QuizRepository quizzes;

	private final QuestionBankRepository banks;

	QuizAccess(CurrentUserProvider users, OrganizationQueries orgs, QuizRepository quizzes, QuestionBankRepository banks) {
		this.users = users;
		this.orgs = orgs;
		this.quizzes = quizzes;
		this.banks = banks;
	}

	CurrentUser current() {
		return users.current();
	}

	CurrentUser requireAdmin() {
		CurrentUser user = users.current();
		if (!user.scope().isAdmin()) {
			throw new ForbiddenException("quiz.error.admin-only");
		}
		return user;
	}

	boolean administers(CurrentUser user, String orgPath) {
		return user.scope().adminGrants().stream().anyMatch(g -> orgPath.startsWith(g.orgPath()));
	}

	/** The org a new bank belongs to: the one asked for if the caller administers it, else the caller's widest grant. */
	OrgSummary ownerFor(CurrentUser user, Long orgId) {
		if (orgId != null) {
			OrgSummary org = orgs.find(orgId).filter(OrgSummary::active)
				.orElseThrow(() -> new InvalidValueException("orgId", "quiz.error.org-unknown"));
			if (!administers(user, org.path())) {
				throw new ForbiddenException("quiz.error.org-outside", org.name());
			}
			return org;
		}
		ScopeGrant widest = user.scope().adminGrants().stream().min(Comparator.comparing(g -> g.orgPath().length()))
			.orElseThrow(() -> new ForbiddenException("quiz.error.admin-only"));
		return orgs.find(widest.orgId()).orElseThrow(NotFoundException::new);
	}

	/** Banks the caller keeps, as SQL over the owner org o. */
	SqlCondition administeredSql(CurrentUser user, String name) {
		return SqlCondition.pathUnder("o.path", name, user.scope().adminGrants().stream().map(ScopeGrant::orgPath).toList());
	}

	/** A bank the caller keeps; 404 for anyone else. */
	QuestionBankRepository.BankRef bank(long id) {
		CurrentUser user = requireAdmin();
		return banks.find(id).filter(b -> administers(user, b.ownerPath())).orElseThrow(NotFoundException::new);
	}

	/** A competition the caller may see (audience or keeper); 404 otherwise. */
	QuizRepository.QuizRow visible(long id) {
		CurrentUser user = users.current();
		QuizRepository.QuizRow quiz = quizzes.find(id).orElseThrow(NotFoundException::new);
		if (!manages(user, quiz) && !inAudience(user, quiz)) {
			throw new NotFoundException();
		}
		return quiz;
	}

	/** A competition the caller keeps: 404 if not seen at all, 403 if seen as a participant only. */
	QuizRepository.QuizRow managed(long id) {
		QuizRepository.QuizRow quiz = visible(id);
		if (!manages(users.current(), quiz)) {
			throw new ForbiddenException("quiz.error.owner-only");
		}
		return quiz;
	}

	boolean manages(CurrentUser user, QuizRepository.QuizRow quiz) {
		return administers(user, quiz.ownerPath());
	}

	boolean inAudience(CurrentUser user, QuizRepository.QuizRow quiz) {
		Long organ = user.scope().personOrganId();
		if (user.personId() == null || organ == null) {
			return false;
		}
		String organPath = orgs.find(organ).map(OrgSummary::path).orElse(null);
		return organPath != null && quizzes.audience(quiz.id()).stream()
			.anyMatch(r -> organPath.startsWith(r.orgPath()) || r.memberOrganId() != null && r.memberOrganId() == organ.longValue());
	}

	/** The caller as a participant: a person in the audience of the competition. */
	long participant(QuizRepository.QuizRow quiz) {
		CurrentUser user = users.current();
		if (user.personId() == null) {
			throw new BusinessRuleException("quiz.error.no-person");
		}
		if (!inAudience(user, quiz)) {
			throw new ForbiddenException("quiz.error.not-audience");
		}
		return user.personId();
	}

	/** Competitions the caller sees, as SQL over quiz q and its owner org o. */
	SqlCondition visibleSql(CurrentUser user) {
		List<SqlCondition> parts = new ArrayList<>();
		parts.add(administeredSql(user, "qm"));
		Long organ = user.scope().personOrganId();
		String organPath = organ == null ? null : orgs.find(organ).map(OrgSummary::path).orElse(null);
		if (user.personId() != null && organPath != null) {
			parts.add(new SqlCondition("exists (select 1 from quiz_audience qa where qa.quiz_id = q.id and"
					+ " (:qpath like (qa.org_path || '%') or qa.member_organ_id = :qorgan))",
					Map.of("qpath", organPath, "qorgan", organ)));
		}
		return SqlCondition.anyOf(parts);
	}
}
