package org.quntuan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The content security policy (style-src 'self'; script-src 'self') silently drops inline styles,
 * inline scripts and event handler attributes: a page that relies on one looks or works wrong
 * with no error. None may appear in a template.
 */
class TemplatePolicyTests {

	private static final Pattern FORBIDDEN = Pattern.compile(
			"<[a-zA-Z][^<>]*\\s(style|on[a-z]+)=\"[^\"]*\"|<script(?![^>]*\\bsrc=)[^>]*>", Pattern.DOTALL);

	@Test
	void noTemplateHasAnInlineStyleScriptOrEventHandler() throws IOException {
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
				Matcher m = FORBIDDEN.matcher(Files.readString(file));
				while (m.find()) {
					found.add(file + ": " + m.group().replaceAll("\\s+", " ").substring(0, Math.min(120, m.group().length())));
				}
			}
		}
		assertThat(found).isEmpty();
	}

	private static final Pattern LAYOUT_PARAMETERS = Pattern.compile("th:fragment=\"layout\\(([^)]*)\\)\"");

	/**
	 * A page's content is rendered inside the layout fragment, where the layout's parameters hide
	 * model attributes of the same name: a form field bound to {@code ${title}} once showed the
	 * layout's title markup instead of the typed title. No page may read a variable named like one.
	 */
	@Test
	void noPageReadsAVariableNamedLikeALayoutParameter() throws IOException {
		Matcher declared = LAYOUT_PARAMETERS.matcher(Files.readString(Path.of("src/main/resources/templates/fragments/layout.html")));
		assertThat(declared.find()).isTrue();
		List<String> parameters = List.of(declared.group(1).split("\\s*,\\s*"));
		List<String> found = new ArrayList<>();
		for (String parameter : parameters) {
			Pattern use = Pattern.compile("[$*]\\{\\s*" + Pattern.quote(parameter) + "\\b|th:field=\"\\*\\{" + Pattern.quote(parameter) + "\\b");
			Pattern attribute = Pattern.compile("addAttribute\\(\"" + Pattern.quote(parameter) + "\"");
			try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
				for (Path file : files.filter(f -> !f.endsWith("layout.html")
						&& (f.toString().endsWith(".html") || f.toString().endsWith(".java"))).toList()) {
					String text = Files.readString(file);
					if (use.matcher(text).find() || attribute.matcher(text).find()) {
						found.add(file + " uses " + parameter);
					}
				}
			}
		}
		assertThat(found).isEmpty();
	}

	/**
	 * Times are printed one way, {@code #times.format}, which puts every instant on the Beijing wall
	 * clock; {@code #temporals.format} printed a UTC value from the database 8 hours early.
	 */
	@Test
	void everyTimeOnAPageIsPrintedThroughTheBeijingTimeHelper() throws IOException {
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
				if (Files.readString(file).matches("(?s).*#(temporals|dates|calendars)\\.format.*")) {
					found.add(file.toString());
				}
			}
		}
		assertThat(found).isEmpty();
	}
}
