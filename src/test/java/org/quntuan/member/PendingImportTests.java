package org.quntuan.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.quntuan.member.ImportFiles.Person;
import org.quntuan.support.IntegrationTest;
import org.quntuan.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The checked file waits in the database, not on the node that checked it: a confirmation from
 * another session of the same account (as from another node behind the load balancer) imports it,
 * another account's confirmation is refused, an old one is refused with its reason, and two
 * confirmations at once import once.
 */
class PendingImportTests extends IntegrationTest {

	private static final String GONE = "没有待导入的文件，或页面已过期，请重新上传。";

	@Autowired
	PendingImports pending;

	/** Uploads a correct file of {@code people} new people of 市财政局 and returns the token the page got. */
	private String preview(MockHttpSession session, int people) throws Exception {
		List<List<Object>> rows = new ArrayList<>();
		for (int i = 0; i < people; i++) {
			rows.add(Person.next(i % 2 == 0).row("市财政局"));
		}
		mvc.perform(multipart("/members/import").file(ImportFiles.file(ImportFiles.xlsx(rows))).session(session).with(csrf()))
			.andExpect(redirectedUrl("/members/import"));
		PendingImport kept = (PendingImport) session.getAttribute(PendingImport.SESSION_KEY);
		assertThat(kept.preview().ok()).isTrue();
		return kept.token();
	}

	private long people() {
		return jdbc.sql("select count(*) from person").query(Long.class).single();
	}

	private boolean kept(String token) {
		return jdbc.sql("select count(*) from member_pending_import where token = :t").param("t", token).query(Long.class)
			.single() == 1;
	}

	@Test
	void aPreviewOfOneSessionIsConfirmedFromAnotherSessionOfTheSameAccount() throws Exception {
		String token = preview(login("orgadmin1"), 2);
		assertThat(kept(token)).isTrue();
		long before = people();

		MockHttpSession otherNode = login("orgadmin1");
		assertThat(otherNode.getAttribute(PendingImport.SESSION_KEY)).isNull();
		mvc.perform(post("/members/import/confirm").param("token", token).session(otherNode).with(csrf()))
			.andExpect(redirectedUrl("/members")).andExpect(flash().attribute("success", "已导入 2 人"));
		assertThat(people()).isEqualTo(before + 2);
		assertThat(kept(token)).isFalse();

		// the first session's page still offers the token: it is gone, nothing is imported again
		mvc.perform(post("/members/import/confirm").param("token", token).session(login("orgadmin1")).with(csrf()))
			.andExpect(redirectedUrl("/members/import")).andExpect(flash().attribute("error", GONE));
		assertThat(people()).isEqualTo(before + 2);
	}

	@Test
	void anotherAccountCannotConfirmOrCancelTheFileAndItsOwnerStillCan() throws Exception {
		MockHttpSession owner = login("orgadmin1");
		String token = preview(owner, 1);
		long before = people();

		MockHttpSession stranger = login("admin");
		mvc.perform(post("/members/import/confirm").param("token", token).session(stranger).with(csrf()))
			.andExpect(redirectedUrl("/members/import")).andExpect(flash().attribute("error", GONE));
		mvc.perform(post("/members/import/cancel").param("token", token).session(stranger).with(csrf()))
			.andExpect(redirectedUrl("/members/import"));
		assertThat(people()).isEqualTo(before);
		assertThat(kept(token)).isTrue();

		mvc.perform(post("/members/import/confirm").param("token", token).session(owner).with(csrf()))
			.andExpect(redirectedUrl("/members")).andExpect(flash().attribute("success", "已导入 1 人"));
		assertThat(people()).isEqualTo(before + 1);
	}

	@Test
	void aFileWaitingLongerThanAnHourIsRefusedWithItsReasonAndTheCleanupForgetsIt() throws Exception {
		MockHttpSession session = login("orgadmin1");
		String old = preview(session, 1);
		String abandoned = preview(login("orgadmin1"), 1);
		String fresh = preview(login("orgadmin1"), 1);
		OffsetDateTime hourAgo = OffsetDateTime.now(TestClock.CLOCK).minusMinutes(61);
		jdbc.sql("update member_pending_import set created_at = :t where token in (:k)").param("t", hourAgo)
			.param("k", List.of(old, abandoned)).update();
		long before = people();

		mvc.perform(post("/members/import/confirm").param("token", old).session(session).with(csrf()))
			.andExpect(redirectedUrl("/members/import"))
			.andExpect(flash().attribute("error", "上传的文件超过 60 分钟未确认导入，已失效，请重新上传校验。"));
		assertThat(people()).isEqualTo(before);
		assertThat(session.getAttribute(PendingImport.SESSION_KEY)).isNull();
		assertThat(kept(old)).isFalse();

		// what nobody came back for goes with the scheduled cleanup; a file checked a minute ago stays
		assertThat(pending.removeExpired()).isPositive();
		assertThat(kept(abandoned)).isFalse();
		assertThat(kept(fresh)).isTrue();
	}

	@Test
	void cancellingForgetsTheKeptFile() throws Exception {
		MockHttpSession session = login("orgadmin1");
		String token = preview(session, 1);
		mvc.perform(post("/members/import/cancel").param("token", token).session(session).with(csrf()))
			.andExpect(redirectedUrl("/members/import"));
		assertThat(kept(token)).isFalse();
		assertThat(session.getAttribute(PendingImport.SESSION_KEY)).isNull();
	}

	/** A double click, or the same page confirmed on two nodes at once: the row lock lets one import. */
	@Test
	@Tag("postgres-only")
	void twoConfirmationsAtOnceImportTheFileOnce() throws Exception {
		String token = preview(login("orgadmin1"), 3);
		List<MockHttpSession> sessions = List.of(login("orgadmin1"), login("orgadmin1"), login("orgadmin1"),
				login("orgadmin1"));
		long before = people();
		ExecutorService pool = Executors.newFixedThreadPool(sessions.size());
		CountDownLatch start = new CountDownLatch(1);
		List<String> outcomes = new ArrayList<>();
		try {
			List<Callable<String>> calls = new ArrayList<>();
			for (MockHttpSession s : sessions) {
				calls.add(() -> {
					start.await();
					MvcResult r = mvc.perform(post("/members/import/confirm").param("token", token).session(s).with(csrf()))
						.andReturn();
					return r.getResponse().getRedirectedUrl() + " " + r.getFlashMap().get("success") + " "
							+ r.getFlashMap().get("error");
				});
			}
			List<Future<String>> futures = new ArrayList<>();
			for (Callable<String> c : calls) {
				futures.add(pool.submit(c));
			}
			start.countDown();
			for (Future<String> f : futures) {
				outcomes.add(f.get());
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(outcomes).filteredOn(o -> o.startsWith("/members ")).containsExactly("/members 已导入 3 人 null");
		assertThat(outcomes).filteredOn(o -> !o.startsWith("/members ")).hasSize(sessions.size() - 1)
			.allMatch(o -> o.equals("/members/import null " + GONE), "refused as gone");
		assertThat(people()).isEqualTo(before + 3);
		assertThat(kept(token)).isFalse();
	}
}
