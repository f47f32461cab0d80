package org.quntuan.care.visits;

import org.quntuan.platform.Coded;

/** What a visit brings: cash (posted to the journal) or goods bought beforehand (their value counted). */
enum VisitForm implements Coded {
	CASH("慰问金"),
	GOODS("慰问品");

	private final String label;

	VisitForm(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}
}
