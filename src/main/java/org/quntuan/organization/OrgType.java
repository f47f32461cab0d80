package org.quntuan.organization;

import java.util.EnumSet;
import java.util.Set;

import org.quntuan.platform.Coded;
import org.quntuan.platform.ScopeKind;

/** Kinds of organization, and which kinds may sit below each. */
public enum OrgType implements Coded {
	COMMITTEE("机关工委", ScopeKind.SUBTREE),
	GROUP("片组", ScopeKind.SUBTREE),
	ORGAN("单位", ScopeKind.SUBTREE),
	UNION("工会", ScopeKind.UNION_MEMBERS),
	LEAGUE("团组织", ScopeKind.LEAGUE_MEMBERS),
	WOMEN("妇委会", ScopeKind.WOMEN),
	CLUB("文体俱乐部", ScopeKind.SUBTREE);

	private final String label;

	private final ScopeKind scopeKind;

	OrgType(String label, ScopeKind scopeKind) {
		this.label = label;
		this.scopeKind = scopeKind;
	}

	@Override
	public String label() {
		return label;
	}

	public ScopeKind scopeKind() {
		return scopeKind;
	}

	public Set<OrgType> allowedChildren() {
		return switch (this) {
			case COMMITTEE -> EnumSet.of(GROUP, CLUB);
			case GROUP -> EnumSet.of(ORGAN);
			case ORGAN -> EnumSet.of(UNION, LEAGUE, WOMEN);
			case UNION, LEAGUE, WOMEN -> EnumSet.of(CLUB);
			case CLUB -> EnumSet.noneOf(OrgType.class);
		};
	}

	/** Unions, league branches and women's committees belong to one organ. */
	public boolean isMassOrganization() {
		return this == UNION || this == LEAGUE || this == WOMEN;
	}
}
