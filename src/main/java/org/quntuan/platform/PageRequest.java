package org.quntuan.platform;

/** A 0-based page number and a size between 1 and 200. */
public record PageRequest(int page, int size) {

	public static final int MAX_SIZE = 200;

	public PageRequest {
		if (page < 0) {
			throw new InvalidValueException("page", "platform.page.negative");
		}
		if (size < 1 || size > MAX_SIZE) {
			throw new InvalidValueException("size", Text.of("platform.page.size", MAX_SIZE));
		}
	}

	public static PageRequest of(Integer page, Integer size) {
		return new PageRequest(page == null ? 0 : page, size == null ? 20 : size);
	}

	public long offset() {
		return (long) page * size;
	}
}
