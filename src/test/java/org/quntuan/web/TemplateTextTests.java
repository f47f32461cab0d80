package org.quntuan.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.quntuan.support.Bundles;

/**
 * Every word a page shows comes from the message bundles, so that a user who chose English reads
 * English everywhere: no template shows Chinese written into it (a text, a visible attribute such as
 * a placeholder or a confirmation, or a string literal inside an expression), and every message key a
 * template names exists in both languages. Text inside an element whose content Thymeleaf replaces
 * ({@code th:text}, {@code th:utext}, {@code th:replace}, {@code th:insert}) is only the prototype a
 * designer sees and is not counted.
 */
class TemplateTextTests {

	static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Pattern CJK = Pattern.compile("[\\u3400-\\u9fff\\uff00-\\uffef\\u3000-\\u303f]");

	/** A string literal inside an expression: '...' */
	private static final Pattern LITERAL = Pattern.compile("'([^']*)'");

	/** A message key named outright: #{key} or #{key(arguments)}. */
	private static final Pattern KEY = Pattern.compile("#\\{([A-Za-z0-9_.-]+)\\s*[}(]");

	private static final Set<String> REPLACING = Set.of("th:text", "th:utext", "th:replace", "th:insert");

	/** One folder of templates per feature, and the shared pages (layout, home, sign-in, error). */
	static Stream<String> folders() throws IOException {
		try (Stream<Path> entries = Files.list(TEMPLATES)) {
			List<String> folders = new ArrayList<>(entries.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList());
			folders.add(".");
			return folders.stream();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("folders")
	void noTemplateShowsTextThatIsNotFromTheBundles(String folder) throws IOException {
		List<String> found = new ArrayList<>();
		for (Path file : templates(folder)) {
			Document document = Jsoup.parse(Files.readString(file), "", Parser.htmlParser());
			visit(document, false, TEMPLATES.relativize(file).toString(), found);
		}
		assertThat(found).as("Chinese written into the templates of " + folder + " (move it to i18n/" + folder + ".properties)").isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("folders")
	void everyKeyATemplateNamesExistsInBothLanguages(String folder) throws IOException {
		Properties zh = Bundles.merged("");
		Properties en = Bundles.merged("en");
		List<String> missing = new ArrayList<>();
		for (Path file : templates(folder)) {
			Matcher key = KEY.matcher(Files.readString(file));
			while (key.find()) {
				String name = key.group(1);
				if (!zh.containsKey(name) || !en.containsKey(name)) {
					missing.add(TEMPLATES.relativize(file) + ": " + name + (zh.containsKey(name) ? " (no English)" : ""));
				}
			}
		}
		assertThat(missing).as("message keys named by the templates of " + folder).isEmpty();
	}

	@Test
	void theScanSeesTextAttributesAndLiteralsButNotReplacedPrototypes() {
		List<String> found = new ArrayList<>();
		Document document = Jsoup.parse("""
				<div><p>年度</p><p th:text="#{a}">原型</p><span th:text="${x} ? '是' : #{b}"></span>
				<input placeholder="请输入"><input placeholder="请输入" th:placeholder="#{c}"><b th:replace="~{f}"><i>原型</i></b></div>""",
				"", Parser.htmlParser());
		visit(document, false, "sample", found);
		assertThat(found).containsExactly("sample: 年度", "sample: <span th:text> '是'", "sample: <input placeholder> 请输入");
	}

	private static List<Path> templates(String folder) throws IOException {
		Path dir = folder.equals(".") ? TEMPLATES : TEMPLATES.resolve(folder);
		int depth = folder.equals(".") ? 1 : Integer.MAX_VALUE;
		try (Stream<Path> files = Files.walk(dir, depth)) {
			List<Path> list = new ArrayList<>(files.filter(f -> f.toString().endsWith(".html")).sorted().toList());
			if (folder.equals(".")) {
				try (Stream<Path> shared = Files.walk(TEMPLATES.resolve("fragments"))) {
					list.addAll(shared.filter(f -> f.toString().endsWith(".html")).sorted().toList());
				}
			}
			return list;
		}
	}

	private static void visit(Node node, boolean replaced, String file, List<String> found) {
		if (node instanceof TextNode text) {
			String words = text.text().strip();
			if (!replaced && CJK.matcher(words).find()) {
				found.add(file + ": " + words);
			}
			return;
		}
		boolean contentReplaced = replaced;
		if (node instanceof Element element) {
			String tag = element.tagName();
			if (tag.equals("script") || tag.equals("style")) {
				return;
			}
			for (Attribute attribute : element.attributes()) {
				String name = attribute.getKey();
				String value = attribute.getValue();
				if (name.startsWith("th:")) {
					Matcher literal = LITERAL.matcher(value);
					while (literal.find()) {
						if (CJK.matcher(literal.group(1)).find()) {
							found.add(file + ": <" + tag + " " + name + "> '" + literal.group(1) + "'");
						}
					}
					// the page's own <html th:replace="~{fragments/layout :: layout(...)}"> hands its sections to the layout
					if (REPLACING.contains(name) && !tag.equals("html")) {
						contentReplaced = true;
					}
				}
				else if (!replaced && CJK.matcher(value).find() && !element.hasAttr("th:" + name)
						&& !element.hasAttr("th:attr") && !(tag.equals("title") && element.hasAttr("th:replace"))) {
					found.add(file + ": <" + tag + " " + name + "> " + value);
				}
			}
		}
		for (Node child : node.childNodes()) {
			visit(child, contentReplaced, file, found);
		}
	}
}
