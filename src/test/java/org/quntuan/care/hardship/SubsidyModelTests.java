package org.quntuan.care.hardship;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.quntuan.care.hardship.HardshipFixtures.Member;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Random applications, approvals at either step, rejections and repeated decisions against a model:
 * subsidy payouts equal the journal's lines for them, never over a cap, none twice. The seed is printed;
 * {@code -Dhardship.seed=} replays a run.
 */
class SubsidyModelTests extends HardshipTestSupport {

	private static final BigDecimal GENERAL_CAP = new BigDecimal("3000.00");

	private static final BigDecimal SEVERE_CAP = new BigDecimal("6000.00");

	private record Open(long id, long approvalId, Member member, BigDecimal amount, int[] step) {
	}

	@Test
	void subsidyPayoutsEqualTheJournalsLinesForThemNeverOverACapNoneTwice() throws Exception {
		long seed = Long.getLong("hardship.seed", 20261206L);
		System.out.println("SubsidyModelTests seed " + seed);
		Random random = new Random(seed);
		List<Member> people = new ArrayList<>();
		Map<Long, BigDecimal> caps = new HashMap<>();
		Map<Long, BigDecimal> paid = new HashMap<>();
		for (int i = 0; i < 4; i++) {
			Member m = freshMember("市财政局");
			boolean severe = i % 2 == 1;
			register(m, severe ? "SEVERE" : "GENERAL");
			people.add(m);
			caps.put(m.id(), severe ? SEVERE_CAP : GENERAL_CAP);
			paid.put(m.id(), BigDecimal.ZERO.setScale(2));
		}
		List<Open> open = new ArrayList<>();
		List<Open> approved = new ArrayList<>();
		List<Long> all = new ArrayList<>();
		for (int round = 0; round < 60; round++) {
			int action = random.nextInt(10);
			if (action < 4 || open.isEmpty()) {
				Member m = people.get(random.nextInt(people.size()));
				BigDecimal amount = BigDecimal.valueOf(100 + random.nextInt(2400) * 100L + random.nextInt(100), 2)
					.setScale(2);
				MvcResult r = apply(m.username(), amount.toPlainString(), "随机申请 " + round);
				if (paid.get(m.id()).add(amount).compareTo(caps.get(m.id())) > 0) {
					assertThat(r.getResponse().getStatus()).as("over the cap at filing, round " + round).isEqualTo(422);
				}
				else {
					expectStatus(r, 201);
					JsonNode b = body(r);
					Open o = new Open(b.get("id").asLong(), b.get("approvalId").asLong(), m, amount, new int[] { 0 });
					open.add(o);
					all.add(o.id());
				}
			}
			else if (action < 8) {
				Open o = open.get(random.nextInt(open.size()));
				if (o.step()[0] == 0) {
					expectStatus(decide("orgadmin1", o.approvalId(), "APPROVE", null), 200);
					o.step()[0] = 1;
				}
				else {
					MvcResult r = decide("admin", o.approvalId(), "APPROVE", null);
					BigDecimal after = paid.get(o.member().id()).add(o.amount());
					if (after.compareTo(caps.get(o.member().id())) > 0) {
						assertThat(r.getResponse().getStatus()).as("over the cap at payout, round " + round).isEqualTo(422);
						expectStatus(decide("admin", o.approvalId(), "REJECT", "超过年度上限"), 200);
					}
					else {
						expectStatus(r, 200);
						paid.put(o.member().id(), after);
						approved.add(o);
					}
					open.remove(o);
				}
			}
			else if (action == 8) {
				Open o = open.remove(random.nextInt(open.size()));
				expectStatus(decide(o.step()[0] == 0 ? "orgadmin1" : "admin", o.approvalId(), "REJECT", "材料不足"), 200);
			}
			else if (!approved.isEmpty()) {
				Open o = approved.get(random.nextInt(approved.size()));
				assertThat(decide("admin", o.approvalId(), "APPROVE", null).getResponse().getStatus()).isEqualTo(409);
			}
		}
		for (Member m : people) {
			assertThat(paid(m.id())).as("paid to " + m.id()).isEqualByComparingTo(paid.get(m.id()));
			assertThat(paid.get(m.id())).isLessThanOrEqualTo(caps.get(m.id()));
			BigDecimal journal = jdbc.sql("""
					select coalesce(sum(l.amount), 0) from fin_line l join fin_txn t on t.id = l.txn_id
					join care_hardship_subsidy s on s.id = t.source_id
					where t.source_type = 'CARE_SUBSIDY' and l.account = 'RIGHTS' and s.person_id = :p""")
				.param("p", m.id()).query(BigDecimal.class).single();
			assertThat(journal).as("journal lines of " + m.id()).isEqualByComparingTo(paid.get(m.id()));
		}
		for (long id : all) {
			boolean isPaid = approved.stream().anyMatch(o -> o.id() == id);
			assertThat(postings(id)).as("postings of " + id).isEqualTo(isPaid ? 1 : 0);
			assertThat(status(id).equals("APPROVED")).isEqualTo(isPaid);
		}
		assertThat(approved).isNotEmpty();
	}
}
