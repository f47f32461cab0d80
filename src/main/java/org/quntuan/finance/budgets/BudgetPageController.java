package org.quntuan.finance.budgets;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.finance.FinanceAccess;
import org.quntuan.finance.Statements;
import org.quntuan.finance.expenses.ExpenseQueries;
import org.quntuan.organization.OrgSummary;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.quntuan.platform.excel.ExcelDownload;
import org.quntuan.platform.web.PageActions;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 预算: a book's budget for a year against what was spent, per expense category; keepers set the lines. */
@Controller
class BudgetPageController {

	private final Budgets budgets;

	private final ExpenseQueries expenses;

	private final FinanceAccess access;

	private final Clock clock;

	private final AuditLog audit;

	BudgetPageController(Budgets budgets, ExpenseQueries expenses, FinanceAccess access, Clock clock, AuditLog audit) {
		this.audit = audit;
		this.budgets = budgets;
		this.expenses = expenses;
		this.access = access;
		this.clock = clock;
	}

	@GetMapping("/finance/budgets")
	String page(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer year,
			Model model) {
		OrgSummary book = orgId == null ? access.defaultBook() : access.readable(orgId);
		int current = LocalDate.now(clock.withZone(Zones.BUSINESS)).getYear();
		int y = year == null ? current : year;
		if (y < 2000 || y > 2100) {
			throw new InvalidValueException("year", "finance.common.error.year-range");
		}
		List<Statements.BudgetLine> lines = budgets.execution(book.id(), y);
		model.addAttribute("book", book);
		model.addAttribute("books", access.readableBooks());
		model.addAttribute("year", y);
		model.addAttribute("years", List.of(current + 1, current, current - 1, current - 2));
		model.addAttribute("lines", lines);
		model.addAttribute("keeper", expenses.keeps(book));
		model.addAttribute("totalBudget", lines.stream().filter(l -> l.budget() != null).map(Statements.BudgetLine::budget)
			.reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add));
		model.addAttribute("totalActual", lines.stream().map(Statements.BudgetLine::actual)
			.reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add));
		return "finance/budgets";
	}

	/** The budget execution of the book and year as the page shows it, as an .xlsx file. */
	@GetMapping("/finance/budgets/export")
	ResponseEntity<byte[]> export(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer year) {
		OrgSummary book = orgId == null ? access.defaultBook() : access.readable(orgId);
		LocalDate today = LocalDate.now(clock.withZone(Zones.BUSINESS));
		int y = year == null ? today.getYear() : year;
		if (y < 2000 || y > 2100) {
			throw new InvalidValueException("year", "finance.common.error.year-range");
		}
		byte[] file = BudgetExport.write(book.name(), y, budgets.executionToExport(book.id(), y));
		audit.record(AuditType.EXPORT, "FIN_BUDGET_EXPORT", book.id(), AuditLog.SUCCESS,
				Texts.chinese("finance.budget.record.export", book.name(), y), book.path());
		return ResponseEntity.ok().headers(ExcelDownload.headers(BudgetExport.fileName(book.name(), y, today))).body(file);
	}

	@PostMapping("/finance/budgets")
	String set(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String category, @RequestParam(required = false) String amount,
			RedirectAttributes flash) {
		PageActions.run(flash, "finance.budget.flash.saved", () -> {
			if (orgId == null || year == null) {
				throw new InvalidValueException("orgId", "finance.common.error.book-and-year");
			}
			budgets.set(orgId, year, category, amount);
		});
		return "redirect:/finance/budgets" + (orgId == null ? "" : "?orgId=" + orgId + (year == null ? "" : "&year=" + year));
	}
}
