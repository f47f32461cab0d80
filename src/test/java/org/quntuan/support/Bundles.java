package org.quntuan.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The message bundles as the application reads them: every base name listed in
 * {@code spring.messages.basename} (the shared {@code messages} and one {@code i18n/<module>} per
 * feature), each in Chinese (the default) and English.
 */
public final class Bundles {

	private Bundles() {
	}

	/** The base names, in the order the application searches them. */
	public static List<String> baseNames() {
		Properties application = load("application.properties");
		List<String> names = new ArrayList<>();
		for (String name : application.getProperty("spring.messages.basename").split(",")) {
			names.add(name.trim());
		}
		return names;
	}

	/** Every bundle file of one language ("" for Chinese, "en" for English), by file name. */
	public static Map<String, Properties> files(String language) {
		Map<String, Properties> files = new LinkedHashMap<>();
		for (String base : baseNames()) {
			String file = base + (language.isEmpty() ? "" : "_" + language) + ".properties";
			files.put(file, load(file));
		}
		return files;
	}

	/** All messages of one language, merged as the application merges them (first base name wins). */
	public static Properties merged(String language) {
		Properties merged = new Properties();
		List<Properties> files = new ArrayList<>(files(language).values());
		for (int i = files.size() - 1; i >= 0; i--) {
			merged.putAll(files.get(i));
		}
		return merged;
	}

	private static Properties load(String name) {
		Properties p = new Properties();
		try (InputStream in = Bundles.class.getResourceAsStream("/" + name)) {
			if (in == null) {
				throw new IllegalStateException("no bundle file " + name + " on the class path");
			}
			p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return p;
	}
}
