package org.quntuan.member;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.organization.OrgPeopleCounts;
import org.quntuan.organization.OrgSummary;
import org.quntuan.organization.OrganizationQueries;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.OrgLevel;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.ScopeGrant;
import org.quntuan.platform.SqlCondition;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of people, always within the caller's scope. */
@Service
@Transactional(readOnly = true)
public class MemberQueries implements OrgPeopleCounts {

	/** What other modules may know of a person. */
	public record PersonRef(long id, String name, long organId, boolean active) {
	}

	private final PersonRepository people;

	private final OrganizationQueries orgs;

	private final CurrentUserProvider users;

	private final AuditLog audit;

	private final Clock clock;

	MemberQueries(PersonRepository people, OrganizationQueries orgs, CurrentUserProvider users, AuditLog audit,
			Clock clock) {
		this.people = people;
		this.orgs = orgs;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.BUSINESS));
	}

	public CurrentUser requireAdministersPeople() {
		CurrentUser user = users.current();
		if (!user.scope().isAdmin()) {
			throw new ForbiddenException("member.list-forbidden");
		}
		return user;
	}

	/** The people an admin of the current user reaches; 403 for callers who administer nobody. */
	public PageResult<PersonListItem> list(String q, Long orgId, PageRequest page) {
		return list(q, orgId, true, page);
	}

	/** @param active false for people who have retired or left */
	public PageResult<PersonListItem> list(String q, Long orgId, boolean active, PageRequest page) {
		ListScope listScope = listScope(orgId);
		SqlCondition scope = listScope.scope();
		SqlCondition filter = listScope.filter();
		PersonRepository.Page found = people.page(scope, filter, q, active, page.offset(), page.size());
		List<PersonListItem> content = found.rows().stream().map(p -> PersonListItem.of(p, today())).toList();
		return PageResult.of(content, page, found.total());
	}

	/** Whom the people list (and its Excel export) shows: the caller's admin scope and an optional org. */
	record ListScope(SqlCondition scope, SqlCondition filter) {
	}

	ListScope listScope(Long orgId) {
		CurrentUser user = requireAdministersPeople();
		SqlCondition scope = PersonScope.of(user.scope().adminGrants(), null, today(), orgs::organIdsBelow);
		SqlCondition filter = orgId == null ? SqlCondition.ALL : filterFor(orgs.visible(orgId));
		return new ListScope(scope, filter);
	}

	/** An organization as a filter: its subtree, or the members a mass organization stands for. */
	private SqlCondition filterFor(OrgSummary org) {
		ScopeGrant asGrant = new ScopeGrant(null, org.id(), org.name(), OrgLevel.valueOf(org.type().name()), org.path(),
				PersonScope.kindOf(org.type().name()), org.organId());
		return PersonScope.of(List.of(asGrant), null, today(), "filter", orgs::organIdsBelow);
	}

	/**
	 * A person the caller may see, whole (and logged when the viewer is not the person) or masked.
	 */
	public PersonDetail detail(long id, boolean whole) {
		CurrentUser user = users.current();
		PersonRow row = visibleRow(user, id);
		boolean self = user.isSelf(id);
		if (whole && !self) {
			audit.recordIndependently(AuditType.PERSONAL_DATA_VIEW, user.accountId(), user.username(), "PERSON", id,
					AuditLog.SUCCESS, Texts.chinese("member.audit.whole-viewed", row.name()),
					orgs.find(row.organId()).map(OrgSummary::path).orElse(null));
		}
		return PersonDetail.of(row, whole, canEdit(user, id), people.organHistory(id));
	}

	/** The current values of a person for the edit form; 403 for who may see but not edit. */
	public PersonForm formFor(long id) {
		CurrentUser user = users.current();
		PersonRow row = visibleRow(user, id);
		if (!canEdit(user, id)) {
			throw new ForbiddenException("member.edit-forbidden");
		}
		if (!user.isSelf(id)) {
			// the form holds the whole numbers, so opening it is a whole view like the detail's
			audit.recordIndependently(AuditType.PERSONAL_DATA_VIEW, user.accountId(), user.username(), "PERSON", id,
					AuditLog.SUCCESS, Texts.chinese("member.audit.edit-opened", row.name()),
					orgs.find(row.organId()).map(OrgSummary::path).orElse(null));
		}
		return PersonForm.of(row);
	}

	PersonRow visibleRow(CurrentUser user, long id) {
		SqlCondition scope = PersonScope.of(user.scope().adminGrants(), user.personId(), today(), orgs::organIdsBelow);
		if (!people.inScope(id, scope)) {
			throw new NotFoundException();
		}
		return people.find(id).orElseThrow(NotFoundException::new);
	}

	boolean canEdit(CurrentUser user, long id) {
		return user.scope().isAdmin()
				&& people.inScope(id, PersonScope.of(user.scope().adminGrants(), null, today(), orgs::organIdsBelow));
	}

	/** The people the current user administers (none for callers who administer nobody). */
	public SqlCondition administeredPeople(String parameterPrefix) {
		CurrentUser user = users.current();
		SqlCondition scope = PersonScope.of(user.scope().adminGrants(), null, today(), parameterPrefix,
				orgs::organIdsBelow);
		return new SqlCondition(scope.sql(), scope.params());
	}

	/** Active people per organ, for the tree's head counts. */
	@Override
	public Map<Long, Counts> countsByOrgan() {
		return people.countsByOrgan(PersonScope.leagueBornAfter(today()))
			.stream()
			.collect(Collectors.toMap(PersonRepository.OrganCounts::organId,
					c -> new Counts(c.people(), c.unionMembers(), c.leagueMembers(), c.women())));
	}

	/** Unscoped: for sign-in by mobile number. */
	public Optional<Long> findActivePersonIdByMobile(String mobile) {
		return people.findActiveIdByMobile(mobile);
	}

	/** Unscoped: the organ of a person, for resolving a member's own scope. */
	public Optional<Long> organOf(long personId) {
		return people.organOf(personId);
	}

	public Optional<PersonRef> find(long id) {
		return people.find(id).map(p -> new PersonRef(p.id(), p.name(), p.organId(), p.active()));
	}
}
