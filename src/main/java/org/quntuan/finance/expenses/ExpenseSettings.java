package org.quntuan.finance.expenses;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How expenses are approved: above {@code quntuan.finance.second-approval-above} yuan (default
 * 5,000.00) an expense needs a second, different approver at the superior org (上级复核).
 */
@ConfigurationProperties("quntuan.finance")
record ExpenseSettings(@DefaultValue("5000.00") BigDecimal secondApprovalAbove) {

	ExpenseSettings {
		if (secondApprovalAbove == null || secondApprovalAbove.signum() < 0) {
			throw new IllegalArgumentException("quntuan.finance.second-approval-above 应为不小于 0 的金额");
		}
	}

	boolean needsSecondApproval(BigDecimal amount) {
		return amount.compareTo(secondApprovalAbove) > 0;
	}
}
