package org.quntuan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.quntuan.platform.Coded;
import org.quntuan.support.Bundles;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * Both languages are complete: every message has its English, every English message its Chinese
 * original (enum labels are translated in English only, keyed by the Chinese label), and every label
 * of every coded enum has its English.
 */
class MessageBundlesTests {

	private static final Pattern CJK = Pattern.compile("[\\u4e00-\\u9fff]");

	private static Properties load(String name) {
		return Bundles.merged(name.equals("messages_en.properties") ? "en" : "");
	}

	/**
	 * A feature's own texts live in {@code i18n/<feature>.properties}, each key under the feature's
	 * name, and no key is defined twice: the first bundle would silently win.
	 */
	/** A key written twice in one file: the later silently wins, and the earlier text is dead. */
	@Test
	void noFileDefinesAKeyTwice() throws IOException {
		List<String> twice = new ArrayList<>();
		for (String base : Bundles.baseNames()) {
			for (String file : List.of(base + ".properties", base + "_en.properties")) {
				Set<String> seen = new TreeSet<>();
				try (InputStream in = MessageBundlesTests.class.getResourceAsStream("/" + file)) {
					for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
						int eq = line.indexOf('=');
						if (line.isBlank() || line.startsWith("#") || eq < 0) {
							continue;
						}
						String key = line.substring(0, eq).strip();
						if (!seen.add(key)) {
							twice.add(file + ": " + key);
						}
					}
				}
			}
		}
		assertThat(twice).isEmpty();
	}

	@Test
	void everyKeyHasOneHomeAndAFeatureBundleKeepsToItsFeature() {
		for (String language : List.of("", "en")) {
			Map<String, String> home = new TreeMap<>();
			List<String> problems = new ArrayList<>();
			Bundles.files(language).forEach((file, messages) -> {
				String feature = file.startsWith("i18n/") ? file.substring(5).replaceAll("(_en)?\\.properties$", "") : null;
				for (String key : messages.stringPropertyNames()) {
					String earlier = home.putIfAbsent(key, file);
					if (earlier != null) {
						problems.add(key + " in " + earlier + " and " + file);
					}
					if (feature != null && !key.startsWith(feature + ".")) {
						problems.add(key + " in " + file + " does not start with " + feature + ".");
					}
				}
			});
			assertThat(problems).as("bundle keys (" + (language.isEmpty() ? "zh" : language) + ")").isEmpty();
		}
	}

	@Test
	void everyMessageHasBothLanguages() throws IOException {
		Properties zh = load("messages.properties");
		Properties en = load("messages_en.properties");
		Set<String> missingInEnglish = new TreeSet<>(zh.stringPropertyNames());
		missingInEnglish.removeAll(en.stringPropertyNames());
		Set<String> missingInChinese = new TreeSet<>(en.stringPropertyNames());
		missingInChinese.removeAll(zh.stringPropertyNames());
		missingInChinese.removeIf(k -> k.startsWith("label."));
		assertThat(missingInEnglish).as("keys without English").isEmpty();
		assertThat(missingInChinese).as("English keys without Chinese").isEmpty();
		List<String> chineseInEnglish = new ArrayList<>();
		for (String key : en.stringPropertyNames()) {
			// the language switch names the other language in itself; the import names its sheet as the file does
			if (!key.startsWith("label.") && !key.equals("nav.lang") && !key.startsWith("member.import.")
					&& CJK.matcher(en.getProperty(key)).find()) {
				chineseInEnglish.add(key);
			}
		}
		assertThat(chineseInEnglish).as("English messages in Chinese").isEmpty();
	}

	@Test
	void everyEnumLabelHasItsEnglish() throws Exception {
		Properties en = load("messages_en.properties");
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
			@Override
			protected boolean isCandidateComponent(
					AnnotatedBeanDefinition definition) {
				return true;
			}
		};
		scanner.addIncludeFilter(new AssignableTypeFilter(Coded.class));
		Set<String> missing = new TreeSet<>();
		int enums = 0;
		for (BeanDefinition candidate : scanner.findCandidateComponents("org.quntuan")) {
			Class<?> type = Class.forName(candidate.getBeanClassName());
			if (!type.isEnum()) {
				continue;
			}
			enums++;
			for (Object constant : type.getEnumConstants()) {
				String label = ((Coded) constant).label();
				if (label != null && CJK.matcher(label).find() && en.getProperty("label." + label) == null) {
					missing.add(type.getSimpleName() + "." + ((Enum<?>) constant).name() + " → label." + label);
				}
			}
		}
		assertThat(enums).as("coded enums found").isGreaterThan(20);
		assertThat(missing).as("enum labels without English").isEmpty();
	}
}
