package org.quntuan.learning.materials;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class MaterialSanitizerTest {

	/** Attack strings from the OWASP XSS filter evasion cheat sheet and friends. */
	private static final List<String> ATTACKS = List.of(
			"<script>alert(1)</script>",
			"<SCRIPT SRC=//xss.example/x.js></SCRIPT>",
			"<img src=x onerror=alert(1)>",
			"<p onclick=\"alert(1)\">点我</p>",
			"<a href=\"javascript:alert(1)\">链接</a>",
			"<a href=\"JaVaScRiPt:alert(1)\">链接</a>",
			"<a href=\"jav&#x09;ascript:alert(1)\">链接</a>",
			"<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">链接</a>",
			"<a href=\" javascript:alert(1)\">链接</a>",
			"<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">链接</a>",
			"<a href=\"vbscript:msgbox(1)\">链接</a>",
			"<svg onload=alert(1)><circle r=1></circle></svg>",
			"<iframe src=\"javascript:alert(1)\"></iframe>",
			"<body onload=alert(1)>",
			"<div style=\"background:url(javascript:alert(1))\">x</div>",
			"<style>@import 'javascript:alert(1)';</style>",
			"<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
			"<table background=\"javascript:alert(1)\"><tr><td onmouseover=alert(1)>x</td></tr></table>",
			"<<script>script>alert(1)<</script>/script>",
			"<form action=\"javascript:alert(1)\"><button>提交</button></form>",
			"<object data=\"javascript:alert(1)\"></object><embed src=\"javascript:alert(1)\">",
			"<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
			"<p>正文</p><!--<script>alert(1)</script>-->",
			"<h3 onmouseover=alert(1) style=\"color:red\">标题</h3>");

	@Test
	void noScriptNoEventHandlerNoJavascriptUrlSurvives() {
		for (String attack : ATTACKS) {
			String clean = MaterialHtml.sanitize(attack).toLowerCase(Locale.ROOT);
			assertThat(clean).as(attack).doesNotContain("<script", "javascript:", "vbscript:", "data:", "<iframe", "<svg",
					"<style", "<object", "<embed", "<form", "<meta", "<img", "style=");
			assertThat(clean).as(attack).doesNotContainPattern("\\son[a-z]+\\s*=");
		}
	}

	@Test
	void theFormattingOfAnArticleStays() {
		String html = "<h3>第一章</h3><p>劳动者享有<strong>平等就业</strong>和<em>选择职业</em>的权利。</p>"
				+ "<ul><li>一</li><li>二</li></ul><blockquote>引文</blockquote>"
				+ "<p><a href=\"https://www.npc.gov.cn/\">全国人大</a></p>";
		String clean = MaterialHtml.sanitize(html);
		assertThat(clean).contains("<h3>第一章</h3>", "<strong>平等就业</strong>", "<em>选择职业</em>", "<li>一</li>",
				"<blockquote>引文</blockquote>", "href=\"https://www.npc.gov.cn/\"", "rel=\"noopener noreferrer\"");
		assertThat(MaterialHtml.text(clean)).startsWith("第一章").contains("平等就业");
	}

	@Test
	void plainTextBecomesParagraphsAndItsMarkupCharactersStayText() {
		assertThat(MaterialHtml.sanitize("第一段\n第二行\n\n第二段 a < b &")).isEqualTo("<p>第一段<br>第二行</p><p>第二段 a &lt; b &amp;</p>");
	}
}
