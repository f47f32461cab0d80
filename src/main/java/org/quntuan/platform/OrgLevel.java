package org.quntuan.platform;

/**
 * The type of the organization a grant is held at, as the scope rules read it (the organization
 * module's {@code OrgType} names the same constants, with their labels; {@code OrgLevelTest} keeps
 * them in step). Rules compare these, never strings.
 */
public enum OrgLevel {
	COMMITTEE, GROUP, ORGAN, UNION, LEAGUE, WOMEN, CLUB
}
