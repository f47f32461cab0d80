package org.quntuan.finance.expenses;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.quntuan.activity.ActivityQueries;
import org.quntuan.approval.ApprovalManagement;
import org.quntuan.approval.ApprovalQueries;
import org.quntuan.approval.ApprovalRef;
import org.quntuan.approval.ApprovalRequest;
import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.finance.Amounts;
import org.quntuan.finance.Categories;
import org.quntuan.finance.Category;
import org.quntuan.finance.FinanceAccess;
import org.quntuan.finance.Journal;
import org.quntuan.organization.OrgSummary;
import org.quntuan.organization.OrgType;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.ConflictException;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.Text;
import org.quntuan.platform.TextInput;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.quntuan.platform.files.FileKind;
import org.quntuan.platform.files.FileStorage;
import org.quntuan.platform.files.StoredFile;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 经费支出: a keeper of a book files an expense, which goes to approval at once; the applicant may
 * withdraw it before a decision, or edit and resubmit it when it was returned. What the approval
 * decides is applied by {@link ExpenseOutcomes}: an approved expense is posted to the journal.
 */
@Service
@Transactional
public class Expenses {

	static final String FILE_OWNER = "FIN_EXPENSE";

	static final Set<FileKind> RECEIPT_KINDS = EnumSet.of(FileKind.PDF, FileKind.PNG, FileKind.JPEG);

	static final int MAX_RECEIPTS = 20;

	private final ActivityQueries activities;

	private final ExpenseRepository expenses;

	private final ExpenseQueries queries;

	private final FinanceAccess access;

	private final Categories categories;

	private final Journal journal;

	private final ApprovalManagement approvals;

	private final ApprovalQueries approvalQueries;

	private final ExpenseSettings settings;

	private final FileStorage files;

	private final AuditLog audit;

	private final Clock clock;

