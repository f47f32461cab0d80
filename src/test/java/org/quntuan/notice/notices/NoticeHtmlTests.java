package org.quntuan.notice.notices;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The sanitizer of notice bodies keeps what the rich-text toolbar (fragments/richtext.html) produces
 * and removes scripts, event handlers, styles and unsafe links.
 */
class NoticeHtmlTests {

	@Test
	void whatTheToolbarProducesIsKept() {
		String editor = "<h3>一、学习安排</h3><p><strong>重点</strong>：<em>全文</em>学习，<u>按时</u>报送<br>第二行</p>"
				+ "<ul><li>第一条</li><li>第二条</li></ul><ol><li>甲</li></ol>"
				+ "<p><a href=\"https://example.org/x?a=1&amp;b=2\">原文</a> <a href=\"/notices/3\">站内</a></p>";
		assertThat(NoticeHtml.sanitize(editor)).isEqualTo("<h3>一、学习安排</h3><p><strong>重点</strong>：<em>全文</em>学习，<u>按时</u>报送<br>第二行</p>"
				+ "<ul><li>第一条</li><li>第二条</li></ul><ol><li>甲</li></ol>"
				+ "<p><a href=\"https://example.org/x?a=1&amp;b=2\" rel=\"noopener noreferrer\" target=\"_blank\">原文</a> "
				+ "<a href=\"/notices/3\" rel=\"noopener noreferrer\" target=\"_blank\">站内</a></p>");
	}

	@Test
	void scriptsHandlersStylesAndUnsafeLinksAreRemoved() {
		String hostile = "<p style=\"color:red\" onclick=\"alert(1)\">正文<script>alert(2)</script>"
				+ "<img src=x onerror=alert(3)><strong onmouseover=\"alert(4)\">重点</strong>"
				+ "<a href=\"javascript:alert(5)\">甲</a><a href=\" JaVaScRiPt:alert(6)\">乙</a>"
				+ "<a href=\"//evil.example/\">丙</a><a href=\"data:text/html,x\">丁</a></p><style>p{}</style>";
		String clean = NoticeHtml.sanitize(hostile);
		assertThat(clean).doesNotContain("script", "style", "onclick", "onerror", "onmouseover", "alert", "<img", "evil",
				"data:", "color");
		assertThat(clean).isEqualTo("<p>正文<strong>重点</strong><a>甲</a><a>乙</a><a>丙</a><a>丁</a></p>");
	}

	@Test
	void plainTextFromTheTextAreaWithoutScriptStillMakesParagraphs() {
		assertThat(NoticeHtml.sanitize("第一段\n第二行\n\n第二段 <b")).isEqualTo("<p>第一段<br>第二行</p><p>第二段 &lt;b</p>");
	}

}
