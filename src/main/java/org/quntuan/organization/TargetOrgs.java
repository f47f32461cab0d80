package org.quntuan.organization;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.ScopeGrant;
import org.quntuan.platform.Text;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a {@link Targets} object into organizations, within what the current caller administers
 * (their FEDERATION_ADMIN / ORG_ADMIN grants). A target outside that reach is refused with 403 and a
 * Chinese message; an unknown or inactive org id with 400. Nothing is silently dropped.
 */
@Service
@Transactional(readOnly = true)
public class TargetOrgs {

	private final OrgRepository orgs;

	private final CurrentUserProvider users;

	TargetOrgs(OrgRepository orgs, CurrentUserProvider users) {
		this.orgs = orgs;
		this.users = users;
	}

	/**
	 * The organizations that must answer (read a notice, submit materials, fill a form): the 工会, 团组织
	 * and 妇委会 an "all", group or type target covers; for a list of orgs, those orgs themselves.
	 * Sorted by path, without duplicates.
	 */
	public List<OrgSummary> recipients(Targets targets) {
		Targets t = targets.validated();
		List<String> reach = reach();
		Map<Long, OrgSummary> result = new LinkedHashMap<>();
		if (Boolean.TRUE.equals(t.all()) || t.orgType() != null) {
			for (String path : reach) {
				for (OrgSummary o : orgs.activeBelow(path)) {
					if (o.type().isMassOrganization() && (t.orgType() == null || o.type() == t.orgType())) {
						result.put(o.id(), o);
					}
				}
			}
		}
		else if (t.groupIds() != null) {
			for (OrgSummary group : chosen(t.groupIds(), reach)) {
				if (group.type() != OrgType.GROUP) {
					throw new InvalidValueException("targets", Text.of("organization.targets.error.not-group", group.name()));
				}
				orgs.activeBelow(group.path()).stream().filter(o -> o.type().isMassOrganization())
					.forEach(o -> result.put(o.id(), o));
			}
		}
		else {
			chosen(t.orgIds(), reach).forEach(o -> result.put(o.id(), o));
		}
		return sorted(result.values());
	}

	/**
	 * The subtrees a target covers, unexpanded: for "all" the orgs the caller administers; otherwise
	 * the chosen orgs or groups (for a type target, every org of that type in reach). For audiences:
	 * a person is in the audience if their organ lies in one of these subtrees, or is the organ of a
	 * chosen 工会 / 团组织 / 妇委会.
	 */
	public List<OrgSummary> roots(Targets targets) {
		Targets t = targets.validated();
		List<String> reach = reach();
		if (Boolean.TRUE.equals(t.all())) {
			return sorted(orgs.findByIds(users.current().scope().adminGrants().stream()
				.map(ScopeGrant::orgId).distinct().toList()));
		}
		if (t.orgType() != null) {
			return recipients(t);
		}
		if (t.groupIds() != null) {
			List<OrgSummary> groups = chosen(t.groupIds(), reach);
			for (OrgSummary g : groups) {
				if (g.type() != OrgType.GROUP) {
					throw new InvalidValueException("targets", Text.of("organization.targets.error.not-group", g.name()));
				}
			}
			return sorted(groups);
		}
		return sorted(chosen(t.orgIds(), reach));
	}

	private List<OrgSummary> chosen(List<Long> ids, List<String> reach) {
		List<Long> distinct = ids.stream().distinct().toList();
		if (distinct.stream().anyMatch(id -> id == null)) {
			throw new InvalidValueException("targets", "organization.targets.error.org-not-found");
		}
		List<OrgSummary> found = orgs.findByIds(distinct);
		if (found.size() != distinct.size() || found.stream().anyMatch(o -> !o.active())) {
			throw new InvalidValueException("targets", "organization.targets.error.org-not-found-or-revoked");
		}
		for (OrgSummary o : found) {
			if (reach.stream().noneMatch(o.path()::startsWith)) {
				throw new ForbiddenException("organization.targets.error.out-of-scope", o.name());
			}
		}
		return found;
	}

	private List<String> reach() {
		List<String> paths = users.current().scope().adminGrants().stream().map(ScopeGrant::orgPath).distinct()
			.toList();
		if (paths.isEmpty()) {
			throw new ForbiddenException("organization.targets.error.admin-only");
		}
		return paths;
	}

	private static List<OrgSummary> sorted(Collection<OrgSummary> orgs) {
		List<OrgSummary> list = new ArrayList<>(orgs);
		list.sort(Comparator.comparing(OrgSummary::path));
		return list;
	}
}
