package org.quntuan.platform;

import java.util.List;
import java.util.function.Function;

/** One page of a list, in the API's shape: content, page (0-based), size, totals. */
public record PageResult<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

	public static <T> PageResult<T> of(List<T> content, PageRequest request, long total) {
		int pages = request.size() == 0 ? 0 : (int) ((total + request.size() - 1) / request.size());
		return new PageResult<>(content, request.page(), request.size(), total, pages);
	}

	/** The requested page of a list read whole (short lists: a class's roster, the topic tags). */
	public static <T> PageResult<T> slice(List<T> all, PageRequest request) {
		int from = (int) Math.min(all.size(), request.offset());
		int to = Math.min(all.size(), from + request.size());
		return of(List.copyOf(all.subList(from, to)), request, all.size());
	}

	public <R> PageResult<R> map(Function<T, R> mapper) {
		return new PageResult<>(content.stream().map(mapper).toList(), page, size, totalElements, totalPages);
	}

	public boolean hasPrevious() {
		return page > 0;
	}

	public boolean hasNext() {
		return page + 1 < totalPages;
	}
}
