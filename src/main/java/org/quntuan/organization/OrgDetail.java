package org.quntuan.organization;

import java.util.List;

import org.quntuan.platform.CodeLabel;

/** One organization with its place in the tree, sub-organizations and affiliation history. */
public record OrgDetail(long id, Long parentId, String parentName, CodeLabel type, String name, boolean active,
		int version, long peopleCount, List<Child> children, List<AffiliationChange> history, boolean manageable) {

	public record Child(long id, String name, CodeLabel type, boolean active, long peopleCount) {
	}
}
