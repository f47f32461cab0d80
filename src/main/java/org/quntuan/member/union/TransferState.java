package org.quntuan.member.union;

import java.util.Locale;

import org.quntuan.platform.Coded;
import org.quntuan.platform.InvalidValueException;

/** Where a transfer of membership stands: the old union releases, then the new one accepts. */
enum TransferState implements Coded {
	WAITING_RELEASE("待转出"),
	WAITING_ACCEPT("待转入"),
	DONE("已完成");

	private final String label;

	TransferState(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}

	/** The filter of the API: {@code waiting-release}, {@code waiting-accept}, {@code done} (or the code); null for all. */
	static TransferState ofParam(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String code = value.strip().replace('-', '_').toUpperCase(Locale.ROOT);
		for (TransferState s : values()) {
			if (s.name().equals(code) || s.label.equals(value.strip())) {
				return s;
			}
		}
		throw new InvalidValueException("state", "union.transfer.error.state");
	}
}
