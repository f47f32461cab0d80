package org.quntuan.member;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.quntuan.organization.OrgSummary;
import org.quntuan.platform.IdNumber;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.MobileNumber;
import org.quntuan.platform.ScopeGrant;
import org.quntuan.platform.Text;
import org.quntuan.platform.TextInput;
import org.quntuan.platform.Texts;
import org.quntuan.platform.excel.ExcelFileException;
import org.quntuan.platform.excel.ExcelText;
import org.quntuan.platform.excel.XlsxReader;

/**
 * Checks the rows of an import file with the rules of a single registration ({@link PersonRules}),
 * the caller's scope ({@link PersonReach}) and uniqueness within the file and against the people
 * already registered (looked up once for the whole file). Knows no database and no request.
 */
final class ImportCheck {

	static final String ORGAN_UNKNOWN = "member.import.organ-unknown";

	static final String OUT_OF_SCOPE = "member.out-of-scope";

	/**
	 * Everything a check needs to know beyond the rows: which of a set of numbers are taken by anyone,
	 * and which by the caller's own people. A number taken outside the caller's reach is refused as
	 * the person being out of scope ({@link #OUT_OF_SCOPE}, at the column that refusal names), so that
	 * the file's author does not learn that the person is registered somewhere else.
	 */
	record Context(List<ScopeGrant> grants, List<OrgSummary> organs, LocalDate today,
			Function<Set<String>, Set<String>> takenIdNumbers, Function<Set<String>, Set<String>> takenMobiles,
			Function<Set<String>, Set<String>> ownIdNumbers, Function<Set<String>, Set<String>> ownMobiles) {
	}

	/**
	 * @param rows the data rows, with their cells in template order
	 * @param values the people to register, in row order; complete only when there are no errors
	 * @param takenElsewhere the ID numbers and mobiles of the file that people outside the caller's reach
	 * hold (refused as out of scope; for the audit log only)
	 */
	record Result(List<Row> rows, List<ImportReport.RowError> errors, int invalidRows, List<PersonValues> values,
			Set<String> takenElsewhere) {

		int total() {
			return rows.size();
		}

		boolean ok() {
			return errors.isEmpty();
		}
	}

	/** A data row: its number in Excel and its cells by column. */
	record Row(int number, EnumMap<ImportColumn, String> cells) {
	}

	private ImportCheck() {
	}

	/**
	 * Which sheet column holds which template column, read from the header row; headers may carry a
	 * required marker (姓名*, 姓名（必填）) and stray spaces.
	 */
	static Map<ImportColumn, Integer> columns(XlsxReader.Row header) {
		Map<ImportColumn, Integer> found = new EnumMap<>(ImportColumn.class);
		for (int i = 0; i < header.cells().size(); i++) {
			String text = TextInput.compact(header.cell(i));
			if (text == null) {
				continue;
			}
			String name = text.replace("*", "").replace("(必填)", "").replace("（必填）", "");
			for (ImportColumn c : ImportColumn.values()) {
				if (c.header().equals(name) && !found.containsKey(c)) {
					found.put(c, i);
				}
			}
		}
		List<String> missing = new ArrayList<>();
		for (ImportColumn c : ImportColumn.values()) {
			if (c.required() && !found.containsKey(c)) {
				missing.add(c.header());
			}
		}
		if (!missing.isEmpty()) {
			throw new ExcelFileException(ExcelFileException.Reason.BAD_LAYOUT, Text.of("member.import.header-missing",
					header.number(), String.join("、", missing), ImportColumn.allHeaders()));
		}
		return found;
	}

	static Row row(XlsxReader.Row sheetRow, Map<ImportColumn, Integer> columns) {
		EnumMap<ImportColumn, String> cells = new EnumMap<>(ImportColumn.class);
		columns.forEach((column, index) -> {
			String v = sheetRow.cell(index);
			if (v != null) {
				cells.put(column, v);
			}
		});
		return new Row(sheetRow.number(), cells);
	}

