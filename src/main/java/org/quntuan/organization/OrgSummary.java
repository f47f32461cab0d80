package org.quntuan.organization;

/** An organization as other modules see it. */
public record OrgSummary(long id, Long parentId, OrgType type, String name, String path, int depth, boolean active,
		int version) {

	/** The organ this org belongs to: itself for an organ, the parent for a union, league or women's committee. */
	public Long organId() {
		if (type == OrgType.ORGAN) {
			return id;
		}
		return type.isMassOrganization() ? parentId : null;
	}

	public boolean contains(OrgSummary other) {
		return other.path().startsWith(path);
	}
}
