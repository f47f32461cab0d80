package org.quntuan.finance.dues;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.quntuan.finance.Amounts;
import org.quntuan.member.PersonFacts;
import org.quntuan.platform.IdNumber;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.Text;
import org.quntuan.platform.TextInput;
import org.quntuan.platform.Texts;
import org.quntuan.platform.excel.ExcelFileException;
import org.quntuan.platform.excel.XlsxReader;
import org.springframework.web.multipart.MultipartFile;

/**
 * A payroll Excel file of one union: columns 姓名, 身份证号, 月工资基数 and, for a dues sheet, an
 * optional 实缴金额. Each row is matched by ID number to a person of the union's organ, who must be a
 * union member under that name. The whole file is read and checked before anything is written; a
 * caller adds its own row checks to {@link Checked#errors()} and then calls {@link Checked#requireNoErrors()}.
 */
final class Payroll {

	static final String NAME = "姓名";

	static final String ID_NUMBER = "身份证号";

	static final String BASE = "月工资基数";

	static final String PAID = "实缴金额";

	static final int MAX_ROWS = 5000;

	/**
	 * The largest monthly base pay of one person. The column (numeric(12,2)) would hold far more, but
	 * a sheet's totals are numeric(14,2): a hundred lines near the column's limit would overflow them.
	 */
	static final BigDecimal MAX_BASE = new BigDecimal("1000000.00");

	/** The largest amount one person pays in a month; {@link #MAX_ROWS} such lines stay well within a total. */
	static final BigDecimal MAX_PAID = new BigDecimal("100000.00");

	/** @param paid null when the file has no 实缴金额 column or the cell is blank */
	record Line(int row, long personId, String name, BigDecimal base, BigDecimal paid) {
	}

	record Checked(int rows, List<Line> lines, List<PayrollRejected.RowError> errors) {

		void requireNoErrors() {
			if (!errors.isEmpty()) {
				throw new PayrollRejected(rows, errors.stream()
					.sorted(Comparator.comparingInt(PayrollRejected.RowError::row))
					.toList());
			}
		}
	}

	private record Raw(int row, String name, String idNumber, String base, String paid) {
	}

	/** A row whose ID number is well-formed and first in the file. */
	private record Candidate(int row, String name, String idNumber, BigDecimal base, BigDecimal paid) {
	}

	private Payroll() {
	}

