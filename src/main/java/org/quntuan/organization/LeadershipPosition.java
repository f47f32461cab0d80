package org.quntuan.organization;

import org.quntuan.platform.CodeLabel;
import org.quntuan.platform.Coded;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.Text;

/**
 * A place on a leadership team. The words differ by kind of organization: 主席/副主席/委员 in a
 * union, 书记/副书记/委员 in a league branch, 主任/副主任/委员 in a women's committee.
 */
public enum LeadershipPosition implements Coded {
	CHAIR("主席", "书记", "主任"),
	VICE_CHAIR("副主席", "副书记", "副主任"),
	MEMBER("委员", "委员", "委员");

	private final String union;

	private final String league;

	private final String women;

	LeadershipPosition(String union, String league, String women) {
		this.union = union;
		this.league = league;
		this.women = women;
	}

	/** The union's word; use {@link #label(OrgType)} where the kind of organization is known. */
	@Override
	public String label() {
		return union;
	}

	public String label(OrgType type) {
		return switch (type) {
			case LEAGUE -> league;
			case WOMEN -> women;
			default -> union;
		};
	}

	public CodeLabel toCodeLabel(OrgType type) {
		return new CodeLabel(name(), label(type));
	}

	/** A code (CHAIR) or the word of any kind of organization (主席, 书记, 主任). */
	static LeadershipPosition parse(String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidValueException("position", "organization.position.error.required");
		}
		String v = value.strip();
		for (LeadershipPosition p : values()) {
			if (p.name().equalsIgnoreCase(v) || p.union.equals(v) || p.league.equals(v) || p.women.equals(v)) {
				return p;
			}
		}
		throw new InvalidValueException("position", Text.of("organization.position.error.invalid", v));
	}
}
