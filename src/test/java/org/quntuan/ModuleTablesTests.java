package org.quntuan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Module boundaries hold for SQL too, not only for Java calls. A table belongs to the module whose
 * migration creates it (migrations are named after their module: {@code V…__finance_audit_trail.sql}
 * belongs to {@code finance}), and a module's sources name only its own tables, with one contract
 * written down here:
 * <ul>
 * <li>the spine, {@code org} (the organization tree) and {@code person} (the people), may be read and
 * joined by every module: every list is scoped by org paths and shows names and organs, and the
 * member module hands out scope conditions over {@code person p};
 * <li>a module may publish a read-only view for the others ({@code account_name}: an account's display
 * name, published by identity);
 * <li>the demo data generator fills every module's tables (it is the platform's seed, not a feature).
 * </ul>
 * Everything else goes through the owning module's facade (e.g. {@code RoleHolders},
 * {@code PersonAccounts}, {@code FileStorage}, {@code OrgTree}).
 */
class ModuleTablesTests {

	private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

	private static final Path SOURCES = Path.of("src/main/java/org/quntuan");

	/** Migrations whose first name part is not the module's name. */
	private static final Map<String, String> MIGRATION_MODULE = Map.of("files", "platform", "shedlock", "platform",
			"verification", "identity", "consent", "identity", "credentials", "identity", "totp", "identity",
			"person", "member");

	private static final Set<String> SPINE = Set.of("org", "person");

	private static final Set<String> EXEMPT_MODULES = Set.of("demo");

	private static final Pattern CREATE = Pattern.compile("create\\s+(table|view)\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_0-9]+)",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern STRING = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\]|\\\\.)*)\"", Pattern.DOTALL);

	@Test
	void aModuleNamesOnlyItsOwnTablesTheSpineAndPublishedViews() throws IOException {
		Map<String, String> owners = owners();
		Set<String> views = views();
		List<String> crossings = new ArrayList<>();
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
				Path relative = SOURCES.relativize(file);
				if (relative.getNameCount() < 2) {
					continue;
				}
				String module = relative.getName(0).toString();
				if (EXEMPT_MODULES.contains(module)) {
					continue;
				}
				String sql = strings(Files.readString(file));
				for (Map.Entry<String, String> table : owners.entrySet()) {
					String name = table.getKey();
					if (table.getValue().equals(module) || views.contains(name)) {
						continue;
					}
					Matcher use = use(name).matcher(sql);
					while (use.find()) {
						String verb = use.group(1).toLowerCase();
						boolean read = verb.equals("from") || verb.equals("join");
						if (!(read && SPINE.contains(name))) {
							crossings.add(relative + ": " + verb + " " + name + " (owned by " + table.getValue() + ")");
						}
					}
				}
			}
		}
		assertThat(crossings).as("SQL naming another module's table").isEmpty();
	}

	@Test
	void theScanCatchesACrossing() throws IOException {
		assertThat(owners()).containsEntry("account", "identity").containsEntry("fin_txn", "finance")
			.containsEntry("org", "organization").containsEntry("person", "member");
		assertThat(views()).contains("account_name");
		String sql = strings("String s = \"select a.id from fin_txn t join account a on a.id = t.x\";");
		assertThat(use("account").matcher(sql).find()).isTrue();
		assertThat(use("org").matcher(strings("x(\"\"\"\n insert into org (name) values (1)\"\"\")")).find()).isTrue();
		assertThat(use("account").matcher(strings("// join account a\n String s = \"from account_name a\";")).find()).isFalse();
	}

	private static Pattern use(String table) {
		return Pattern.compile("\\b(from|join|into|update|delete\\s+from)\\s+" + table + "\\b(?![_.])", Pattern.CASE_INSENSITIVE);
	}

	/** Table → owning module, from the migrations that create them. */
	private static Map<String, String> owners() throws IOException {
		Map<String, String> owners = new LinkedHashMap<>();
		for (Path migration : migrations()) {
			String name = migration.getFileName().toString();
			String first = name.substring(name.indexOf("__") + 2).replaceAll("\\.sql$", "").split("_")[0];
			String module = MIGRATION_MODULE.getOrDefault(first, first);
			assertThat(Files.isDirectory(SOURCES.resolve(module))).as(name + " is named after a module").isTrue();
			Matcher create = CREATE.matcher(Files.readString(migration));
			while (create.find()) {
				if (create.group(1).equalsIgnoreCase("table")) {
					owners.putIfAbsent(create.group(2).toLowerCase(), module);
				}
			}
		}
		return owners;
	}

	private static Set<String> views() throws IOException {
		Set<String> views = new TreeSet<>();
		for (Path migration : migrations()) {
			Matcher create = CREATE.matcher(Files.readString(migration));
			while (create.find()) {
				if (create.group(1).equalsIgnoreCase("view")) {
					views.add(create.group(2).toLowerCase());
				}
			}
		}
		return views;
	}

	private static List<Path> migrations() throws IOException {
		try (Stream<Path> files = Files.list(MIGRATIONS)) {
			return files.filter(f -> f.toString().endsWith(".sql")).sorted().toList();
		}
	}

	/** The string literals of a source: where its SQL is. */
	private static String strings(String source) {
		StringBuilder all = new StringBuilder();
		Matcher string = STRING.matcher(source);
		while (string.find()) {
			all.append(string.group(1) != null ? string.group(1) : string.group(2)).append('\n');
		}
		return all.toString();
	}
}
