package org.quntuan.approval;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.Role;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

/** Flows of test subjects, and a listener that records outcomes (or refuses them, for one type). */
@TestConfiguration(proxyBeanMethods = false)
public class TestFlows {

	public static final String ONE_STEP = "TEST_ONE_STEP";

	public static final String TWO_STEPS = "TEST_TWO_STEPS";

	public static final String ALL_AGREE = "TEST_ALL_AGREE";

	public static final String REFUSING = "TEST_REFUSING";

	public static final String ANY_HERE = "TEST_ANY_HERE";

	/** Every ApprovalDecided seen, in order. */
	public static final List<ApprovalDecided> DECIDED = new CopyOnWriteArrayList<>();

	record Flow(String subjectType, String label, List<ApprovalStep> fixed, boolean bulkApprovable) implements ApprovalFlow {

		@Override
		public List<ApprovalStep> steps(ApprovalRequest request) {
			return fixed;
		}

		@Override
		public String link(long subjectId) {
			return "/orgs";
		}
	}

	@Bean
	ApprovalFlow testOneStep() {
		return new Flow(ONE_STEP, "测试事项（一级）",
				List.of(ApprovalStep.anyOf("上级审批", ApproverRule.superior(Role.ORG_ADMIN), Duration.ofDays(3))), true);
	}

	@Bean
	ApprovalFlow testTwoSteps() {
		return new Flow(TWO_STEPS, "测试事项（两级）",
				List.of(ApprovalStep.anyOf("片组审批", ApproverRule.superior(Role.ORG_ADMIN), null),
						ApprovalStep.anyOf("工委审批", ApproverRule.federation(), null)),
				false);
	}

	@Bean
	ApprovalFlow testAllAgree() {
		return new Flow(ALL_AGREE, "测试事项（会签）",
				List.of(new ApprovalStep("会签", new ApproverRule(Role.ORG_ADMIN, ApproverRule.Reach.ORG_ITSELF), true, null)),
				false);
	}

	@Bean
	ApprovalFlow testAnyHere() {
		return new Flow(ANY_HERE, "测试事项（任一）",
				List.of(ApprovalStep.anyOf("本级审批", new ApproverRule(Role.ORG_ADMIN, ApproverRule.Reach.ORG_ITSELF), null)),
				false);
	}

	@Bean
	ApprovalFlow testRefusing() {
		return new Flow(REFUSING, "测试事项（拒收）",
				List.of(ApprovalStep.anyOf("上级审批", ApproverRule.superior(Role.ORG_ADMIN), null)), false);
	}

	@Bean
	Recorder testApprovalRecorder() {
		return new Recorder();
	}

	static class Recorder {

		@EventListener
		void on(ApprovalDecided event) {
			if (event.subjectType().equals(REFUSING) && event.outcome() == ApprovalStatus.APPROVED) {
				throw new BusinessRuleException("申请对象已不符合条件，不能通过");
			}
			DECIDED.add(event);
		}
	}
}
