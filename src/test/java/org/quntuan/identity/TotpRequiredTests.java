package org.quntuan.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quntuan.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * With {@code quntuan.security.totp-required-for-admins=true}, an admin without TOTP reaches only the
 * enrolment page, on every request (not just after sign-in). The filter is built here with the
 * setting on, against the shared context's database, so no second Spring context is needed.
 */
class TotpRequiredTests extends IntegrationTest {

	@Autowired
	JsonMapper jsonMapper;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	private MockHttpServletResponse request(String username, String path, boolean api) throws Exception {
		long id = jdbc.sql("select id from account where username = :u").param("u", username).query(Long.class).single();
		Long person = jdbc.sql("select person_id from account where username = :u").param("u", username)
			.query(Long.class).optional().orElse(null);
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken
			.authenticated(new AccountPrincipal(id, username, username, person), null, List.of()));
		AccountStatusFilter filter = new AccountStatusFilter(jdbc, jsonMapper, api, true);
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(new MockHttpServletRequest("GET", path), response, new MockFilterChain());
		return response;
	}

	@Test
	void anAdminWithoutTotpIsSentToEnrolOnEveryPageAndRefusedOnTheApi() throws Exception {
		assertThat(request("group5", "/orgs", false).getRedirectedUrl()).isEqualTo(TotpPageController.ENROL_PAGE);
		assertThat(request("group5", TotpPageController.ENROL_PAGE, false).getRedirectedUrl()).isNull();
		MockHttpServletResponse api = request("group5", "/api/v1/orgs/tree", true);
		assertThat(api.getStatus()).isEqualTo(403);
		assertThat(api.getContentAsString()).contains("动态验证码");
		assertThat(request("group5", "/api/v1/me", true).getStatus()).isEqualTo(200);
	}

	@Test
	void membersAndEnrolledAdminsAreNotAffected() throws Exception {
		assertThat(request("member1", "/orgs", false).getRedirectedUrl()).isNull();
		jdbc.sql("update account set totp_secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' where username = 'group6'").update();
		assertThat(request("group6", "/orgs", false).getRedirectedUrl()).isNull();
		jdbc.sql("update account set totp_secret = null where username = 'group6'").update();
	}
}
