package org.quntuan.organization;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of the organization tree for pages, the API and other modules. */
@Service
@Transactional(readOnly = true)
public class OrganizationQueries {

	private final OrgRepository orgs;

	private final OrgAccess access;

	private final CurrentUserProvider users;

	private final ObjectProvider<OrgPeopleCounts> counts;

	OrganizationQueries(OrgRepository orgs, OrgAccess access, CurrentUserProvider users,
			ObjectProvider<OrgPeopleCounts> counts) {
		this.orgs = orgs;
		this.access = access;
		this.users = users;
		this.counts = counts;
	}

	/** Unscoped lookup for other modules, which apply their own rules. */
	public Optional<OrgSummary> find(long id) {
		return orgs.findById(id);
	}

	public List<OrgSummary> findAll(Collection<Long> ids) {
		return orgs.findByIds(ids);
	}

	/** Ids of the organs at or below a path (active or not: their people stay on record). */
	public List<Long> organIdsBelow(String path) {
		return orgs.organsBelow(path).stream().map(OrgSummary::id).toList();
	}

	/** The organization if the current user may see it; NotFoundException otherwise. */
	public OrgSummary visible(long id) {
		return access.visible(id);
	}

	public boolean canManage(OrgSummary org) {
		return access.canManage(org);
	}

	/** Organs the current user administers people of, for choosing a person's organ. */
	public List<OrgSummary> administeredOrgans() {
		CurrentUser user = users.current();
		return orgs.visible(user.scope().adminGrants(), null)
			.stream()
			.filter(o -> o.type() == OrgType.ORGAN && o.active())
			.toList();
	}

	/** The organs of an administered union, league branch or women's committee count too. */
	public List<OrgSummary> organsForPeopleAdministration() {
		CurrentUser user = users.current();
		List<OrgSummary> result = new ArrayList<>(administeredOrgans());
		List<Long> parents = user.scope().adminGrants().stream()
			.filter(g -> g.organId() != null).map(g -> g.organId()).toList();
		for (OrgSummary organ : orgs.findByIds(parents)) {
			if (result.stream().noneMatch(o -> o.id() == organ.id())) {
				result.add(organ);
			}
		}
		return result;
	}

	/** Where the current user may move an organization: active orgs of a fitting type outside its subtree. */
	public List<OrgSummary> possibleParents(long id) {
		OrgSummary org = access.visible(id);
		return orgs.visible(users.current().scope().adminGrants(), null)
			.stream()
			.filter(p -> p.active() && p.type().allowedChildren().contains(org.type()))
			.filter(p -> !p.path().startsWith(org.path()) && (org.parentId() == null || p.id() != org.parentId()))
			.toList();
	}

	/** The part of the tree the current user can see, with head counts. */
	public List<OrgTreeNode> tree() {
		CurrentUser user = users.current();
		List<OrgSummary> visible = orgs.visible(user.scope().grants(), user.scope().personOrganId());
		Map<Long, OrgPeopleCounts.Counts> perOrgan = peopleCounts();
		Map<Long, List<OrgSummary>> byParent = new HashMap<>();
		Map<Long, OrgSummary> byId = new LinkedHashMap<>();
		for (OrgSummary o : visible) {
			byId.put(o.id(), o);
			byParent.computeIfAbsent(o.parentId(), k -> new ArrayList<>()).add(o);
		}
		List<OrgSummary> organs = visible.stream().filter(o -> o.type() == OrgType.ORGAN).toList();
		List<OrgTreeNode> roots = new ArrayList<>();
		for (OrgSummary o : visible) {
			if (o.parentId() == null || !byId.containsKey(o.parentId())) {
				roots.add(node(o, byParent, perOrgan, organs));
			}
		}
		return roots;
	}

	/** The children of a node of the caller's tree; 404 for a node outside it. */
	public List<OrgTreeNode> branch(long id) {
		Deque<OrgTreeNode> todo = new ArrayDeque<>(tree());
		while (!todo.isEmpty()) {
			OrgTreeNode node = todo.pop();
			if (node.id() == id) {
				return node.children();
			}
			todo.addAll(node.children());
		}
		throw new NotFoundException();
	}

	public OrgDetail detail(long id) {
		OrgSummary org = access.visible(id);
		Map<Long, OrgPeopleCounts.Counts> perOrgan = peopleCounts();
		List<OrgSummary> organs = orgs.organsBelow(org.path());
		String parentName = org.parentId() == null ? null
				: orgs.findById(org.parentId()).map(OrgSummary::name).orElse(null);
		List<OrgDetail.Child> children = orgs.children(id).stream()
			.map(c -> new OrgDetail.Child(c.id(), c.name(), c.type().toCodeLabel(), c.active(),
					count(c, perOrgan, organs)))
			.toList();
		return new OrgDetail(org.id(), org.parentId(), parentName, org.type().toCodeLabel(), org.name(), org.active(),
				org.version(), count(org, perOrgan, organs), children, orgs.history(id), access.canManage(org));
	}

	private Map<Long, OrgPeopleCounts.Counts> peopleCounts() {
		OrgPeopleCounts provider = counts.getIfAvailable();
		return provider == null ? Map.of() : provider.countsByOrgan();
	}

	private OrgTreeNode node(OrgSummary o, Map<Long, List<OrgSummary>> byParent,
			Map<Long, OrgPeopleCounts.Counts> perOrgan, List<OrgSummary> organs) {
		List<OrgTreeNode> children = byParent.getOrDefault(o.id(), List.of()).stream()
			.map(c -> node(c, byParent, perOrgan, organs))
			.toList();
		return new OrgTreeNode(o.id(), o.name(), o.type().toCodeLabel(), o.active(), count(o, perOrgan, organs),
				children);
	}

	/**
	 * People an org stands for: everyone below a committee, group or organ; the members of a union,
	 * league branch or women's committee.
	 */
	private static long count(OrgSummary o, Map<Long, OrgPeopleCounts.Counts> perOrgan, List<OrgSummary> organs) {
		OrgPeopleCounts.Counts none = OrgPeopleCounts.Counts.NONE;
		return switch (o.type()) {
			case UNION -> perOrgan.getOrDefault(o.parentId(), none).unionMembers();
			case LEAGUE -> perOrgan.getOrDefault(o.parentId(), none).leagueMembers();
			case WOMEN -> perOrgan.getOrDefault(o.parentId(), none).women();
			case CLUB -> 0;
			case ORGAN -> perOrgan.getOrDefault(o.id(), none).people();
			case COMMITTEE, GROUP -> organs.stream()
				.filter(organ -> organ.path().startsWith(o.path()))
				.mapToLong(organ -> perOrgan.getOrDefault(organ.id(), none).people())
				.sum();
		};
	}
}
