package org.quntuan.member.union;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.time.OffsetDateTime;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.quntuan.member.union.UnionFixtures.Person;
import org.quntuan.platform.SignedTokens;
import org.quntuan.support.TestClock;

/**
 * 电子会员证: the member's card with a signed short-lived QR token, and the public check that shows the
 * masked name and the union for a genuine token of a member, and only "invalid" otherwise.
 */
class MemberCardTests extends UnionTestSupport {

	private String verify(String token) throws Exception {
		return mvc.perform(get("/verify/member-cards/" + token)).andReturn().getResponse().getContentAsString();
	}

	@Test
	void aMembersCardVerifiesWithTheMaskedNameAndUnionOnly() throws Exception {
		Person p = member();
		JsonNode card = body(expect(getJson(p.username(), "/api/v1/me/member-card"), 200));
		String name = card.get("name").asString();
		assertThat(card.get("unionName").asString()).isEqualTo("市财政局工会");
		assertThat(card.get("memberNumber").asString()).isNotBlank();
		assertThat(card.get("joinedOn").asString()).isEqualTo(UnionFixtures.today().toString());
		String token = card.get("token").asString();
		assertThat(token).startsWith(p.id() + ".");
		assertThat(card.get("verifyUrl").asString()).endsWith("/verify/member-cards/" + token);

		String page = verify(token);
		assertThat(page).contains("有效：持证人为工会会员").contains(name.substring(0, 1) + "*****").contains("市财政局工会")
			.doesNotContain(name).doesNotContain(card.get("memberNumber").asString()).doesNotContain(p.idNumber());
		// tampered: another person's id under this signature, or a changed signature
		assertThat(verify((p.id() + 1) + token.substring(token.indexOf('.')))).contains("无效").doesNotContain("市财政局工会");
		assertThat(verify(token.substring(0, token.length() - 2) + "xx")).contains("无效");
		assertThat(verify("nonsense")).contains("无效");
		// expired
		String secret = jdbc.sql("select secret from member_union_card_key where id = 1").query(String.class).single();
		String old = p.id() + "." + SignedTokens.issue(String.valueOf(p.id()), secret,
				OffsetDateTime.now(TestClock.CLOCK).minusMinutes(10), Duration.ofMinutes(5));
		assertThat(verify(old)).contains("无效");
		// no longer a member
		expect(postJson("orgadmin1", "/api/v1/union/members/" + p.id() + "/exit",
				"{\"kind\":\"LEFT\",\"reason\":\"退会\",\"version\":%d}".formatted(personVersion(p.id()))), 200);
		assertThat(verify(token)).contains("无效").doesNotContain("市财政局工会");
		expect(getJson(p.username(), "/api/v1/me/member-card"), 422);
	}

	@Test
	void someoneWhoIsNoMemberHasNoCard() throws Exception {
		Person p = UnionFixtures.person(jdbc, "市财政局", "NOT_MEMBER");
		assertThat(body(expect(getJson(p.username(), "/api/v1/me/member-card"), 422)).get("detail").asString())
			.isEqualTo("您目前不是工会会员，没有电子会员证。");
		expect(getJson("admin", "/api/v1/me/member-card"), 403);
		String page = mvc.perform(get("/union/card").session(login(p.username()))).andReturn().getResponse()
			.getContentAsString();
		assertThat(page).contains("您目前不是工会会员，没有电子会员证。").contains("/union/apply").doesNotContain("member-card-qr");
	}

	@Test
	void theMaskKeepsTheSurnameOnly() {
		assertThat(MemberCards.masked("张三")).isEqualTo("张*");
		assertThat(MemberCards.masked("欧阳娜娜")).isEqualTo("欧***");
		assertThat(MemberCards.masked("李")).isEqualTo("李*");
	}
}
