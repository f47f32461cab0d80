package org.quntuan.care.recuperation;

import org.quntuan.platform.Coded;

/** A batch for model workers (劳模疗休养) or for the staff at large (职工疗休养). */
enum RecuperationKind implements Coded {
	MODEL_WORKER("劳模疗休养"),
	STAFF("职工疗休养");

	private final String label;

	RecuperationKind(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}
}
