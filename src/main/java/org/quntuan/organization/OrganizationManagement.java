package org.quntuan.organization;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.Coded;
import org.quntuan.platform.ConflictException;
import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.Pinyin;
import org.quntuan.platform.Role;
import org.quntuan.platform.TextInput;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changes to the tree: create, rename, move with history, deactivate. Never a hard delete. */
@Service
@Transactional
public class OrganizationManagement {

	private final OrgRepository orgs;

	private final OrgAccess access;

	private final AuditLog audit;

	private final CurrentUserProvider users;

	private final Clock clock;

	private final ObjectProvider<OrgPeopleCounts> counts;

	OrganizationManagement(OrgRepository orgs, OrgAccess access, AuditLog audit, CurrentUserProvider users,
			Clock clock, ObjectProvider<OrgPeopleCounts> counts) {
		this.counts = counts;
		this.orgs = orgs;
		this.access = access;
		this.audit = audit;
		this.users = users;
		this.clock = clock;
	}

	public long create(long parentId, String typeCode, String rawName) {
		return create(parentId, typeCode, rawName, false);
	}

	/**
	 * @param allowDuplicate the federation admin confirms, on purpose, a second 工会 / 团组织 /
	 *     妇委会 in one organ (each has its own finance book, members and roles)
	 */
	public long create(long parentId, String typeCode, String rawName, boolean allowDuplicate) {
		OrgSummary parent = access.visible(parentId);
		access.requireManage(parent);
		OrgType type = Coded.parse(OrgType.class, typeCode);
		if (type == null) {
			throw new InvalidValueException("type", "organization.org.error.type-required");
		}
		String name = validName(rawName);
		if (!parent.active()) {
			throw new BusinessRuleException("organization.org.error.parent-inactive");
		}
		if (!parent.type().allowedChildren().contains(type)) {
			throw new BusinessRuleException("organization.org.error.child-type-not-allowed", parent.type(), type);
		}
		boolean duplicate = requireOnePerOrgan(type, parent, 0, allowDuplicate);
		long id = orgs.insert(parent.id(), type, name, Pinyin.full(name, false), parent.path(), parent.depth() + 1,
				OffsetDateTime.now(clock));
		audit.record(AuditType.CREATE, "ORG", id, AuditLog.SUCCESS, duplicate
				? Texts.chinese("organization.org.audit.created-duplicate", type, name, parent.name())
				: Texts.chinese("organization.org.audit.created", type, name), parent.path() + id + "/");
		return id;
	}

	public void rename(long id, String rawName, int version) {
		OrgSummary org = access.visible(id);
		access.requireManage(org);
		String name = validName(rawName);
		if (orgs.rename(id, name, Pinyin.full(name, false), version) == 0) {
			throw new ConflictException("organization.org.error.modified");
		}
		audit.record(AuditType.UPDATE, "ORG", id, AuditLog.SUCCESS, Texts.chinese("organization.org.audit.renamed", org.name(), name), org.path());
	}

	/** Changes the affiliation (隶属关系): the whole subtree moves, and the change is kept as history. */
	public void move(long id, long newParentId, LocalDate effectiveDate, String rawReason, int version) {
		move(id, newParentId, effectiveDate, rawReason, version, false);
	}

