package org.quntuan.learning.materials;

import org.quntuan.platform.BusinessRuleException;

/** 学完 sent before the material's reading time has passed since it was first opened (422 with the seconds left). */
class ReadingTooShort extends BusinessRuleException {

	private final long secondsLeft;

	ReadingTooShort(long secondsLeft) {
		super("learning.error.reading-too-short", secondsLeft);
		this.secondsLeft = secondsLeft;
	}

	long secondsLeft() {
		return secondsLeft;
	}
}
