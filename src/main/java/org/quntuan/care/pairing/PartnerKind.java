package org.quntuan.care.pairing;

import org.quntuan.platform.Coded;

/** What a pairing partner outside the org tree is. */
enum PartnerKind implements Coded {
	COMMUNITY("社区"),
	VILLAGE("村"),
	ENTERPRISE("企业");

	private final String label;

	PartnerKind(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}
}
