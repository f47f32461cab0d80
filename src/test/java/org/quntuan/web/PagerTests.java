package org.quntuan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;
import org.quntuan.support.IntegrationTest;
import org.springframework.mock.web.MockHttpSession;

/** The long lists page forward and back with their filters kept. */
class PagerTests extends IntegrationTest {

	private String page(MockHttpSession session, String url) throws Exception {
		return mvc.perform(get(url).session(session)).andReturn().getResponse().getContentAsString();
	}

	@Test
	void accountsAndTheAuditLogPageWithTheirFilters() throws Exception {
		MockHttpSession admin = login("admin");
		String accounts = page(admin, "/accounts?page=1");
		assertThat(accounts).contains("第 2 /").contains("&amp;page=0\">上一页").contains("&amp;page=2\">下一页");
		String audit = page(admin, "/audit?actor=admin&page=0");
		assertThat(audit).contains("共 ").doesNotContain("上一页");
		String inbox = page(admin, "/inbox");
		assertThat(inbox).contains("第 1 /");
	}
}
