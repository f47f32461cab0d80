package org.quntuan.organization;

import java.util.List;

import org.quntuan.platform.CodeLabel;

/** A node of the organization tree as pages and the API show it. */
public record OrgTreeNode(long id, String name, CodeLabel type, boolean active, long peopleCount,
		List<OrgTreeNode> children) {
}
