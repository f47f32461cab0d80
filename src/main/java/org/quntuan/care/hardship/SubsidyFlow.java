package org.quntuan.care.hardship;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.quntuan.approval.ApprovalFact;
import org.quntuan.approval.ApprovalFlow;
import org.quntuan.approval.ApprovalRequest;
import org.quntuan.approval.ApprovalStep;
import org.quntuan.approval.ApproverRule;
import org.quntuan.finance.Amounts;
import org.quntuan.platform.Role;
import org.quntuan.platform.Text;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * 困难会员补助 approval: the organ's union reviews (单位工会审核), then the federation approves (工委审批).
 * The approval module leaves out the applicant and whoever decided the first step, so an admin who
 * applied for a member does not review their own application.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HardshipSettings.class)
class SubsidyFlow {

	static final String SUBJECT = "CARE_SUBSIDY";

	static final Duration DUE_IN = Duration.ofDays(7);

	@Bean
	ApprovalFlow subsidyApprovalFlow(HardshipRepository repository, HardshipSettings settings, Clock clock) {
		return new Flow(repository, settings, clock);
	}

	record Flow(HardshipRepository repository, HardshipSettings settings, Clock clock) implements ApprovalFlow {

		@Override
		public String subjectType() {
			return SUBJECT;
		}

		@Override
		public String label() {
			return Texts.localized("hardship.flow.label");
		}

		@Override
		public List<ApprovalStep> steps(ApprovalRequest request) {
			return List.of(
					ApprovalStep.anyOf(Texts.chinese("hardship.flow.union"),
							new ApproverRule(Role.ORG_ADMIN, ApproverRule.Reach.ORG_ITSELF), DUE_IN),
					ApprovalStep.anyOf(Texts.chinese("hardship.flow.federation"), ApproverRule.federation(), DUE_IN));
		}

		@Override
		public String link(long subjectId) {
			return "/care/hardship/subsidies/" + subjectId;
		}

		/** A member's hardship: the applicant, the approvers and the admins above read it; the auditors do not. */
		@Override
		public boolean readableByAuditors() {
			return false;
		}

		/** The application page edits and resubmits together, so the approvers always decide what will be paid. */
		@Override
		public boolean resubmittedOnItsPage() {
			return true;
		}

		/** The person, the level, the amount and what the person has had this year against the cap. */
		@Override
		public List<ApprovalFact> summary(long subjectId) {
			return repository.findSubsidy(subjectId).map(s -> {
				HardshipRepository.CaseRow c = repository.findCase(s.caseId()).orElseThrow();
				int year = LocalDate.now(clock.withZone(Zones.BUSINESS)).getYear();
				return List.of(
						new ApprovalFact(Texts.localized("hardship.fact.person"), s.personName()),
						new ApprovalFact(Texts.localized("hardship.fact.level"), Texts.localized(Text.label(c.level()))),
						new ApprovalFact(Texts.localized("hardship.fact.amount"),
								Texts.localized("hardship.yuan", Amounts.format(s.amount()))),
						new ApprovalFact(Texts.localized("hardship.fact.paid"),
								Texts.localized("hardship.fact.paid.value", Amounts.format(repository.paidIn(s.personId(), year)),
										Amounts.format(settings.capFor(c.level())))));
			}).orElse(List.of());
		}
	}
}
