package org.quntuan.organization;

import java.time.Duration;
import java.util.List;
import java.util.function.LongUnaryOperator;

import org.quntuan.approval.ApprovalFlow;
import org.quntuan.approval.ApprovalRequest;
import org.quntuan.approval.ApprovalStep;
import org.quntuan.approval.ApproverRule;
import org.quntuan.platform.Role;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The two approvals of a re-election, both by the superior (the 片组 for an organ's union, the
 * federation for a group): the request (换届请示) and the result report (选举结果报告).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TermSettings.class)
class ReelectionFlows {

	static final Duration DUE_IN = Duration.ofDays(10);

	@Bean
	ApprovalFlow reelectionRequestFlow() {
		return new Flow(Reelections.REQUEST, "换届请示", "上级审批换届请示", id -> id);
	}

	/** The subject of a result is one report; its page is the re-election's. */
	@Bean
	ApprovalFlow reelectionResultFlow(ReelectionRepository reelections) {
		return new Flow(Reelections.RESULT, "选举结果报告", "上级审批选举结果",
				reportId -> reelections.reelectionOfReport(reportId).orElse(0L));
	}

	record Flow(String subjectType, String label, String stepName, LongUnaryOperator page) implements ApprovalFlow {

		@Override
		public List<ApprovalStep> steps(ApprovalRequest request) {
			return List.of(ApprovalStep.anyOf(stepName, ApproverRule.superior(Role.ORG_ADMIN), DUE_IN));
		}

		@Override
		public String link(long subjectId) {
			return "/reelections/" + page.applyAsLong(subjectId);
		}
	}
}