	Expenses(ExpenseRepository expenses, ExpenseQueries queries, FinanceAccess access, Categories categories,
			Journal journal, ApprovalManagement approvals, ApprovalQueries approvalQueries, ExpenseSettings settings,
			FileStorage files, AuditLog audit, Clock clock, ActivityQueries activities) {
		this.activities = activities;
		this.expenses = expenses;
		this.queries = queries;
		this.access = access;
		this.categories = categories;
		this.journal = journal;
		this.approvals = approvals;
		this.approvalQueries = approvalQueries;
		this.settings = settings;
		this.files = files;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Files an expense with its receipts (none is fine) and asks for its approval, all or nothing: a
	 * receipt of a type not accepted leaves nothing behind.
	 */
	public ExpenseViews.View file(ExpenseViews.Input input, List<ExpenseViews.Upload> receipts) {
		if (input == null || input.orgId() == null) {
			throw new InvalidValueException("orgId", "finance.expense.error.noBook");
		}
		OrgSummary book = access.keepable(input.orgId());
		Checked c = check(input);
		requireActivityOf(book, input.activityId());
		journal.requireOpen(book.id(), c.fields().expenseDate());
		List<ExpenseViews.Upload> uploads = receipts == null ? List.of() : receipts;
		if (uploads.size() > MAX_RECEIPTS) {
			throw new InvalidValueException("file", Text.of("finance.expense.error.tooManyReceipts", MAX_RECEIPTS));
		}
		OffsetDateTime now = OffsetDateTime.now(clock);
		long id = expenses.insert(book.id(), book.path(), c.fields(), access.user().accountId(), now);
		for (ExpenseViews.Upload upload : uploads) {
			store(id, upload);
		}
		String title = Texts.chinese("finance.expense.approval.title", book.name(), c.category().name(),
				Amounts.format(c.fields().amount()));
		ApprovalRef approval = approvals.request(new ApprovalRequest(ExpenseFlow.SUBJECT, id, title, book.id(),
				book.path(), Map.of(ExpenseFlow.AMOUNT, c.fields().amount().toPlainString())));
		expenses.setApproval(id, approval.id());
		audit.record(AuditType.CREATE, FILE_OWNER, id, AuditLog.SUCCESS,
				Texts.chinese("finance.expense.audit.filed", title, c.fields().purpose()), book.path());
		return queries.view(id);
	}

	/** The applicant changes an expense that was returned for changes; {@code version} is the one they saw. */
	ExpenseViews.View edit(long id, ExpenseViews.Input input, Integer version) {
		ExpenseRepository.Row row = lockAsApplicant(id, "finance.expense.error.notApplicant.edit");
		if (row.status() != ExpenseStatus.RETURNED) {
			throw new BusinessRuleException("finance.expense.error.editNotReturned", row.status());
		}
		if (version == null) {
			throw new InvalidValueException("version", "finance.expense.error.noVersion");
		}
		if (version != row.version()) {
			throw stale();
		}
		if (input == null) {
			throw new InvalidValueException("amount", "finance.expense.error.noInput");
		}
		Checked c = check(input);
		requireActivityOf(access.readable(row.orgId()), input.activityId());
		journal.requireOpen(row.orgId(), c.fields().expenseDate());
		requireSteps(row, c.fields().amount());
		if (!expenses.update(id, version, c.fields(), OffsetDateTime.now(clock))) {
			throw stale();
		}
		audit.record(AuditType.UPDATE, FILE_OWNER, id, AuditLog.SUCCESS, Texts.chinese("finance.expense.audit.edited",
				c.category().name(), Amounts.format(c.fields().amount())), row.orgPath());
		return queries.view(id);
	}

	/** The page's one form for a returned expense: the changes and the resubmission together, or neither. */
	ExpenseViews.View editAndResubmit(long id, ExpenseViews.Input input, Integer version, String comment) {
		edit(id, input, version);
		return resubmit(id, comment);
	}

	/** Sends a returned expense to the step that returned it. */
	public ExpenseViews.View resubmit(long id, String comment) {
		ExpenseRepository.Row row = lockAsApplicant(id, "finance.expense.error.notApplicant.resubmit");
		if (row.status() != ExpenseStatus.RETURNED) {
			throw new BusinessRuleException("finance.expense.error.resubmitNotReturned", row.status());
		}
		journal.requireOpen(row.orgId(), row.expenseDate());
		requireSteps(row, row.amount());
		approvals.resubmit(approvalOf(row), TextInput.normalize(comment));
		expenses.setStatus(id, ExpenseStatus.PENDING, null, OffsetDateTime.now(clock));
		audit.record(AuditType.UPDATE, FILE_OWNER, id, AuditLog.SUCCESS, Texts.chinese("finance.expense.audit.resubmitted"), row.orgPath());
		return queries.view(id);
	}

	/** The applicant withdraws an expense not yet decided; the approval's outcome marks it withdrawn. */
	ExpenseViews.View withdraw(long id, String reason) {
		// not locked here: the approval is locked first (by the approval module), then the expense by
		// the outcome listener, the same order as a decision takes, so the two cannot deadlock; a
		// decision that came first makes the approval module refuse the withdrawal
		ExpenseRepository.Row row = asApplicant(expenses.find(id), id, "finance.expense.error.notApplicant.withdraw");
		if (!row.status().isOpen()) {
			throw new BusinessRuleException("finance.expense.error.cannotWithdraw", row.status());
		}
		approvals.withdraw(approvalOf(row), TextInput.normalize(reason));
		audit.record(AuditType.UPDATE, FILE_OWNER, id, AuditLog.SUCCESS, Texts.chinese("finance.expense.audit.withdrawn"), row.orgPath());
		return queries.view(id);
	}

	/** A receipt (PDF, PNG or JPEG) added by a keeper of the book, while the expense is not refused or withdrawn. */
	StoredFile attach(long id, ExpenseViews.Upload upload) {
		ExpenseRepository.Row row = expenses.lock(id).orElseThrow(ExpenseQueries::notFound);
		ExpenseQueries.readable(access, row.orgId());
		access.keepable(row.orgId());
		if (row.status() == ExpenseStatus.REJECTED || row.status() == ExpenseStatus.WITHDRAWN) {
			throw new BusinessRuleException("finance.expense.error.cannotAttach", row.status());
		}
		if (upload == null || upload.content() == null) {
			throw new InvalidValueException("file", "finance.expense.error.noReceiptFile");
		}
		if (files.ofOwner(FILE_OWNER, id).size() >= MAX_RECEIPTS) {
			throw new BusinessRuleException("finance.expense.error.tooManyReceipts", MAX_RECEIPTS);
		}
		StoredFile stored = store(id, upload);
		audit.record(AuditType.CREATE, FILE_OWNER, id, AuditLog.SUCCESS, Texts.chinese("finance.expense.audit.receipt", stored.originalName()),
				row.orgPath());
		return stored;
	}

	private StoredFile store(long id, ExpenseViews.Upload upload) {
		return files.store(FILE_OWNER, id, upload.name(), upload.content(), upload.size(), RECEIPT_KINDS);
	}

	record Checked(Category category, ExpenseRepository.Fields fields) {
	}

	private Checked check(ExpenseViews.Input input) {
		Category category = categories.require("category", input.category(), Category.Kind.EXPENSE);
		BigDecimal amount = Amounts.positive("amount", input.amount());
		String purpose = TextInput.normalize(input.purpose());
		if (purpose == null) {
			throw new InvalidValueException("purpose", "finance.expense.error.noPurpose");
		}
		if (purpose.length() > 500) {
			throw new InvalidValueException("purpose", "finance.expense.error.purposeTooLong");
		}
		LocalDate today = LocalDate.now(clock.withZone(Zones.BUSINESS));
		LocalDate date = input.date() == null ? today : input.date();
		if (date.getYear() < 2000) {
			throw new InvalidValueException("date", "finance.expense.error.dateTooEarly");
		}
		if (date.isAfter(today.plusYears(1))) {
			throw new InvalidValueException("date", "finance.expense.error.dateTooLate");
		}
		if (input.activityId() != null && input.activityId() <= 0) {
			throw new InvalidValueException("activityId", "finance.expense.error.activityId");
		}
		return new Checked(category, new ExpenseRepository.Fields(category.code(), amount, purpose, date,
				input.activityId()));
	}

	/**
	 * The activities an expense of a book may name as its 关联活动: those organized by the book's own
	 * organ (a 工会 pays for its organ's activities, whoever of the organ organized them) or below a
	 * 片组 or the federation, this year and last.
	 */
	List<ActivityQueries.ActivityRef> activitiesFor(OrgSummary book) {
		OffsetDateTime since = LocalDate.now(clock.withZone(Zones.BUSINESS)).minusYears(1)
			.withDayOfYear(1).atStartOfDay(Zones.BUSINESS).toOffsetDateTime();
		return activities.organizedBelow(activityPrefix(book), since, 200);
	}

	private static String activityPrefix(OrgSummary book) {
		String path = book.path();
		if (book.type() == OrgType.UNION && book.parentId() != null) {
			return path.substring(0, path.lastIndexOf('/', path.length() - 2) + 1);
		}
		return path;
	}

	private void requireActivityOf(OrgSummary book, Long activityId) {
		if (activityId == null) {
			return;
		}
		boolean ours = activities.ref(activityId).map(a -> a.organizerPath().startsWith(activityPrefix(book)))
			.orElse(false);
		if (!ours) {
			throw new InvalidValueException("activityId", "finance.expense.error.activityNotOurs");
		}
	}

	/** An approval asked for one step cannot grow a second: past the threshold, the expense is filed anew. */
	private void requireSteps(ExpenseRepository.Row row, BigDecimal amount) {
		if (!settings.needsSecondApproval(amount)) {
			return;
		}
		int steps = approvalQueries.ofSubject(ExpenseFlow.SUBJECT, row.id()).map(d -> d.steps().size()).orElse(0);
		if (steps < 2) {
			throw new BusinessRuleException("finance.expense.error.needsSecondApproval",
					Amounts.format(settings.secondApprovalAbove()));
		}
	}

	private ExpenseRepository.Row lockAsApplicant(long id, String refusal) {
		return asApplicant(expenses.lock(id), id, refusal);
	}

	/** @param refusal the key of the message refusing anyone else */
	private ExpenseRepository.Row asApplicant(Optional<ExpenseRepository.Row> found, long id, String refusal) {
		ExpenseRepository.Row row = found.orElseThrow(ExpenseQueries::notFound);
		ExpenseQueries.readable(access, row.orgId());
		access.keepable(row.orgId());
		if (row.applicantAccountId() != access.user().accountId()) {
			throw new ForbiddenException(refusal);
		}
		return row;
	}

	private static long approvalOf(ExpenseRepository.Row row) {
		if (row.approvalId() == null) {
			throw new NotFoundException("finance.expense.error.noApproval");
		}
		return row.approvalId();
	}

	private static ConflictException stale() {
		return new ConflictException("finance.expense.error.stale");
	}
}
