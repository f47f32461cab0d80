package org.quntuan.organization;

import java.time.Duration;
import java.util.List;
import java.util.function.LongFunction;
import java.util.function.LongUnaryOperator;
import java.util.stream.Collectors;

import org.quntuan.approval.ApprovalFact;
import org.quntuan.approval.ApprovalFlow;
import org.quntuan.approval.ApprovalRequest;
import org.quntuan.approval.ApprovalStep;
import org.quntuan.approval.ApproverRule;
import org.quntuan.platform.Role;
import org.quntuan.platform.Texts;
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
	ApprovalFlow reelectionRequestFlow(ReelectionRepository reelections, OrgRepository orgs) {
		return new Flow(Reelections.REQUEST, "换届请示", Texts.chinese("organization.reelection.approval.request-step"),
				id -> id, id -> requestFacts(reelections, orgs, id));
	}

	/** What the superior reads before approving a request: the org, the date, the seats and the candidates. */
	static List<ApprovalFact> requestFacts(ReelectionRepository reelections, OrgRepository orgs, long id) {
		return reelections.find(id).map(r -> {
			List<ReelectionRepository.CandidateRow> candidates = reelections.candidates(id);
			String names = candidates.stream().limit(10).map(ReelectionRepository.CandidateRow::name)
				.collect(Collectors.joining("、"));
			return List.of(new ApprovalFact("组织", orgs.findById(r.orgId()).map(o -> o.name()).orElse("")),
					new ApprovalFact("拟选举日期", r.plannedDate().toString()),
					new ApprovalFact("应选名额", Texts.localized("organization.reelection.fact.seats", r.seats())),
					new ApprovalFact("候选人", names.isEmpty()
							? Texts.localized("organization.reelection.fact.candidates", candidates.size())
							: Texts.localized(candidates.size() > 10 ? "organization.reelection.fact.candidates-named-more"
									: "organization.reelection.fact.candidates-named", candidates.size(), names)),
					new ApprovalFact("换届事由", r.reason()));
		}).orElse(List.of());
	}

	/** The subject of a result is one report; its page is the re-election's. */
	@Bean
	ApprovalFlow reelectionResultFlow(ReelectionRepository reelections) {
		return new Flow(Reelections.RESULT, "选举结果报告", Texts.chinese("organization.reelection.approval.result-step"),
				reportId -> reelections.reelectionOfReport(reportId).orElse(0L), reportId -> List.of());
	}

	record Flow(String subjectType, String label, String stepName, LongUnaryOperator page,
			LongFunction<List<ApprovalFact>> facts) implements ApprovalFlow {

		@Override
		public List<ApprovalFact> summary(long subjectId) {
			return facts.apply(subjectId);
		}

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
