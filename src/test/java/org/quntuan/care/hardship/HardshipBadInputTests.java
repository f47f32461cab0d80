package org.quntuan.care.hardship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.quntuan.care.hardship.HardshipFixtures.Member;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

/** Refused input says what is wrong, in Chinese, and changes nothing. */
class HardshipBadInputTests extends HardshipTestSupport {

	private long rows() {
		return count("select count(*) from care_hardship_subsidy") + count("select count(*) from care_hardship_case")
				+ count("select count(*) from approval where subject_type = 'CARE_SUBSIDY'")
				+ count("select count(*) from stored_file where owner_type like 'CARE_%'")
				+ count("select count(*) from fin_txn where source_type = 'CARE_SUBSIDY'");
	}

	@Test
	void anApplicationOverTheYearlyCapOfTheLevelIsRefusedWithTheFigures() throws Exception {
		Member m = freshMember("市财政局");
		register(m, "GENERAL");
		long before = rows();
		MvcResult r = apply(m.username(), "3000.01", "超过上限");
		assertThat(r.getResponse().getStatus()).isEqualTo(422);
		assertThat(body(r).get("detail").asString())
			.isEqualTo("超过年度补助上限：一般困难每人每年 3,000.00 元，本年已发放 0.00 元，本次申请 3,000.01 元");
		assertThat(rows()).isEqualTo(before);
		expectStatus(apply(m.username(), "3000", "正好到上限"), 201);
	}

	@Test
	void twoApplicationsWithinTheCapEachButNotTogetherPayOnlyTheFirstAndTheSecondApprovalIsNotRecorded() throws Exception {
		Member m = freshMember("市财政局");
		register(m, "GENERAL");
		JsonNode first = applied(m.username(), "2000");
		JsonNode second = applied(m.username(), "1500");
		approveBoth(first.get("approvalId").asLong());
		long approval = second.get("approvalId").asLong();
		expectStatus(decide("orgadmin1", approval, "APPROVE", null), 200);
		MvcResult refused = decide("admin", approval, "APPROVE", null);
		assertThat(refused.getResponse().getStatus()).isEqualTo(422);
		assertThat(body(refused).get("detail").asString())
			.isEqualTo("超过年度补助上限：一般困难每人每年 3,000.00 元，本年已发放 2,000.00 元，本次申请 1,500.00 元");
		assertThat(status(second.get("id").asLong())).isEqualTo("PENDING");
		assertThat(postings(second.get("id").asLong())).isZero();
		assertThat(jdbc.sql("select status from approval where id = :a").param("a", approval).query(String.class).single())
			.isEqualTo("IN_PROGRESS");
		assertThat(paid(m.id())).isEqualByComparingTo("2000");
		// the federation rejects it instead, with a reason
		expectStatus(decide("admin", approval, "REJECT", "超过年度上限"), 200);
		assertThat(status(second.get("id").asLong())).isEqualTo("REJECTED");
	}

	@Test
	void aDocumentOfAForbiddenTypeIsRefusedAndTheApplicationWithItIsNotFiled() throws Exception {
		Member m = freshMember("市财政局");
		long id = register(m, "GENERAL");
		long before = rows();
		MvcResult r = upload("orgadmin1", "/api/v1/care/hardship-cases/" + id + "/documents", "病历.exe", new byte[] { 'M', 'Z', 0, 0 });
		assertThat(r.getResponse().getStatus()).isEqualTo(400);
		assertThat(body(r).get("detail").asString()).isEqualTo("文件类型不受支持，仅接受 .pdf、.png、.jpg、.jpeg 文件");
		// the page form files the application and its documents together, or nothing
		MvcResult page = mvc.perform(multipart("/care/hardship/subsidies")
			.file(new MockMultipartFile("files", "证明.pdf", "application/pdf", PDF))
			.file(new MockMultipartFile("files", "证明.docm", "application/octet-stream", new byte[] { 'P', 'K', 3, 4 }))
			.param("amount", "600").param("reason", "带有不允许类型的材料").session(login(m.username())).with(csrf()))
			.andReturn();
		assertThat(page.getResponse().getRedirectedUrl()).isEqualTo("/care/hardship/subsidies/new");
		assertThat(page.getFlashMap().get("error").toString()).isNotBlank();
		assertThat(rows()).isEqualTo(before);
	}

	@Test
	void malformedAmountsReasonsAndEntriesAreRefusedAtTheirFields() throws Exception {
		Member m = freshMember("市财政局");
		register(m, "GENERAL");
		long before = rows();
		for (String amount : new String[] { "abc", "-5", "0", "12.345", "" }) {
			MvcResult r = apply(m.username(), amount, "理由");
			assertThat(r.getResponse().getStatus()).as(amount).isEqualTo(400);
			assertThat(body(r).toString()).as(amount).contains("amount");
		}
		MvcResult noReason = apply(m.username(), "100", " ");
		assertThat(noReason.getResponse().getStatus()).isEqualTo(400);
		assertThat(body(noReason).get("detail").asString()).isEqualTo("请填写申请理由");
		Member other = freshMember("市财政局");
		MvcResult entry = postJson("orgadmin1", "/api/v1/care/hardship-cases", """
				{"personId":%d,"causes":["NOPE"],"householdSize":0,"incomePerHead":"x","level":"中等"}""".formatted(other.id()));
		assertThat(entry.getResponse().getStatus()).isEqualTo(400);
		String problems = body(entry).toString();
		assertThat(problems).contains("causes").contains("householdSize").contains("incomePerHead").contains("level");
		assertThat(problems).contains("困难原因「NOPE」无效").contains("家庭人口应为 1 至 30 人");
		// not on the register: nothing to apply on
		MvcResult unregistered = apply(other.username(), "100", "未建档");
		assertThat(unregistered.getResponse().getStatus()).isEqualTo(422);
		assertThat(body(unregistered).get("detail").asString()).isEqualTo("未列入困难职工档案，不能申请困难补助");
		assertThat(rows()).isEqualTo(before);
		// one entry per person
		MvcResult twice = postJson("orgadmin1", "/api/v1/care/hardship-cases", """
				{"personId":%d,"causes":["ILLNESS"],"householdSize":2,"incomePerHead":"900","level":"GENERAL"}""".formatted(m.id()));
		assertThat(twice.getResponse().getStatus()).isEqualTo(409);
		assertThat(rows()).isEqualTo(before);
	}
}
