package org.quntuan.governance.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quntuan.governance.mailbox.MailboxFixtures.letter;
import static org.quntuan.governance.mailbox.MailboxFixtures.version;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.quntuan.support.IntegrationTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

/**
 * An anonymous letter's writer appears nowhere the chair's office can reach: the board, the letter, the
 * summary and its export (API and pages), the office's notifications and the audit log it may read; also
 * not for the work committee when the letter is escalated. The writer still sees their own letter. The same
 * readings of a signed letter do show the writer, so the readings are the ones that would tell.
 */
class AnonymousLetterTests extends IntegrationTest {

	private String read(String username, MockHttpSession session, String path) throws Exception {
		MvcResult r = session == null ? mvc.perform(get(path).header("Authorization", bearer(username))).andReturn()
				: mvc.perform(get(path).session(session)).andReturn();
		assertThat(r.getResponse().getStatus()).as(username + " " + path).isEqualTo(200);
		String type = r.getResponse().getContentType();
		if (type != null && type.contains("spreadsheetml")) {
			return cells(r.getResponse().getContentAsByteArray());
		}
		return r.getResponse().getContentAsString();
	}

	private static String cells(byte[] xlsx) throws Exception {
		StringBuilder all = new StringBuilder();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			for (Sheet sheet : book) {
				for (Row row : sheet) {
					for (Cell cell : row) {
						all.append(cell).append('\t');
					}
				}
			}
		}
		return all.toString();
	}

	/** Everything the reader can reach about the letter and the mailbox. */
	private List<String> readings(String reader, long id) throws Exception {
		MockHttpSession session = login(reader);
		List<String> all = new ArrayList<>();
		String board = read(reader, null, "/api/v1/mailbox/letters?size=200");
		all.add(json.readTree(board).get("content").valueStream().filter(n -> n.get("id").asLong() == id).findFirst()
			.orElseThrow().toString());
		all.add(read(reader, null, "/api/v1/mailbox/letters/" + id));
		all.add(read(reader, null, "/api/v1/mailbox/summary"));
		all.add(read(reader, null, "/api/v1/mailbox/summary/export"));
		all.add(read(reader, null, "/api/v1/inbox?size=200"));
		all.add(read(reader, null, "/api/v1/audit-log?size=200&objectType=GOV_MAILBOX_LETTER&objectId=" + id));
		String page = read(null, session, "/mailbox/board?status=" + MailboxFixtures.status(jdbc, id));
		int at = page.indexOf("href=\"/mailbox/letters/" + id + "\"");
		assertThat(at).as("the letter on the board").isPositive();
		all.add(page.substring(at, page.indexOf("</a>", at)));
		all.add(read(null, session, "/mailbox/letters/" + id));
		all.add(read(null, session, "/mailbox/summary"));
		all.add(read(null, session, "/mailbox/summary.xlsx"));
		all.add(read(null, session, "/inbox"));
		return all;
	}

	private long write(String body) throws Exception {
		MvcResult r = mvc.perform(post("/api/v1/mailbox/letters").header("Authorization", bearer("member1"))
			.contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
		assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(201);
		return body(r).get("id").asLong();
	}

	private void answer(String username, long id) throws Exception {
		MvcResult r = mvc.perform(post("/api/v1/mailbox/letters/" + id + "/reply").header("Authorization", bearer(username))
			.contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"已收悉，正在协调。\",\"version\":" + version(jdbc, id) + "}"))
			.andReturn();
		assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(200);
	}

	private void rate(long id) throws Exception {
		assertThat(mvc.perform(post("/api/v1/mailbox/letters/" + id + "/rating").header("Authorization", bearer("member1"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"score\":3,\"comment\":\"一般\"}")).andReturn().getResponse()
			.getStatus()).isEqualTo(200);
	}

	@Test
	void theOfficeAndTheWorkCommitteeNeverSeeTheWriterOfAnAnonymousLetter() throws Exception {
		String name = jdbc.sql("select p.name from person p join account a on a.person_id = p.id where a.username = 'member1'")
			.query(String.class).single();
		String mobile = jdbc.sql("select p.mobile from person p join account a on a.person_id = p.id where a.username = 'member1'")
			.query(String.class).single();
		long hidden = write(letter("COMPLAINT", "科室负责人经常安排无偿加班。", true, null));
		long signed = write(letter("SUGGESTION", "建议开设职工书屋。", false, null));
		answer("orgadmin1", hidden);
		rate(hidden);
		jdbc.sql("update gov_mailbox_letter set escalated = true where id = :id").param("id", hidden).update();

		for (String reader : List.of("orgadmin1", "admin")) {
			for (String text : readings(reader, hidden)) {
				assertThat(text).as(reader).doesNotContain(name).doesNotContain(mobile).doesNotContain("member1")
					.doesNotContain("\"writerPersonId\"");
			}
		}
		assertThat(String.join("\n", readings("orgadmin1", hidden))).contains("科室负责人经常安排无偿加班");
		// the writer sees their own letter, and a signed letter shows its writer to the office (in the same readings)
		assertThat(read("member1", null, "/api/v1/mailbox/letters/" + hidden)).contains(name);
		assertThat(read("member1", null, "/api/v1/mailbox/letters/mine?size=200")).contains("科室负责人经常安排无偿加班");
		assertThat(read("orgadmin1", null, "/api/v1/mailbox/letters/" + signed)).contains(name);
		assertThat(String.join("\n", readings("orgadmin1", signed))).contains(name);
	}
}
