package org.quntuan.finance.expenses;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.quntuan.approval.ApprovalQueries;
import org.quntuan.finance.Amounts;
import org.quntuan.finance.Categories;
import org.quntuan.finance.Category;
import org.quntuan.finance.FinanceAccess;
import org.quntuan.organization.OrgSummary;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.quntuan.platform.excel.ExcelDownload;
import org.quntuan.platform.files.FileResponses;
import org.quntuan.platform.web.PageActions;
import org.springframework.core.io.Resource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of expenses: the list of a book, the application form, one expense with its receipts. */
@Controller
class ExpensePageController {

	private final Expenses expenses;

	private final ExpenseQueries queries;

	private final FinanceAccess access;

	private final Categories categories;

	private final ApprovalQueries approvals;

	private final ExpenseSettings settings;

	private final Clock clock;

	ExpensePageController(Expenses expenses, ExpenseQueries queries, FinanceAccess access, Categories categories,
			ApprovalQueries approvals, ExpenseSettings settings, Clock clock) {
		this.settings = settings;
		this.expenses = expenses;
		this.queries = queries;
		this.access = access;
		this.categories = categories;
		this.approvals = approvals;
		this.clock = clock;
	}

	@GetMapping("/finance/expenses")
	String list(@RequestParam(required = false) Long orgId, @RequestParam(required = false) String status,
			@RequestParam(required = false) Integer page, Model model) {
		OrgSummary book = orgId == null ? access.defaultBook() : access.readable(orgId);
		String chosen = status == null || status.isBlank() ? null : status;
		model.addAttribute("book", book);
		model.addAttribute("books", access.readableBooks());
		model.addAttribute("result", queries.list(book.id(), chosen, PageRequest.of(page, 20)));
		model.addAttribute("status", chosen);
		model.addAttribute("statuses", Arrays.asList(ExpenseStatus.values()));
		model.addAttribute("keeper", queries.keeps(book));
		return "finance/expenses";
	}

	@GetMapping("/finance/expenses/export")
	ResponseEntity<byte[]> export(@RequestParam(required = false) Long orgId,
			@RequestParam(required = false) String status) {
		OrgSummary book = orgId == null ? access.defaultBook() : access.readable(orgId);
		String chosen = status == null || status.isBlank() ? null : status;
		List<ExpenseViews.Item> items = queries.all(book.id(), chosen);
		return ResponseEntity.ok()
			.headers(ExcelDownload.headers(Texts.localized("finance.expense.export.file", book.name(), today().toString())))
			.body(ExpenseExport.write(book.name(), items));
	}

	@GetMapping("/finance/expenses/new")
	String form(@RequestParam(required = false) Long orgId, Model model) {
		OrgSummary book = orgId == null ? access.defaultBook() : access.readable(orgId);
		access.keepable(book.id());
		model.addAttribute("book", book);
		model.addAttribute("books", access.readableBooks().stream().filter(queries::keeps).toList());
		model.addAttribute("categories", categories.active(Category.Kind.EXPENSE));
		model.addAttribute("today", today());
		model.addAttribute("thresholdText", Amounts.format(settings.secondApprovalAbove()));
		model.addAttribute("activities", expenses.activitiesFor(book));
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new ExpenseViews.Input(book.id(), null, null, null, today(), null));
		}
		return "finance/expense-new";
	}

	@PostMapping("/finance/expenses")
	String file(@RequestParam(required = false) Long orgId, @RequestParam(required = false) String category,
			@RequestParam(required = false) String amount, @RequestParam(required = false) String purpose,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(required = false) Long activityId,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, RedirectAttributes flash) {
		ExpenseViews.Input input = new ExpenseViews.Input(orgId, category, amount, purpose, date, activityId);
		long[] created = new long[1];
		boolean ok = PageActions.run(flash, "finance.expense.flash.filed",
				() -> created[0] = expenses.file(input, Uploads.of(files)).id());
		if (ok) {
			return "redirect:/finance/expenses/" + created[0];
		}
		flash.addFlashAttribute("form", input);
		return "redirect:/finance/expenses/new" + (orgId == null ? "" : "?orgId=" + orgId);
	}

	@GetMapping("/finance/expenses/{id}")
	String detail(@PathVariable long id, Model model) {
		ExpenseViews.View e = queries.view(id);
		OrgSummary book = access.readable(e.orgId());
		model.addAttribute("e", e);
		model.addAttribute("book", book);
		model.addAttribute("keeper", queries.keeps(book));
		model.addAttribute("approval", approvals.ofSubject(ExpenseFlow.SUBJECT, id).orElse(null));
		model.addAttribute("categories", categories.active(Category.Kind.EXPENSE));
		return "finance/expense";
	}

	@PostMapping("/finance/expenses/{id}/resubmit")
	String resubmit(@PathVariable long id, @RequestParam(required = false) String category,
			@RequestParam(required = false) String amount, @RequestParam(required = false) String purpose,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(required = false) Long activityId, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) String comment, RedirectAttributes flash) {
		PageActions.run(flash, "finance.expense.flash.resubmitted", () -> expenses.editAndResubmit(id,
				new ExpenseViews.Input(null, category, amount, purpose, date, activityId), version, comment));
		return "redirect:/finance/expenses/" + id;
	}

	@PostMapping("/finance/expenses/{id}/withdraw")
	String withdraw(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes flash) {
		PageActions.run(flash, "finance.expense.flash.withdrawn", () -> expenses.withdraw(id, reason));
		return "redirect:/finance/expenses/" + id;
	}

	@PostMapping("/finance/expenses/{id}/receipts")
	String receipt(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file,
			RedirectAttributes flash) {
		PageActions.run(flash, "finance.expense.flash.receipt", () -> expenses.attach(id, Uploads.of(file)));
		return "redirect:/finance/expenses/" + id;
	}

	@GetMapping("/finance/expenses/{id}/receipts/{fileId}")
	ResponseEntity<Resource> download(@PathVariable long id, @PathVariable long fileId) {
		return FileResponses.attachment(queries.receipt(id, fileId));
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.BUSINESS));
	}
}