	/** @param allowDuplicate as for {@link #create(long, String, String, boolean)} */
	public void move(long id, long newParentId, LocalDate effectiveDate, String rawReason, int version,
			boolean allowDuplicate) {
		OrgSummary org = access.visible(id);
		OrgSummary newParent = access.visible(newParentId);
		access.requireMove(org, newParent);
		String reason = TextInput.normalize(rawReason);
		if (reason == null || reason.length() > 500) {
			throw new InvalidValueException("reason", "organization.org.error.move-reason-required");
		}
		LocalDate date = effectiveDate == null ? LocalDate.now(clock.withZone(Zones.BUSINESS)) : effectiveDate;
		if (newParent.path().startsWith(org.path())) {
			throw new BusinessRuleException("organization.org.error.move-into-own-subtree");
		}
		if (org.parentId() != null && org.parentId() == newParentId) {
			throw new BusinessRuleException("organization.org.error.same-parent");
		}
		if (!newParent.active()) {
			throw new BusinessRuleException("organization.org.error.new-parent-inactive");
		}
		if (!newParent.type().allowedChildren().contains(org.type())) {
			throw new BusinessRuleException("organization.org.error.child-type-not-allowed", newParent.type(), org.type());
		}
		boolean duplicate = org.active() && requireOnePerOrgan(org.type(), newParent, id, allowDuplicate);
		if (orgs.setParent(id, newParentId, version) == 0) {
			throw new ConflictException("organization.org.error.modified");
		}
		orgs.movePaths(org, newParent);
		orgs.recordAffiliationChange(id, org.parentId(), newParentId, date, reason,
				users.current().accountId(), OffsetDateTime.now(clock));
		// recorded where the org was: the mover's grant covers both places
		audit.record(AuditType.UPDATE, "ORG", id, AuditLog.SUCCESS, duplicate
				? Texts.chinese("organization.org.audit.moved-duplicate", newParent.name(), reason, org.type())
				: Texts.chinese("organization.org.audit.moved", newParent.name(), reason), org.path());
	}

	/** Deactivates an organization that has no active sub-organization and no people left. */
	public void deactivate(long id, int version) {
		OrgSummary org = access.visible(id);
		access.requireManage(org);
		if (org.parentId() == null) {
			throw new BusinessRuleException("organization.org.error.deactivate-root");
		}
		if (!org.active()) {
			throw new BusinessRuleException("organization.org.error.already-inactive");
		}
		if (orgs.activeChildren(id) > 0) {
			throw new BusinessRuleException("organization.org.error.active-children");
		}
		long activePeople = activePeopleBelow(org);
		if (activePeople > 0) {
			throw new BusinessRuleException("organization.org.error.active-people", activePeople);
		}
		if (orgs.deactivate(id, version) == 0) {
			throw new ConflictException("organization.org.error.modified");
		}
		audit.record(AuditType.UPDATE, "ORG", id, AuditLog.SUCCESS, Texts.chinese("organization.org.audit.deactivated", org.name()), org.path());
	}

	/**
	 * One 工会, one 团组织, one 妇委会 per organ: a second one splits the members and gets a finance
	 * book of its own. Only the federation admin may allow one, on purpose; the audit log says so.
	 *
	 * @return whether a duplicate was allowed
	 */
	private boolean requireOnePerOrgan(OrgType type, OrgSummary organ, long exceptId, boolean allowDuplicate) {
		if (!type.isMassOrganization()) {
			return false;
		}
		List<String> existing = orgs.activeChildrenOfType(organ.id(), type, exceptId);
		if (existing.isEmpty()) {
			return false;
		}
		if (!allowDuplicate) {
			throw new BusinessRuleException("organization.org.error.one-per-organ", organ.name(), type,
					String.join("、", existing));
		}
		boolean federationAdmin = users.current().scope().grantsFor(Role.FEDERATION_ADMIN).stream()
			.anyMatch(g -> organ.path().startsWith(g.orgPath()));
		if (!federationAdmin) {
			throw new ForbiddenException("organization.org.error.duplicate-federation-only", type);
		}
		return true;
	}

	private long activePeopleBelow(OrgSummary org) {
		OrgPeopleCounts provider = counts.getIfAvailable();
		if (provider == null || org.type().isMassOrganization() || org.type() == OrgType.CLUB) {
			return 0;
		}
		var perOrgan = provider.countsByOrgan();
		return orgs.organsBelow(org.path()).stream()
			.mapToLong(o -> perOrgan.getOrDefault(o.id(), OrgPeopleCounts.Counts.NONE).people())
			.sum();
	}

	private static String validName(String raw) {
		String name = TextInput.name("name", raw);
		if (name == null) {
			throw new InvalidValueException("name", "organization.org.error.name-required");
		}
		if (name.length() > 100) {
			throw new InvalidValueException("name", "organization.org.error.name-too-long");
		}
		return name;
	}
}
