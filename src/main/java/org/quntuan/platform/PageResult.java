package org.quntuan.platform;

import java.util.List;
import java.util.function.Function;

/** One page of a list, in the API's shape: content, page (0-based), size, totals. */
public record PageResult<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

	public static <T> PageResult<T> of(List<T> content, PageRequest request, long total) {
		int pages = request.size() == 0 ? 0 : (int) ((total + request.size() - 1) / request.size());
		return new PageResult<>(content, request.page(), request.size(), total, pages);
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
