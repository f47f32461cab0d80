package org.quntuan.platform;

/** The roles of the platform. Every role but MEMBER is held at an organization. */
public enum Role implements Coded {
	FEDERATION_ADMIN("工委管理员"),
	ORG_ADMIN("组织管理员"),
	FINANCE_OFFICER("财务人员"),
	AUDITOR("经审委员"),
	INFO_OFFICER("信息员"),
	MEMBER("干部职工");

	private final String label;

	Role(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}

	/** Roles that may read and manage people and organizations in their scope. */
	public boolean administersPeople() {
		return this == FEDERATION_ADMIN || this == ORG_ADMIN;
	}
}