	static Checked read(MultipartFile file, long organId, PersonFacts people, boolean paidColumn) {
		if (file == null) {
			throw new InvalidValueException("file", "finance.pay.import.error.noFile");
		}
		if (file.isEmpty()) {
			throw new InvalidValueException("file", "finance.pay.import.error.empty");
		}
		Path path;
		try {
			path = Files.createTempFile("quntuan-payroll-", ".xlsx");
			try (InputStream in = file.getInputStream()) {
				Files.copy(in, path, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try {
			return check(rows(path, paidColumn), organId, people);
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

	private static List<Raw> rows(Path path, boolean paidColumn) {
		List<Raw> rows = new ArrayList<>();
		Map<String, Integer> header = new HashMap<>();
		XlsxReader.read(path, 20, row -> {
			if (header.isEmpty()) {
				for (int i = 0; i < row.cells().size(); i++) {
					String title = TextInput.compact(row.cell(i));
					for (String known : List.of(NAME, ID_NUMBER, BASE, PAID)) {
						if (title != null && title.startsWith(known)) {
							header.putIfAbsent(known, i);
						}
					}
				}
				for (String required : List.of(NAME, ID_NUMBER, BASE)) {
					if (!header.containsKey(required)) {
						throw new ExcelFileException(ExcelFileException.Reason.BAD_LAYOUT, Texts.localized(paidColumn
								? "finance.pay.import.error.missingColumnPaid" : "finance.pay.import.error.missingColumn", required));
					}
				}
				return;
			}
			if (rows.size() >= MAX_ROWS) {
				throw new ExcelFileException(ExcelFileException.Reason.TOO_MANY_ROWS,
						Texts.localized("finance.pay.import.error.tooManyRows", MAX_ROWS));
			}
			rows.add(new Raw(row.number(), row.cell(header.get(NAME)), row.cell(header.get(ID_NUMBER)),
					row.cell(header.get(BASE)), paidColumn && header.containsKey(PAID) ? row.cell(header.get(PAID)) : null));
		});
		if (rows.isEmpty()) {
			throw new ExcelFileException(ExcelFileException.Reason.BAD_LAYOUT,
					Texts.localized("finance.pay.import.error.noRows"));
		}
		return rows;
	}

	private static Checked check(List<Raw> rows, long organId, PersonFacts people) {
		List<PayrollRejected.RowError> errors = new ArrayList<>();
		Map<String, Integer> firstRowOf = new HashMap<>();
		List<Candidate> candidates = new ArrayList<>();
		for (Raw raw : rows) {
			String name = TextInput.normalize(raw.name());
			if (name == null) {
				errors.add(new PayrollRejected.RowError(raw.row(), NAME, Texts.localized("finance.pay.import.error.noName")));
			}
			String id = TextInput.compact(raw.idNumber());
			id = id == null ? null : id.toUpperCase();
			Text problemText = id == null ? Text.of("finance.pay.import.error.noIdNumber") : IdNumber.problemText(id);
			String problem = problemText == null ? null : Texts.localized(problemText);
			if (problem != null) {
				errors.add(new PayrollRejected.RowError(raw.row(), ID_NUMBER, problem));
			}
			else if (firstRowOf.containsKey(id)) {
				errors.add(new PayrollRejected.RowError(raw.row(), ID_NUMBER,
						Texts.localized("finance.pay.import.error.duplicate", firstRowOf.get(id))));
				problem = "duplicate";
			}
			else {
				firstRowOf.put(id, raw.row());
			}
			BigDecimal base = amount(raw.row(), BASE, raw.base(), true, errors);
			BigDecimal paid = amount(raw.row(), PAID, raw.paid(), false, errors);
			if (problem == null) {
				candidates.add(new Candidate(raw.row(), name, id, base, paid));
			}
		}
		Map<String, PersonFacts.Matched> found = people.byIdNumbers(organId,
				candidates.stream().map(Candidate::idNumber).toList());
		List<Line> lines = new ArrayList<>();
		for (Candidate c : candidates) {
			int row = c.row();
			String name = c.name();
			PersonFacts.Matched person = found.get(c.idNumber());
			if (person == null) {
				errors.add(new PayrollRejected.RowError(row, ID_NUMBER, Texts.localized("finance.pay.import.error.unknownPerson")));
			}
			else if (name != null && !name.equals(person.name())) {
				errors.add(new PayrollRejected.RowError(row, NAME,
						Texts.localized("finance.pay.import.error.nameMismatch", person.name())));
			}
			else if (!person.unionMember()) {
				errors.add(new PayrollRejected.RowError(row, NAME,
						Texts.localized("finance.pay.import.error.notMember", person.name())));
			}
			else if (name != null && c.base() != null) {
				lines.add(new Line(row, person.id(), person.name(), c.base(), c.paid()));
			}
		}
		return new Checked(rows.size(), lines, errors);
	}

	/**
	 * A base pay ({@link #BASE}) or paid amount ({@link #PAID}) within its per-person limit.
	 *
	 * @throws InvalidValueException naming {@code field} when it is over the limit
	 */
	static BigDecimal limited(String field, String column, BigDecimal value) {
		if (BASE.equals(column) && value.compareTo(MAX_BASE) > 0) {
			throw new InvalidValueException(field,
					Text.of("finance.pay.error.baseTooLarge", Amounts.format(MAX_BASE)));
		}
		if (PAID.equals(column) && value.compareTo(MAX_PAID) > 0) {
			throw new InvalidValueException(field,
					Text.of("finance.pay.error.paidTooLarge", Amounts.format(MAX_PAID)));
		}
		return value;
	}

	private static BigDecimal amount(int row, String column, String text, boolean required,
			List<PayrollRejected.RowError> errors) {
		if (text == null || text.isBlank()) {
			if (required) {
				errors.add(new PayrollRejected.RowError(row, column, Texts.localized("finance.pay.import.error.missing", column)));
			}
			return null;
		}
		try {
			return limited(column, column, Amounts.nonNegative(column, text));
		}
		catch (InvalidValueException ex) {
			errors.add(new PayrollRejected.RowError(row, column, Texts.localized(ex)));
			return null;
		}
	}
}
