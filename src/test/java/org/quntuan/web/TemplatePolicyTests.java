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
}
