package org.quntuan.finance.expenses;

import java.io.InputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.quntuan.finance.Amounts;
import org.quntuan.finance.budgets.Budgets;

/** What expenses come in as and go out as. Amounts travel as strings with two decimals ("1280.50"). */
public final class ExpenseViews {

	private ExpenseViews() {
	}

	/**
	 * An expense as filed or edited; the amount is what the user typed.
	 *
	 * @param date the expense date, today when null
	 * @param activityId the activity it paid for, or null
	 */
	public record Input(Long orgId, String category, String amount, String purpose, LocalDate date, Long activityId)
			implements Serializable {
	}

	/** An uploaded file on its way in. */
	public record Upload(String name, InputStream content, long size) {
	}

	public record Receipt(long id, String name, String kind, long size) {
	}

	/** A row of the list. */
	record Item(long id, long orgId, String orgName, LocalDate date, String category, String categoryName,
			String amount, String purpose, String applicantName, String status, String statusLabel, Long approvalId,
			Long txnId, OffsetDateTime createdAt) {

		/** 1,280.50, for pages. */
		public String amountText() {
			return Amounts.format(new BigDecimal(amount));
		}
	}

	/**
	 * One expense with its receipts.
	 *
	 * @param budgetWarning while the expense awaits a decision: the sentence of {@link Budgets#warningFor} when it
	 *     would take its category past the year's budget; null otherwise
	 * @param editable the caller is the applicant and it was returned for changes
	 * @param withdrawable the caller is the applicant and it awaits a decision
	 */
	public record View(long id, long orgId, String orgName, LocalDate date, String category, String categoryName,
			String amount, String purpose, Long activityId, String applicantName, String status, String statusLabel,
			Long approvalId, Long txnId, String budgetWarning, List<Receipt> receipts, int version,
			OffsetDateTime createdAt, OffsetDateTime updatedAt, boolean editable, boolean withdrawable) {

		/** 1,280.50, for pages. */
		public String amountText() {
			return Amounts.format(new BigDecimal(amount));
		}
	}
}
