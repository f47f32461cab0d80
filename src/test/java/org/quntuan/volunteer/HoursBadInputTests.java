package org.quntuan.volunteer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.quntuan.volunteer.VolunteerFixtures.Member;
import org.springframework.test.web.servlet.MvcResult;

/** Bad claims and checks: a clear error naming the problem, and the ledger as it was. */
class HoursBadInputTests extends VolunteerTestSupport {

	@Test
	void claimsOutsideADayOrHalfHoursOrInTheFutureAreRefusedAndNothingIsWritten() throws Exception {
		Member m = volunteer("市财政局");
		refused(m, claim(m.username(), today(), "24.5", "超过一天"), 400, "hours");
		refused(m, claim(m.username(), today(), "0", "零"), 400, "hours");
		refused(m, claim(m.username(), today(), "-2", "负数"), 400, "hours");
		refused(m, claim(m.username(), today(), "1.25", "一刻钟"), 400, "hours");
		refused(m, claim(m.username(), today(), "两小时", "汉字"), 400, "hours");
		refused(m, claim(m.username(), today(), null, "没有时长"), 400, "hours");
		refused(m, claim(m.username(), today().plusDays(1), "2", "明天"), 400, "date");
		refused(m, claim(m.username(), null, "2", "没有日期"), 400, "date");
		refused(m, claim(m.username(), today(), "2", null), 400, "description");
		// the sum of a day's claims: 20 stands, 5 more would make 25
		claimed(m.username(), today(), "20");
		long before = entries(m.id());
		MvcResult full = claim(m.username(), today(), "5", "同一天");
		assertThat(full.getResponse().getStatus()).isEqualTo(422);
		assertThat(body(full).get("detail").asString()).contains("24");
		assertThat(entries(m.id())).isEqualTo(before);
		expectStatus(claim(m.username(), today(), "4", "同一天"), 201);
	}

	@Test
	void verifyingOnesOwnTwiceOrUpToMoreThanADayIsRefusedAndNothingChanges() throws Exception {
		Member m = volunteer("市财政局");
		long claim = claimed(m.username(), today(), "8");
		assertThat(verify(m.username(), claim, true, null, null).getResponse().getStatus()).isEqualTo(403);
		assertThat(verify("orgadmin1", claim, true, "25", "多").getResponse().getStatus()).isEqualTo(400);
		claimed(m.username(), today(), "15");
		// 15 + 10 would be 25 hours on the day
		assertThat(verify("orgadmin1", claim, true, "10", "加时").getResponse().getStatus()).isEqualTo(422);
		assertThat(checks(m.id())).isZero();
		expectStatus(verify("orgadmin1", claim, true, null, null), 200);
		long entries = entries(m.id());
		MvcResult twice = verify("group1", claim, false, null, "重复核实");
		assertThat(twice.getResponse().getStatus()).isEqualTo(409);
		assertThat(checks(m.id())).isEqualTo(1);
		assertThat(entries(m.id())).isEqualTo(entries);
		assertThat(verifiedInDb(m.id())).isEqualByComparingTo("8");
		// out of reach: another organ's union, another member
		long other = claimed(m.username(), today(), "1");
		assertThat(verify("orgadmin2", other, true, null, null).getResponse().getStatus()).isEqualTo(404);
		assertThat(verify("member1", other, true, null, null).getResponse().getStatus()).isEqualTo(404);
		assertThat(checks(m.id())).isEqualTo(1);
	}

	@Test
	void onlyApprovedVolunteersClaim() throws Exception {
		Member m = freshMember("市财政局");
		assertThat(claim(m.username(), today(), "2", "未注册").getResponse().getStatus()).isEqualTo(422);
		registered(m);
		assertThat(claim(m.username(), today(), "2", "待审核").getResponse().getStatus()).isEqualTo(422);
		assertThat(entries(m.id())).isZero();
	}

	/** Refused before the member has any entry: the ledger stays empty. */
	private void refused(Member m, MvcResult r, int status, String field) throws Exception {
		assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(status);
		assertThat(r.getResponse().getContentAsString()).contains(field);
		assertThat(entries(m.id())).isZero();
	}
}
