package org.quntuan.badinput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Names and titles are one line of visible characters: {@code 张\u200b三} beside 张三 would be a second
 * person nobody can find, an override makes a title read backwards. They are refused in Chinese, at the
 * field; long texts keep their lines and lose the overrides.
 */
class BadInputInvisibleCharactersTests extends BadInputTest {

	private MvcResult send(MockHttpServletRequestBuilder request, String body) throws Exception {
		return mvc.perform(request.header("Authorization", bearer("admin")).contentType(MediaType.APPLICATION_JSON)
			.content(body)).andReturn();
	}

	private MvcResult send(MockHttpServletRequestBuilder request, Object body) throws Exception {
		return send(request, json.writeValueAsString(body));
	}

	private void assertRefusedAt(MvcResult result, String field, String words) throws Exception {
		assertChineseProblem(result, 400);
		assertThat(body(result).get("errors").get(0).get("field").asString()).isEqualTo(field);
		assertThat(body(result).get("errors").get(0).get("message").asString()).contains(words);
	}

	@Test
	void aPersonNamedWithAZeroWidthSpaceIsRefusedNotStoredUnsearchable() throws Exception {
		Map<String, Long> before = rows();
		Map<String, Object> person = newPerson(orgId("市财政局"));
		person.put("name", "张\u200b三");
		assertRefusedAt(send(post("/api/v1/members"), person), "name", "不可见字符");
		for (String name : new String[] { "\u200b\u200c", "\ufeff李四", "王\u202e五", "赵\n六", "钱\t七", "\u3164" }) {
			person.put("name", name);
			MvcResult result = send(post("/api/v1/members"), person);
			assertChineseProblem(result, 400);
			assertThat(body(result).get("errors").get(0).get("field").asString()).as(name).isEqualTo("name");
		}
		assertThat(rows()).isEqualTo(before);
	}

	@Test
	void aLoneSurrogateIsRefusedRatherThanStoredAsAQuestionMark() throws Exception {
		Map<String, Long> before = rows();
		Map<String, Object> person = newPerson(orgId("市财政局"));
		person.put("name", "NAME");
		String body = json.writeValueAsString(person).replace("NAME", "张\\ud800三");
		assertRefusedAt(send(post("/api/v1/members"), body), "name", "无法识别的字符");
		person.put("name", "刘德华");
		person.put("position", "POSITION");
		body = json.writeValueAsString(person).replace("POSITION", "科员\\udc00");
		assertRefusedAt(send(post("/api/v1/members"), body), "position", "无法识别的字符");
		assertThat(rows()).isEqualTo(before);
	}

	@Test
	void orgNamesActivityTitlesAndNoticeTitlesAreSingleVisibleLines() throws Exception {
		Map<String, Long> before = rows();
		long org = orgId("市财政局");
		assertRefusedAt(send(put("/api/v1/orgs/" + org), Map.of("name", "市财政局\u202e局政财", "version", orgVersion(org))),
				"name", "文字方向控制符");
		assertRefusedAt(send(post("/api/v1/orgs"), Map.of("parentId", org, "type", "CLUB", "name", "读书会\r\n第二行")),
				"name", "一行文字");
		assertThat(orgName(org)).isEqualTo("市财政局");
		long notices = jdbc.sql("select count(*) from notice").query(Long.class).single();
		assertRefusedAt(send(post("/api/v1/notices"), Map.of("title", "\ufeff关于开展健步走活动的通知", "body", "请参加。", "targets",
				Map.of("orgIds", List.of(orgId("市财政局工会"))))), "title", "不可见字符");
		assertRefusedAt(send(post("/api/v1/activities"), Map.of("title", "篮球赛\u2028报名", "type", "SPORTS_CULTURE")), "title",
				"一行文字");
		assertThat(jdbc.sql("select count(*) from notice").query(Long.class).single()).isEqualTo(notices);
		assertThat(rows()).isEqualTo(before);
	}

	@Test
	void aNoticeBodyKeepsItsParagraphsButLosesDirectionOverrides() throws Exception {
		String title = "关于方向控制符的通知" + System.nanoTime() % 100000;
		MvcResult result = send(post("/api/v1/notices"), Map.of("title", title, "body", "第一段\u202e反向\u202c。\r\n\r\n第二段。",
				"targets", Map.of("orgIds", List.of(orgId("市财政局工会")))));
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(201);
		String stored = jdbc.sql("select body from notice where title = :t").param("t", title).query(String.class).single();
		assertThat(stored).doesNotContain("\u202e", "\u202c", "\r").contains("第一段反向。", "第二段。");
	}
}
