package org.quntuan.finance.expenses;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.quntuan.activity.ActivityQueries;
import org.quntuan.approval.ApprovalFact;
import org.quntuan.finance.Amounts;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.quntuan.platform.files.FileStorage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the approver of an expense reads on the approval page: the book, category, amount, use, date,
 * the related activity and how many receipts are attached, as the expense is now.
 */
@Component
class ExpenseFacts {

	private final JdbcClient jdbc;

	private final FileStorage files;

	private final ActivityQueries activities;

	ExpenseFacts(JdbcClient jdbc, FileStorage files, ActivityQueries activities) {
		this.activities = activities;
		this.jdbc = jdbc;
		this.files = files;
	}

	List<ApprovalFact> of(long expenseId) {
		return jdbc.sql("""
				select o.name org_name, c.name category_name, e.amount, e.purpose, e.expense_date, e.activity_id
				from fin_expense e join org o on o.id = e.org_id join fin_category c on c.code = e.category_code
				where e.id = :id""")
			.param("id", expenseId)
			.query((rs, i) -> {
				List<ApprovalFact> facts = new ArrayList<>();
				facts.add(new ApprovalFact(Texts.localized("finance.expense.fact.book"), rs.getString("org_name")));
				facts.add(new ApprovalFact(Texts.localized("finance.expense.fact.category"), rs.getString("category_name")));
				facts.add(new ApprovalFact(Texts.localized("finance.expense.fact.amount"),
						Texts.localized("finance.expense.fact.amountValue", Amounts.format(rs.getObject("amount", BigDecimal.class)))));
				facts.add(new ApprovalFact(Texts.localized("finance.expense.fact.purpose"), rs.getString("purpose")));
				facts.add(new ApprovalFact(Texts.localized("finance.expense.fact.date"), rs.getObject("expense_date", LocalDate.class).toString()));
				long activity = rs.getLong("activity_id");
				if (!rs.wasNull()) {
					facts.add(new ApprovalFact(Texts.localized("finance.expense.fact.activity"), activities.ref(activity)
						.map(a -> Texts.localized("finance.expense.fact.activityValue", a.title(),
								a.startAt().atZoneSameInstant(Zones.BUSINESS).toLocalDate().toString()))
						.orElse(Texts.localized("finance.expense.fact.activityNo", activity))));
				}
				return facts;
			})
			.optional()
			.map(facts -> {
				int receipts = receipts(expenseId);
				facts.add(new ApprovalFact(Texts.localized("finance.expense.fact.receipts"), receipts == 0
					? Texts.localized("finance.expense.fact.receiptsNone")
					: Texts.localized("finance.expense.fact.receiptsCount", receipts)));
				return List.copyOf(facts);
			})
			.orElse(List.of());
	}

	int receipts(long expenseId) {
		return files.ofOwner(Expenses.FILE_OWNER, expenseId).size();
	}
}
