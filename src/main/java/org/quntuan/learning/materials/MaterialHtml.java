package org.quntuan.learning.materials;

import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Cleans the HTML of an article with jsoup's {@link Safelist} before it is stored, so the page may
 * show it as HTML: the formatting a rich-text editor produces (paragraphs, emphasis, headings,
 * lists, quotes, tables and links over http(s) or mailto) and nothing else. Script and style elements,
 * every event handler and style attribute and every URL with another scheme ({@code javascript:},
 * {@code data:}, {@code vbscript:}) are dropped, and so are images (a picture from another site would tell
 * it who reads). Links open in a new tab without an opener.
 */
final class MaterialHtml {

	private static final Safelist SAFELIST = Safelist.relaxed()
		.removeTags("div", "span", "cite", "dl", "dt", "dd", "q", "small", "sub", "sup", "img")
		.addTags("hr", "s")
		.removeAttributes("table", "summary", "width")
		.removeAttributes("td", "abbr", "axis", "colspan", "rowspan", "width")
		.removeAttributes("th", "abbr", "axis", "colspan", "rowspan", "scope", "width")
		.removeAttributes("col", "span", "width")
		.removeAttributes("colgroup", "span", "width")
		.removeAttributes("ol", "start", "type")
		.removeAttributes("ul", "type")
		.removeAttributes("blockquote", "cite")
		.removeProtocols("a", "href", "ftp")
		.addEnforcedAttribute("a", "rel", "noopener noreferrer")
		.addEnforcedAttribute("a", "target", "_blank");

	/** Something that looks like a tag, a comment or a declaration: the input is taken as HTML. */
	private static final Pattern MARKUP = Pattern.compile("<[a-zA-Z!/?]");

	private static final Document.OutputSettings OUTPUT = new Document.OutputSettings().prettyPrint(false);

	private MaterialHtml() {
	}

	/** The cleaned HTML; text without any markup becomes paragraphs (blank lines) and line breaks. */
	static String sanitize(String input) {
		if (input == null || input.isBlank()) {
			return "";
		}
		String html = MARKUP.matcher(input).find() ? input : plainToHtml(input);
		return Jsoup.clean(html, "", SAFELIST, OUTPUT).strip();
	}

	/** The visible text of stored HTML: what the reading time is counted on. */
	static String text(String html) {
		return html == null || html.isEmpty() ? "" : Jsoup.parse(html).text().strip();
	}

	private static String plainToHtml(String text) {
		StringBuilder out = new StringBuilder();
		for (String paragraph : text.strip().split("\\R\\s*\\R")) {
			if (!paragraph.isBlank()) {
				out.append("<p>").append(escape(paragraph.strip()).replaceAll("\\R", "<br>")).append("</p>");
			}
		}
		return out.toString();
	}

	private static String escape(String s) {
		return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}
}
