package org.quntuan.platform;

/** What a role binding reaches, decided by the type of the organization it is held at. */
public enum ScopeKind {
	/** At the committee, a group or an organ: every organization and person below it. */
	SUBTREE,
	/** At a union: the union and its organ's union members. */
	UNION_MEMBERS,
	/** At a league branch: the branch and its organ's league members and people 28 and under. */
	LEAGUE_MEMBERS,
	/** At a women's committee: the committee and its organ's women. */
	WOMEN
}
