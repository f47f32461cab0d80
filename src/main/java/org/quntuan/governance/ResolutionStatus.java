package org.quntuan.governance;

import org.quntuan.platform.Coded;

/** Whether a resolution (决议事项) is done. */
public enum ResolutionStatus implements Coded {
	OPEN("未办结"), CLOSED("已办结");

	private final String label;

	ResolutionStatus(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}
}
