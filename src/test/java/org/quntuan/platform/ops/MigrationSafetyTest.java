package org.quntuan.platform.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Migrations are safe for rolling upgrades (README, "Operations"): while old and new nodes run side
 * by side, the schema must suit both. A release only expands (new tables, new nullable or defaulted
 * columns, new indexes); a column or table is dropped or renamed in a later release, once no running
 * version reads it. Such a contract migration fails this test unless it is listed below with the
 * release that stopped using what it removes.
 */
class MigrationSafetyTest {

	/** file name → why it is safe: "contract step of …; the code stopped reading x in release …". */
	static final Map<String, String> CONTRACT_MIGRATIONS = Map.of();

	private static final Path ROOT = Path.of("src/main/resources/db");

	private static final Pattern DESTRUCTIVE = Pattern.compile(
			"\\bdrop\\s+column\\b|\\brename\\s+column\\b|\\brename\\s+to\\b|\\balter\\s+column\\s+\\S+\\s+rename\\b"
					+ "|\\bdrop\\s+table\\b|\\bsp_rename\\b");

	static List<String> destructiveStatements(String sql) {
		String code = sql.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\\n]*", " ").toLowerCase();
		List<String> found = new ArrayList<>();
		Matcher m = DESTRUCTIVE.matcher(code);
		while (m.find()) {
			found.add(m.group().replaceAll("\\s+", " "));
		}
		return found;
	}

	@Test
	void noMigrationDropsOrRenamesUnlessItIsAListedContractStep() throws IOException {
		List<String> unsafe = new ArrayList<>();
		List<String> names = new ArrayList<>();
		try (Stream<Path> files = Files.walk(ROOT)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
				String name = file.getFileName().toString();
				names.add(name);
				List<String> found = destructiveStatements(Files.readString(file, StandardCharsets.UTF_8));
				if (!found.isEmpty() && !CONTRACT_MIGRATIONS.containsKey(name)) {
					unsafe.add(ROOT.relativize(file) + ": " + found);
				}
			}
		}
		assertThat(names).as("migrations found").hasSizeGreaterThan(10);
		assertThat(unsafe).as("drops or renames outside a listed contract migration (expand, then contract: see README)")
			.isEmpty();
		assertThat(names).as("listed contract migrations that do not exist").containsAll(CONTRACT_MIGRATIONS.keySet());
	}

	@Test
	void theCheckCatchesDropsAndRenamesButNotComments() {
		assertThat(destructiveStatements("alter table person drop column nickname;")).containsExactly("drop column");
		assertThat(destructiveStatements("ALTER TABLE person\n  RENAME COLUMN nick TO nickname;")).isNotEmpty();
		assertThat(destructiveStatements("alter table person alter column nick rename to nickname;")).isNotEmpty();
		assertThat(destructiveStatements("alter table person rename to people;")).isNotEmpty();
		assertThat(destructiveStatements("drop table legacy_dues;")).isNotEmpty();
		assertThat(destructiveStatements("-- we never drop column x here\n/* nor rename column y */\n"
				+ "alter table person add column nickname varchar(20);\ncreate index dropped_idx on person (dropped_at);"))
			.isEmpty();
	}
}
