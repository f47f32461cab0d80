package org.quntuan.finance.expenses;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
 * 经费支出 approval: the book's own admin (本级负责人审批), and above the configured amount a second,
 * different admin at the superior org (上级复核). The approval module leaves out the applicant and
 * whoever decided an earlier step, so nobody approves their own expense or approves it twice.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ExpenseSettings.class)
class ExpenseFlow {

	static final String SUBJECT = "EXPENSE";

	/** The fact the steps depend on: the amount as a plain decimal string. */
	static final String AMOUNT = "amount";

	static final Duration DUE_IN = Duration.ofDays(7);

	@Bean
	ApprovalFlow expenseApprovalFlow(ExpenseSettings settings, ExpenseFacts facts) {
		return new Flow(settings, facts);
	}

	record Flow(ExpenseSettings settings, ExpenseFacts facts) implements ApprovalFlow {

		@Override
		public List<ApprovalFact> summary(long subjectId) {
			return facts.of(subjectId);
		}

		/** A voucher needs its receipts: approving one without any takes the approver's stated reason. */
		@Override
		public String approvalCaveat(long subjectId) {
			return facts.receipts(subjectId) == 0 ? Texts.localized("finance.expense.approval.caveat") : null;
		}

		@Override
		public String subjectType() {
			return SUBJECT;
		}

		@Override
		public String label() {
			return Texts.localized("finance.expense.flow.label");
		}

		@Override
		public List<ApprovalStep> steps(ApprovalRequest request) {
			List<ApprovalStep> steps = new ArrayList<>();
			steps.add(ApprovalStep.anyOf(Texts.chinese("finance.expense.flow.own"), new ApproverRule(Role.ORG_ADMIN, ApproverRule.Reach.ORG_ITSELF),
					DUE_IN));
			String amount = request.facts().get(AMOUNT);
			if (amount == null || settings.needsSecondApproval(new BigDecimal(amount))) {
				steps.add(ApprovalStep.anyOf(Texts.chinese("finance.expense.flow.superior"), ApproverRule.superior(Role.ORG_ADMIN), DUE_IN));
			}
			return steps;
		}

		@Override
		public String link(long subjectId) {
			return "/finance/expenses/" + subjectId;
		}

		/** The expense page edits and resubmits together, so the approver always decides what the journal will get. */
		@Override
		public boolean resubmittedOnItsPage() {
			return true;
		}
	}
}
