package org.quntuan.volunteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.quntuan.volunteer.VolunteerFixtures.Member;
import org.springframework.test.web.servlet.MvcResult;

class HoursApiTests extends VolunteerTestSupport {

	@Test
	void aClaimCountsOnlyOnceTheOrgansUnionVerifiesItAndTheVolunteerIsTold() throws Exception {
		Member m = volunteer("市财政局");
		long claim = claimed(m.username(), today(), "2.5");
		JsonNode before = myHours(m.username());
		assertThat(before.get("verifiedHours").asString()).isEqualTo("0.0");
		assertThat(before.get("pendingHours").asString()).isEqualTo("2.5");
		assertThat(before.get("entries").get(0).get("status").get("code").asString()).isEqualTo("PENDING");
		JsonNode waiting = body(getJson("orgadmin1", "/api/v1/volunteer-hours?size=200"));
		assertThat(waiting.findValues("id").stream().map(JsonNode::asLong).toList()).contains(claim);

		MvcResult verified = verify("orgadmin1", claim, true, null, null);
		expectStatus(verified, 200);
		JsonNode after = myHours(m.username());
		assertThat(after.get("verifiedHours").asString()).isEqualTo("2.5");
		assertThat(after.get("pendingHours").asString()).isEqualTo("0.0");
		JsonNode entry = after.get("entries").get(0);
		assertThat(entry.get("status").get("code").asString()).isEqualTo("VERIFIED");
		assertThat(entry.get("countedHours").asString()).isEqualTo("2.5");
		assertThat(entry.get("checkerName").asString()).isNotBlank();
		assertThat(notifications(m.username(), "volunteer-hours-verified")).isEqualTo(1);
		assertThat(audits("VOLUNTEER_HOURS", claim)).isEqualTo(2);
		assertThat(verifiedInDb(m.id())).isEqualByComparingTo("2.5");
	}

	@Test
	void verifyingOtherHoursNeedsAReasonAndWritesAnAdjustingEntryLeavingTheClaimAsItWas() throws Exception {
		Member m = volunteer("市财政局");
		long claim = claimed(m.username(), today(), "4");
		MvcResult noReason = verify("orgadmin1", claim, true, "3", null);
		assertThat(noReason.getResponse().getStatus()).isEqualTo(400);
		assertThat(checks(m.id())).isZero();
		expectStatus(verify("orgadmin1", claim, true, "3", "签到记录为三小时"), 200);
		assertThat(jdbc.sql("select hours from volunteer_hours where id = :id").param("id", claim).query(BigDecimal.class)
			.single()).isEqualByComparingTo("4");
		assertThat(jdbc.sql("""
				select hours from volunteer_hours where adjusts_id = :id and kind = 'ADJUSTMENT' and reason = '签到记录为三小时'""")
			.param("id", claim).query(BigDecimal.class).single()).isEqualByComparingTo("-1");
		JsonNode hours = myHours(m.username());
		assertThat(hours.get("verifiedHours").asString()).isEqualTo("3.0");
		assertThat(hours.get("entries")).hasSize(2);
		assertThat(verifiedInDb(m.id())).isEqualByComparingTo("3");

		// a later correction is one more entry, with its reason and author
		MvcResult corrected = adjust("orgadmin1", claim, "1.5", "补录返程服务");
		expectStatus(corrected, 201);
		assertThat(myHours(m.username()).get("verifiedHours").asString()).isEqualTo("4.5");
		assertThat(jdbc.sql("select author_name from volunteer_hours where id = :id")
			.param("id", body(corrected).get("id").asLong()).query(String.class).single()).isNotBlank();
		assertThat(adjust("orgadmin1", claim, "-5", "过多").getResponse().getStatus()).isEqualTo(422);
		assertThat(adjust("orgadmin1", claim, "-1", null).getResponse().getStatus()).isEqualTo(400);
		assertThat(adjust(m.username(), claim, "1", "自己加").getResponse().getStatus()).isEqualTo(403);
		assertThat(verifiedInDb(m.id())).isEqualByComparingTo("4.5");
	}

	@Test
	void aRejectedClaimNeverCountsAndCannotBeAdjusted() throws Exception {
		Member m = volunteer("市教育局");
		long claim = claimed(m.username(), today(), "6");
		assertThat(verify("orgadmin2", claim, false, null, null).getResponse().getStatus()).isEqualTo(400);
		expectStatus(verify("orgadmin2", claim, false, null, "无组织方证明"), 200);
		JsonNode hours = myHours(m.username());
		assertThat(hours.get("verifiedHours").asString()).isEqualTo("0.0");
		assertThat(hours.get("pendingHours").asString()).isEqualTo("0.0");
		assertThat(hours.get("entries").get(0).get("status").get("code").asString()).isEqualTo("REJECTED");
		assertThat(notifications(m.username(), "volunteer-hours-rejected")).isEqualTo(1);
		assertThat(adjust("orgadmin2", claim, "1", "补录").getResponse().getStatus()).isEqualTo(422);
		// the rejected hours leave the day free again
		expectStatus(claim(m.username(), today(), "24", "全天值守"), 201);
	}
}
