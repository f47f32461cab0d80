package org.quntuan.care.mutualaid;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.quntuan.platform.IdNumber;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.Text;
import org.quntuan.platform.TextInput;
import org.quntuan.platform.Texts;
import org.quntuan.platform.excel.ExcelFileException;
import org.quntuan.platform.excel.XlsxReader;
import org.springframework.web.multipart.MultipartFile;

/**
 * An Excel file of ID numbers to enrol: the first sheet, a header row with a 身份证号 column (姓名 and
 * other columns are ignored), one person a row. Every row is checked (a well-formed number, not
 * repeated in the file, a person the caller administers, in service, of an organ with a target); one
 * wrong row rejects the whole file with every row's problem.
 */
final class EnrolmentImport {

	/** The column the file must have, as Chinese files name it (the reader's language is accepted too). */
	static final String ID_NUMBER = "mutualaid.import.column.id-number";

	record Raw(int row, String idNumber) {
	}

	/** The rows read; {@link #idNumbers()} the well-formed numbers among them, upper-case. */
	record Rows(List<Raw> rows) {

		List<String> idNumbers() {
			return rows.stream().map(r -> normalized(r.idNumber())).filter(n -> n != null && IdNumber.problem(n) == null)
				.distinct().toList();
		}
	}

	/** A file with wrong rows: nobody was enrolled. */
	static class Rejected extends InvalidValueException {

		record RowError(int row, String column, String message) implements Serializable {
		}

		private final int rows;

		private final List<RowError> errors;

		Rejected(int rows, List<RowError> errors) {
			super("file", Text.of("mutualaid.import.rejected", rows, errors.stream().mapToInt(RowError::row).distinct().count(),
					errors.get(0).row(), errors.get(0).message()));
			this.rows = rows;
			this.errors = List.copyOf(errors);
		}

		int rows() {
			return rows;
		}

		List<RowError> errors() {
			return errors;
		}
	}

	private EnrolmentImport() {
	}

	static String normalized(String idNumber) {
		String id = TextInput.compact(idNumber);
		return id == null ? null : id.toUpperCase(Locale.ROOT);
	}

	static Rows read(MultipartFile file, int maxRows) {
		if (file == null) {
			throw new InvalidValueException("file", "mutualaid.import.error.no-file");
		}
		if (file.isEmpty()) {
			throw new InvalidValueException("file", "mutualaid.import.error.empty");
		}
		Path path;
		try {
			path = Files.createTempFile("quntuan-mutualaid-", ".xlsx");
			try (InputStream in = file.getInputStream()) {
				Files.copy(in, path, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try {
			return rows(path, maxRows);
		}
		finally {
			try {
				Files.deleteIfExists(path);
			}
			catch (IOException ignored) {
				// a temporary file; the system cleans its temp directory
			}
		}
	}

	private static Rows rows(Path path, int maxRows) {
		List<Raw> rows = new ArrayList<>();
		int[] column = { -1 };
		XlsxReader.read(path, 30, row -> {
			if (column[0] < 0) {
				String chinese = Texts.chinese(ID_NUMBER);
				String localized = Texts.localized(ID_NUMBER);
				for (int i = 0; i < row.cells().size(); i++) {
					String title = TextInput.compact(row.cell(i));
					if (title != null && (title.startsWith(chinese) || title.equalsIgnoreCase(localized))) {
						column[0] = i;
						break;
					}
				}
				if (column[0] < 0) {
					throw new ExcelFileException(ExcelFileException.Reason.BAD_LAYOUT,
							Text.of("mutualaid.import.error.missing-column", Texts.localized(ID_NUMBER)));
				}
				return;
			}
			if (rows.size() >= maxRows) {
				throw new ExcelFileException(ExcelFileException.Reason.TOO_MANY_ROWS,
						Text.of("mutualaid.import.error.too-many-rows", maxRows));
			}
			rows.add(new Raw(row.number(), row.cell(column[0])));
		});
		if (rows.isEmpty()) {
			throw new ExcelFileException(ExcelFileException.Reason.BAD_LAYOUT, Text.of("mutualaid.import.error.no-rows"));
		}
		return new Rows(rows);
	}

	/**
	 * The people of the rows, or {@link Rejected} listing every wrong row.
	 *
	 * @param found the people with the file's well-formed ID numbers
	 * @param targetOrgans the organs with a target in the plan
	 */
	static List<MutualAidRepository.Candidate> check(Rows rows, List<MutualAidRepository.Candidate> found,
			Set<Long> targetOrgans) {
		Map<String, MutualAidRepository.Candidate> byNumber = new HashMap<>();
		found.forEach(c -> byNumber.put(c.idNumber().toUpperCase(Locale.ROOT), c));
		Map<String, Integer> firstRow = new HashMap<>();
		List<Rejected.RowError> errors = new ArrayList<>();
		List<MutualAidRepository.Candidate> people = new ArrayList<>();
		for (Raw raw : rows.rows()) {
			String id = normalized(raw.idNumber());
			Text problem = id == null ? Text.of("mutualaid.import.error.no-id-number") : IdNumber.problemText(id);
			MutualAidRepository.Candidate c = problem == null ? byNumber.get(id) : null;
			if (problem == null && firstRow.containsKey(id)) {
				problem = Text.of("mutualaid.import.error.repeated", firstRow.get(id));
			}
			else if (problem == null && c == null) {
				problem = Text.of("mutualaid.import.error.not-found");
			}
			else if (problem == null && !c.reachable()) {
				problem = Text.of("mutualaid.import.error.outside", c.name());
			}
			else if (problem == null && (!c.active() || !c.inService())) {
				problem = Text.of("mutualaid.import.error.inactive", c.name());
			}
			else if (problem == null && !targetOrgans.contains(c.organId())) {
				problem = Text.of("mutualaid.import.error.no-target", c.name(), c.organName());
			}
			if (id != null) {
				firstRow.putIfAbsent(id, raw.row());
			}
			if (problem != null) {
				errors.add(new Rejected.RowError(raw.row(), Texts.localized(ID_NUMBER), Texts.localized(problem)));
			}
			else {
				people.add(c);
			}
		}
		if (!errors.isEmpty()) {
			errors.sort(Comparator.comparingInt(Rejected.RowError::row));
			throw new Rejected(rows.rows().size(), errors);
		}
		return people;
	}
}
