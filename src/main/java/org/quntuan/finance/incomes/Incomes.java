package org.quntuan.finance.incomes;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.finance.Amounts;
import org.quntuan.finance.Categories;
import org.quntuan.finance.Category;
import org.quntuan.finance.FinanceAccess;
import org.quntuan.finance.Journal;
import org.quntuan.finance.expenses.ExpenseViews;
import org.quntuan.organization.OrgSummary;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.TextInput;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.quntuan.platform.files.FileKind;
import org.quntuan.platform.files.FileStorage;
import org.quntuan.platform.files.StoredFile;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 收入登记: income that arrives without an approval (拨缴经费, 上级补助, 其他收入) is recorded by a
 * keeper and posted to the journal in the same transaction. Dues come in through 会费收缴 only.
 */
@Service
@Transactional
class Incomes {

	static final String FILE_OWNER = "FIN_INCOME";

	static final Set<FileKind> DOCUMENT_KINDS = EnumSet.of(FileKind.PDF, FileKind.PNG, FileKind.JPEG, FileKind.DOCX,
			FileKind.XLSX);

	static final int MAX_DOCUMENTS = 20;

	/** @param date the day the money came in, today when null */
	public record Input(Long orgId, String category, String amount, LocalDate date, String counterparty, String memo) {
	}

	private final IncomeRepository incomes;

	private final IncomeQueries queries;

	private final FinanceAccess access;

	private final Categories categories;

	private final Journal journal;

	private final FileStorage files;

	private final AuditLog audit;

	private final Clock clock;

	Incomes(IncomeRepository incomes, IncomeQueries queries, FinanceAccess access, Categories categories,
			Journal journal, FileStorage files, AuditLog audit, Clock clock) {
		this.incomes = incomes;
		this.queries = queries;
		this.access = access;
		this.categories = categories;
		this.journal = journal;
		this.files = files;
		this.audit = audit;
		this.clock = clock;
	}

	/** Records and posts an income, with a document or none; all or nothing. */
	public IncomeQueries.View record(Input input, ExpenseViews.Upload document) {
		if (input == null || input.orgId() == null) {
			throw new InvalidValueException("orgId", "finance.income.error.noBook");
		}
		OrgSummary book = access.keepable(input.orgId());
		Category category = categories.require("category", input.category(), Category.Kind.INCOME);
		if ("DUES".equals(category.code())) {
			throw new InvalidValueException("category", "finance.income.error.dues");
		}
		BigDecimal amount = Amounts.positive("amount", input.amount());
		LocalDate today = LocalDate.now(clock.withZone(Zones.BUSINESS));
		LocalDate date = input.date() == null ? today : input.date();
		if (date.isAfter(today)) {
			throw new InvalidValueException("date", "finance.income.error.dateTooLate");
		}
		if (date.getYear() < 2000) {
			throw new InvalidValueException("date", "finance.income.error.dateTooEarly");
		}
		String counterparty = TextInput.normalize(input.counterparty());
		if (counterparty == null) {
			throw new InvalidValueException("counterparty", "finance.income.error.noCounterparty");
		}
		if (counterparty.length() > 200) {
			throw new InvalidValueException("counterparty", "finance.income.error.counterpartyTooLong");
		}
		String memo = TextInput.normalize(input.memo());
		if (memo != null && memo.length() > 500) {
			throw new InvalidValueException("memo", "finance.income.error.memoTooLong");
		}
		journal.requireOpen(book.id(), date);
		long accountId = access.user().accountId();
		OffsetDateTime now = OffsetDateTime.now(clock);
		long id = incomes.insert(book.id(), category.code(), amount, date, counterparty, memo, accountId, now);
		long txnId = journal.post(Journal.simple(book.id(), date, category, amount, counterparty,
				memo == null ? category.name() + "：" + counterparty : memo, "INCOME", id, "POST", accountId)).txnId();
		incomes.setTxn(id, txnId);
		if (document != null && document.content() != null) {
			files.store(FILE_OWNER, id, document.name(), document.content(), document.size(), DOCUMENT_KINDS);
		}
		audit.record(AuditType.CREATE, FILE_OWNER, id, AuditLog.SUCCESS, Texts.chinese("finance.income.audit.recorded",
				book.name(), category.name(), Amounts.format(amount), counterparty), book.path());
		return queries.view(id);
	}

	/** A document of a recorded income (拨款通知, 银行回单…), added by a keeper of the book. */
	public StoredFile attach(long id, ExpenseViews.Upload document) {
		long orgId = incomes.orgOf(id).orElseThrow(IncomeQueries::notFound);
		OrgSummary book = IncomeQueries.readable(access, orgId);
		access.keepable(orgId);
		if (document == null || document.content() == null) {
			throw new InvalidValueException("file", "finance.income.error.noFile");
		}
		if (files.ofOwner(FILE_OWNER, id).size() >= MAX_DOCUMENTS) {
			throw new BusinessRuleException("finance.income.error.tooManyDocuments", MAX_DOCUMENTS);
		}
		StoredFile stored = files.store(FILE_OWNER, id, document.name(), document.content(), document.size(),
				DOCUMENT_KINDS);
		audit.record(AuditType.CREATE, FILE_OWNER, id, AuditLog.SUCCESS, Texts.chinese("finance.income.audit.document", stored.originalName()),
				book.path());
		return stored;
	}
}