	static Result check(List<Row> rows, Context context) {
		Map<String, List<OrgSummary>> organsByName = new HashMap<>();
		for (OrgSummary o : context.organs()) {
			organsByName.computeIfAbsent(organKey(o.name()), k -> new ArrayList<>()).add(o);
		}
		Set<ImportReport.RowError> errors = new LinkedHashSet<>();
		List<PersonValues> values = new ArrayList<>();
		Map<String, Integer> idRows = new LinkedHashMap<>();
		Map<String, Integer> mobileRows = new LinkedHashMap<>();
		Map<Integer, String> idOfRow = new HashMap<>();
		Map<Integer, String> mobileOfRow = new HashMap<>();
		Map<Integer, String> scopeColumnOfRow = new HashMap<>();
		for (Row row : rows) {
			RowErrors problems = new RowErrors(row.number(), errors);
			List<OrgSummary> organs = organsByName.getOrDefault(organKey(row.cells().get(ImportColumn.ORGAN)), List.of());
			OrgSummary organ = organs.size() == 1 ? organs.get(0) : null;
			if (row.cells().get(ImportColumn.ORGAN) == null) {
				problems.add(ImportColumn.ORGAN, "member.import.organ-blank");
			}
			else if (organs.size() > 1) {
				problems.add(ImportColumn.ORGAN, "member.import.organ-ambiguous");
			}
			else if (organ == null) {
				problems.add(ImportColumn.ORGAN, ORGAN_UNKNOWN);
			}
			LocalDate joined = null;
			try {
				joined = ExcelText.parseDate(row.cells().get(ImportColumn.UNION_JOINED_ON));
			}
			catch (DateTimeException ex) {
				problems.add(ImportColumn.UNION_JOINED_ON, "member.import.joined-invalid");
			}
			// an unknown or out-of-scope organ is reported above; organ id 0 tells the shared rules not to
			// report the missing organ a second time
			long organId = organ != null ? organ.id() : 0L;
			PersonRules.Checked checked = PersonRules.check(form(row, joined), organId, context.today());
			checked.problems().forEach(p -> problems.add(ImportColumn.headerOf(p.field()), p.text()));
			String id = parsed(() -> IdNumber.parse(row.cells().get(ImportColumn.ID_NUMBER)).value());
			String mobile = parsed(() -> MobileNumber.parse(row.cells().get(ImportColumn.MOBILE)).value());
			if (id != null) {
				Integer first = idRows.putIfAbsent(id, row.number());
				if (first != null) {
					problems.add(ImportColumn.ID_NUMBER, Text.of("member.import.id-number-repeated", first));
				}
				idOfRow.put(row.number(), id);
			}
			if (mobile != null) {
				Integer first = mobileRows.putIfAbsent(mobile, row.number());
				if (first != null) {
					problems.add(ImportColumn.MOBILE, Text.of("member.import.mobile-repeated", first));
				}
				mobileOfRow.put(row.number(), mobile);
			}
			// where a refusal as out of scope goes for this row (also that of a number held out of reach)
			scopeColumnOfRow.put(row.number(),
					checked.ok() ? ImportColumn.headerOf(PersonReach.blockingField(context.grants(), checked.values()))
							: ImportColumn.ORGAN.header());
			if (checked.ok() && organ != null) {
				if (!PersonReach.reaches(context.grants(), organ.path(), checked.values(), context.today())) {
					problems.add(ImportColumn.headerOf(PersonReach.blockingField(context.grants(), checked.values())),
							OUT_OF_SCOPE);
				}
				values.add(checked.values());
			}
		}
		Set<String> takenIds = context.takenIdNumbers().apply(new HashSet<>(idRows.keySet()));
		Set<String> takenMobiles = context.takenMobiles().apply(new HashSet<>(mobileRows.keySet()));
		Set<String> ownIds = takenIds.isEmpty() ? Set.of() : context.ownIdNumbers().apply(new HashSet<>(takenIds));
		Set<String> ownMobiles = takenMobiles.isEmpty() ? Set.of()
				: context.ownMobiles().apply(new HashSet<>(takenMobiles));
		Set<String> elsewhere = new LinkedHashSet<>();
		for (Row row : rows) {
			RowErrors problems = new RowErrors(row.number(), errors);
			String id = idOfRow.get(row.number());
			if (takenIds.contains(id)) {
				if (ownIds.contains(id)) {
					problems.add(ImportColumn.ID_NUMBER, PersonRules.ID_NUMBER_TAKEN);
				}
				else {
					problems.add(scopeColumnOfRow.get(row.number()), OUT_OF_SCOPE);
					elsewhere.add(id);
				}
			}
			String mobile = mobileOfRow.get(row.number());
			if (takenMobiles.contains(mobile)) {
				if (ownMobiles.contains(mobile)) {
					problems.add(ImportColumn.MOBILE, PersonRules.MOBILE_TAKEN);
				}
				else {
					problems.add(scopeColumnOfRow.get(row.number()), OUT_OF_SCOPE);
					elsewhere.add(mobile);
				}
			}
		}
		List<ImportReport.RowError> sorted = new ArrayList<>(errors);
		sorted.sort(Comparator.comparingInt(ImportReport.RowError::row).thenComparingInt(e -> columnOrder(e.column())));
		int invalidRows = (int) sorted.stream().mapToInt(ImportReport.RowError::row).distinct().count();
		return new Result(rows, List.copyOf(sorted), invalidRows, sorted.isEmpty() ? values : List.of(),
				Set.copyOf(elsewhere));
	}

	private static PersonForm form(Row row, LocalDate joined) {
		Map<ImportColumn, String> c = row.cells();
		return new PersonForm(c.get(ImportColumn.NAME), c.get(ImportColumn.ID_NUMBER), c.get(ImportColumn.MOBILE),
				c.get(ImportColumn.GENDER), null, null, c.get(ImportColumn.POSITION),
				orDefault(c.get(ImportColumn.POLITICAL_STATUS), PoliticalStatus.MASSES),
				orDefault(c.get(ImportColumn.UNION_STATUS), UnionStatus.MEMBER), joined,
				orDefault(c.get(ImportColumn.EMPLOYMENT_STATUS), EmploymentStatus.IN_SERVICE), null);
	}

	private static String orDefault(String cell, Enum<?> fallback) {
		String v = TextInput.compact(cell);
		return v == null ? fallback.name() : v;
	}

	/** Organ names compared without spaces and with full-width letters, digits and brackets folded. */
	static String organKey(String name) {
		String v = TextInput.compact(name);
		return v == null ? "" : v;
	}

	private static int columnOrder(String header) {
		for (ImportColumn c : ImportColumn.values()) {
			if (c.header().equals(header)) {
				return c.ordinal();
			}
		}
		return ImportColumn.values().length;
	}

	private interface Parse {
		String get();
	}

	private static String parsed(Parse parse) {
		try {
			return parse.get();
		}
		catch (InvalidValueException ex) {
			return null;
		}
	}

	/** The problems of one row, each reported once. */
	private record RowErrors(int row, Set<ImportReport.RowError> errors) {

		/** {@code code}: a bundle key. */
		void add(ImportColumn column, String code) {
			add(column.header(), Text.of(code));
		}

		void add(ImportColumn column, Text message) {
			add(column.header(), message);
		}

		void add(String column, String code) {
			add(column, Text.of(code));
		}

		/** In the reader's language (Chinese outside a request); the column is the file's own header. */
		void add(String column, Text message) {
			errors.add(new ImportReport.RowError(row, column, Texts.localized(message)));
		}
	}
}
