package org.quntuan.member;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the import page shows of a checked file: the counts, the first rows and the rows with
 * problems, each problem under its cell.
 */
record ImportPreview(String fileName, int total, int invalid, List<String> headers, List<Row> rows, int hiddenErrorRows)
		implements Serializable {

	/** Rows from the top of the file, whatever their state. */
	static final int FIRST_ROWS = 20;

	/** Rows shown in all, the first ones and those with problems. */
	static final int MAX_ROWS = 100;

	record Cell(String value, String error) implements Serializable {
	}

	record Row(int number, List<Cell> cells, boolean invalid) implements Serializable {
	}

	public int valid() {
		return total - invalid;
	}

	public boolean ok() {
		return invalid == 0;
	}

	static ImportPreview of(ImportCheck.Result result, String fileName) {
		Map<Integer, Map<String, String>> problems = new HashMap<>();
		for (ImportReport.RowError e : result.errors()) {
			problems.computeIfAbsent(e.row(), r -> new LinkedHashMap<>()).merge(e.column(), e.message(), (a, b) -> a + "；" + b);
		}
		Set<Integer> invalidRows = problems.keySet();
		List<Row> rows = new ArrayList<>();
		int shownInvalid = 0;
		for (int i = 0; i < result.rows().size() && rows.size() < MAX_ROWS; i++) {
			ImportCheck.Row row = result.rows().get(i);
			boolean invalid = invalidRows.contains(row.number());
			if (i < FIRST_ROWS || invalid) {
				Map<String, String> rowProblems = problems.getOrDefault(row.number(), Map.of());
				List<Cell> cells = Arrays.stream(ImportColumn.values())
					.map(c -> new Cell(row.cells().get(c), rowProblems.get(c.header())))
					.toList();
				rows.add(new Row(row.number(), cells, invalid));
				shownInvalid += invalid ? 1 : 0;
			}
		}
		List<String> headers = Arrays.stream(ImportColumn.values()).map(ImportColumn::header).collect(Collectors.toList());
		return new ImportPreview(fileName, result.total(), result.invalidRows(), headers, rows,
				result.invalidRows() - shownInvalid);
	}
}
