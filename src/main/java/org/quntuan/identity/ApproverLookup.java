package org.quntuan.identity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.quntuan.approval.ApproverDirectory;
import org.quntuan.approval.ApproverRule;
import org.quntuan.organization.OrgSummary;
import org.quntuan.organization.OrgType;
import org.quntuan.organization.OrganizationQueries;
import org.quntuan.platform.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds approvers for the approval module: walks from the org the rule names up the applicant's
 * path (read from the database now, so a move counts at once) to the first org where enabled
 * accounts, other than the excluded ones, hold the role; then the federation admins at the root.
 * <p>
 * Nor does anyone the excluded accounts appointed approve, directly or through an appointee (issue
 * #13: an org admin granted 组织管理员 at their own union to a new account and had it approve their
 * own expense). We chose this over "only a superior grants 组织管理员 at the granter's own org":
 * that rule leaves the same hole one level down (a superior appoints the admin of a sub-org and files
 * on its book) and forbids everyday work (a union admin naming a second admin or a deputy); this one
 * only moves the decision up to the next level, where someone independent holds the role. The chain
 * is read from {@code role_grant}, which keeps grants after the binding is revoked, so taking back
 * the middle link does not launder it.
 */
@Component
class ApproverLookup implements ApproverDirectory {

	private final JdbcClient jdbc;

	private final OrganizationQueries orgs;

	ApproverLookup(JdbcClient jdbc, OrganizationQueries orgs) {
		this.jdbc = jdbc;
		this.orgs = orgs;
	}

	@Override
	public Optional<Approvers> resolve(ApproverRule rule, String applicantOrgPath, Set<Long> excluded) {
		List<Long> ancestry = ids(applicantOrgPath);
		if (ancestry.isEmpty()) {
			return Optional.empty();
		}
		List<Long> candidates = candidates(rule.reach(), ancestry);
		Set<Long> barred = withAppointees(excluded);
		Optional<Approvers> found = first(rule.role(), candidates, barred);
		if (found.isPresent() || rule.role() == Role.FEDERATION_ADMIN && candidates.contains(ancestry.get(0))) {
			return found;
		}
		return first(Role.FEDERATION_ADMIN, List.of(ancestry.get(0)), barred);
	}

	/** The excluded accounts and everyone they appointed, transitively (a visited set ends any cycle). */
	private Set<Long> withAppointees(Set<Long> excluded) {
		Set<Long> barred = new HashSet<>(excluded);
		Set<Long> granters = new HashSet<>(excluded);
		while (!granters.isEmpty()) {
			List<Long> appointed = jdbc.sql("select distinct account_id from role_grant where granted_by in (:g)")
				.param("g", granters).query(Long.class).list();
			granters = new HashSet<>();
			for (Long account : appointed) {
				if (barred.add(account)) {
					granters.add(account);
				}
			}
		}
		return barred;
	}

	/** Nearest first. */
	private List<Long> candidates(ApproverRule.Reach reach, List<Long> ancestry) {
		List<Long> upward = new ArrayList<>(ancestry);
		Collections.reverse(upward);
		return switch (reach) {
			case ORG_ITSELF -> upward;
			case SUPERIOR -> upward.subList(Math.min(1, upward.size()), upward.size());
			case FEDERATION -> List.of(ancestry.get(0));
			case GROUP -> {
				Map<Long, OrgSummary> byId = new LinkedHashMap<>();
				orgs.findAll(upward).forEach(o -> byId.put(o.id(), o));
				int group = -1;
				for (int i = 0; i < upward.size(); i++) {
					OrgSummary o = byId.get(upward.get(i));
					if (o != null && o.type() == OrgType.GROUP) {
						group = i;
						break;
					}
				}
				yield group < 0 ? upward.subList(Math.min(1, upward.size()), upward.size())
						: upward.subList(group, upward.size());
			}
		};
	}

	private Optional<Approvers> first(Role role, List<Long> candidates, Set<Long> excluded) {
		if (candidates.isEmpty()) {
			return Optional.empty();
		}
		record Holder(long orgId, long accountId) {
		}
		List<Holder> holders = jdbc.sql("select b.org_id, b.account_id from role_binding b join account a on a.id = b.account_id"
				+ " where a.enabled = true and b.role = :role and b.org_id in (:orgs) order by b.account_id")
			.param("role", role.name()).param("orgs", candidates)
			.query((rs, i) -> new Holder(rs.getLong("org_id"), rs.getLong("account_id"))).list();
		for (Long org : candidates) {
			List<Long> accounts = holders.stream().filter(h -> h.orgId() == org && !excluded.contains(h.accountId()))
				.map(Holder::accountId).distinct().toList();
			if (!accounts.isEmpty()) {
				String name = orgs.find(org).map(OrgSummary::name).orElse("");
				return Optional.of(new Approvers(org, name, accounts));
			}
		}
		return Optional.empty();
	}

	private static List<Long> ids(String path) {
		List<Long> ids = new ArrayList<>();
		if (path == null) {
			return ids;
		}
		for (String part : path.split("/")) {
			if (!part.isEmpty()) {
				ids.add(Long.valueOf(part));
			}
		}
		return ids;
	}
}
