package org.quntuan.learning.materials;

import java.time.Duration;
import java.time.Instant;

/**
 * How long a material takes at the least, and how much of that is left. 学完 counts only after this
 * time has passed since the person first opened the material, by the server's clock.
 */
final class ReadingTime {

	/** Characters of Chinese text read in a minute: a careful reader's pace. */
	static final int CHARACTERS_PER_MINUTE = 500;

	static final int MINIMUM_SECONDS = 60;

	static final int SECONDS_PER_PDF_PAGE = 30;

	/** A PDF whose pages cannot be counted is taken as one page per this many bytes. */
	static final int BYTES_PER_PDF_PAGE = 50_000;

	static final int MAXIMUM_SECONDS = 3 * 3600;

	private ReadingTime() {
	}

	/** For an article or a link's description: its characters at 500 a minute, at least a minute. */
	static int ofText(int characters) {
		return bounded((int) Math.ceil(characters * 60.0 / CHARACTERS_PER_MINUTE));
	}

	static int ofPdf(int pages) {
		return bounded(pages * SECONDS_PER_PDF_PAGE);
	}

	/** A video takes its own length. */
	static int ofVideo(int durationSeconds) {
		return Math.min(Math.max(durationSeconds, 1), MAXIMUM_SECONDS);
	}

	/** Whole seconds still to go (rounded up), 0 when the time is over. */
	static long secondsLeft(Instant openedAt, Instant now, int minSeconds) {
		Duration left = Duration.between(now, openedAt.plusSeconds(minSeconds));
		if (left.isNegative() || left.isZero()) {
			return 0;
		}
		return left.getSeconds() + (left.getNano() > 0 ? 1 : 0);
	}

	private static int bounded(int seconds) {
		return Math.min(Math.max(seconds, MINIMUM_SECONDS), MAXIMUM_SECONDS);
	}
}
