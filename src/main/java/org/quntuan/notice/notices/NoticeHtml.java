package org.quntuan.notice.notices;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reduces the body of a notice to a small whitelist of HTML before it is stored, so that the page can
 * show it as HTML: paragraphs, line breaks, emphasis, headings, lists, quotes, tables and links to
 * http(s), mailto or paths of the platform. Every attribute but a link's href is dropped, script and
 * style elements lose their content too, comments go, and open elements are closed at the end. Text
 * without any tag is taken as plain text: blank lines make paragraphs, line breaks stay.
 */
final class NoticeHtml {

	private static final Set<String> ALLOWED = Set.of("p", "br", "b", "strong", "i", "em", "u", "s", "h3", "h4", "h5",
			"ul", "ol", "li", "blockquote", "a", "table", "thead", "tbody", "tr", "th", "td", "hr");

	private static final Set<String> VOID = Set.of("br", "hr");

	/** Elements dropped with everything inside them. */
	private static final Set<String> DROPPED = Set.of("script", "style", "iframe", "object", "embed", "template",
			"noscript", "textarea", "select", "svg", "math", "title", "head");

	private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]*)([^<>]*)>|<!--.*?(-->|$)|<![^>]*>|<\\?[^>]*>",
			Pattern.DOTALL);

	private static final Pattern HREF = Pattern.compile("\\bhref\\s*=\\s*(\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+))",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern SAFE_URL = Pattern.compile("(https?://|mailto:|/(?![/\\\\]))[^\\s\"'<>`\\\\]*",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern ENTITY = Pattern.compile("&(#\\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,10});");

	private NoticeHtml() {
	}

	static String sanitize(String input) {
		if (input == null) {
			return "";
		}
		String text = input.replace("\r\n", "\n").replace('\r', '\n');
		Matcher m = TAG.matcher(text);
		if (!hasAllowedTag(text)) {
			return plain(m.replaceAll(""));
		}
		m.reset();
		StringBuilder out = new StringBuilder(text.length());
		Deque<String> open = new ArrayDeque<>();
		int at = 0;
		String skipping = null;
		while (m.find()) {
			if (skipping == null) {
				out.append(escapeText(text.substring(at, m.start())));
			}
			at = m.end();
			String name = m.group(2) == null ? null : m.group(2).toLowerCase(Locale.ROOT);
			if (name == null) {
				continue; // comment, doctype, processing instruction
			}
			boolean closing = !m.group(1).isEmpty();
			if (skipping != null) {
				if (closing && name.equals(skipping)) {
					skipping = null;
				}
				continue;
			}
			if (DROPPED.contains(name)) {
				if (!closing && !m.group(3).strip().endsWith("/")) {
					skipping = name;
				}
				continue;
			}
			if (!ALLOWED.contains(name)) {
				continue;
			}
			if (VOID.contains(name)) {
				if (!closing) {
					out.append('<').append(name).append('>');
				}
			}
			else if (closing) {
				if (open.contains(name)) {
					while (!open.isEmpty()) {
						String top = open.pop();
						out.append("</").append(top).append('>');
						if (top.equals(name)) {
							break;
						}
					}
				}
			}
			else if (name.equals("a")) {
				String href = href(m.group(3));
				out.append(href == null ? "<a>" : "<a href=\"" + escapeAttribute(href) + "\" rel=\"noopener noreferrer\" target=\"_blank\">");
				open.push(name);
			}
			else {
				out.append('<').append(name).append('>');
				open.push(name);
			}
		}
		if (skipping == null) {
			out.append(escapeText(text.substring(at)));
		}
		while (!open.isEmpty()) {
			out.append("</").append(open.pop()).append('>');
		}
		return out.toString().strip();
	}

	/** The text of a stored body without its markup, for previews and search. */
	static String toText(String html) {
		if (html == null) {
			return "";
		}
		String text = html.replaceAll("(?i)<br>|</p>|</li>|</h[345]>|</tr>", " ").replaceAll("<[^>]*>", "");
		return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
			.replace("&nbsp;", " ").replace("&amp;", "&").replaceAll("\\s+", " ").strip();
	}

	private static boolean hasAllowedTag(String text) {
		Matcher m = TAG.matcher(text);
		while (m.find()) {
			if (m.group(2) != null && ALLOWED.contains(m.group(2).toLowerCase(Locale.ROOT))) {
				return true;
			}
		}
		return false;
	}

	private static String plain(String text) {
		StringBuilder out = new StringBuilder();
		for (String paragraph : text.strip().split("\n\\s*\n")) {
			if (!paragraph.isBlank()) {
				out.append("<p>").append(escapeAll(paragraph.strip()).replace("\n", "<br>")).append("</p>");
			}
		}
		return out.toString();
	}

	private static String href(String attributes) {
		Matcher h = HREF.matcher(attributes);
		if (!h.find()) {
			return null;
		}
		String value = h.group(2) != null ? h.group(2) : h.group(3) != null ? h.group(3) : h.group(4);
		value = value.replace("&amp;", "&").strip();
		return SAFE_URL.matcher(value).matches() ? value : null;
	}

	/** Escapes markup characters but keeps well-formed entities such as &amp;nbsp; as they are. */
	private static String escapeText(String s) {
		StringBuilder out = new StringBuilder(s.length());
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				case '&' -> {
					Matcher e = ENTITY.matcher(s).region(i, s.length());
					out.append(e.lookingAt() ? "&" : "&amp;");
				}
				default -> out.append(c);
			}
		}
		return out.toString();
	}

	private static String escapeAll(String s) {
		return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
			.replace("'", "&#39;");
	}

	private static String escapeAttribute(String s) {
		return escapeAll(s);
	}
}
