package org.quntuan.finance.incomes;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.finance.Categories;
import org.quntuan.finance.Category;
import org.quntuan.finance.FinanceAccess;
import org.quntuan.finance.expenses.ExpenseQueries;
import org.quntuan.finance.expenses.Uploads;
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

/** 收入登记: the recorded income of a book and, for its keepers, the form to record one. */
@Controller
class IncomePageController {

	private final Incomes incomes;

	private final IncomeQueries queries;

	private final ExpenseQueries expenses;

	private final FinanceAccess access;

	private final Categories categories;

	private final Clock clock;

	private final AuditLog audit;

	IncomePageController(Incomes incomes, IncomeQueries queries, ExpenseQueries expenses, FinanceAccess access,
			Categories categories, Clock clock, AuditLog audit) {
		this.audit = audit;
		this.incomes = incomes;
		this.queries = queries;
		this.expenses = expenses;
		this.access = access;
		this.categories = categories;
		this.clock = clock;
	}

	@GetMapping("/finance/incomes")
	String list(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer page, Model model) {
		OrgSummary book = orgId == null ? access.defaultBook() : access.readable(orgId);
		model.addAttribute("book", book);
		model.addAttribute("books", access.readableBooks());
		model.addAttribute("result", queries.list(book.id(), PageRequest.of(page, 20)));
		model.addAttribute("keeper", expenses.keeps(book));
		model.addAttribute("categories", categories.active(Category.Kind.INCOME).stream()
			.filter(c -> !"DUES".equals(c.code())).toList());
		model.addAttribute("today", LocalDate.now(clock.withZone(Zones.BUSINESS)));
		return "finance/incomes";
	}

	/** The book's recorded income as listed on the page, every row, as an .xlsx file. */
	@GetMapping("/finance/incomes/export")
	ResponseEntity<byte[]> export(@RequestParam(required = false) Long orgId) {
		OrgSummary book = orgId == null ? access.defaultBook() : access.readable(orgId);
		List<IncomeQueries.View> rows = queries.all(book.id());
		byte[] file = IncomeExport.write(book.name(), rows);
		audit.record(AuditType.EXPORT, "FIN_INCOME_EXPORT", book.id(), AuditLog.SUCCESS,
				Texts.chinese("finance.income.audit.exported", book.name(), rows.size()), book.path());
		return ResponseEntity.ok()
			.headers(ExcelDownload.headers(IncomeExport.fileName(book.name(), LocalDate.now(clock.withZone(Zones.BUSINESS)))))
			.body(file);
	}

	@PostMapping("/finance/incomes")
	String record(@RequestParam(required = false) Long orgId, @RequestParam(required = false) String category,
			@RequestParam(required = false) String amount,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(required = false) String counterparty, @RequestParam(required = false) String memo,
			@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes flash) {
		PageActions.run(flash, "finance.income.flash.recorded", () -> incomes
			.record(new Incomes.Input(orgId, category, amount, date, counterparty, memo), Uploads.of(file)));
		return "redirect:/finance/incomes" + (orgId == null ? "" : "?orgId=" + orgId);
	}

	@PostMapping("/finance/incomes/{id}/documents")
	String document(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file,
			RedirectAttributes flash) {
		long orgId = queries.view(id).orgId();
		PageActions.run(flash, "finance.income.flash.document", () -> incomes.attach(id, Uploads.of(file)));
		return "redirect:/finance/incomes?orgId=" + orgId;
	}

	@GetMapping("/finance/incomes/{id}/documents/{fileId}")
	ResponseEntity<Resource> download(@PathVariable long id, @PathVariable long fileId) {
		return FileResponses.attachment(queries.document(id, fileId));
	}
}
