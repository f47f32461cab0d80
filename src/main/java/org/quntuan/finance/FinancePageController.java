package org.quntuan.finance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.quntuan.organization.OrgSummary;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.Role;
import org.quntuan.platform.Text;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.quntuan.platform.excel.ExcelDownload;
import org.quntuan.platform.web.PageActions;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of the books: the journal, one entry with its reversal, the year-end close, the statement. */
@Controller
class FinancePageController {

	private final FinanceAccess access;

	private final JournalQueries journal;

	private final Bookkeeping bookkeeping;

	private final Statements statements;

	private final Categories categories;

	private final Clock clock;

	FinancePageController(FinanceAccess access, JournalQueries journal, Bookkeeping bookkeeping, Statements statements,
			Categories categories, Clock clock) {
		this.access = access;
		this.journal = journal;
		this.bookkeeping = bookkeeping;
		this.statements = statements;
		this.categories = categories;
		this.clock = clock;
	}

	@GetMapping("/finance")
	String journal(@RequestParam(required = false) Long orgId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String category, @RequestParam(required = false) Integer page,
			Model model) {
		OrgSummary book = orgId == null ? access.defaultBook() : access.readable(orgId);
		String code = category == null || category.isBlank() ? null : category;
		model.addAttribute("book", book);
		model.addAttribute("books", access.readableBooks());
		model.addAttribute("result", journal.entries(book.id(), from, to, code, PageRequest.of(page, 50)));
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("category", code);
		model.addAttribute("categories", categories.all());
		model.addAttribute("closedYears", journal.closedYears(book.id()));
		model.addAttribute("keeper", access.covers(book, Role.FEDERATION_ADMIN,
				Role.ORG_ADMIN, Role.FINANCE_OFFICER));
		model.addAttribute("lastYear", today().getYear() - 1);
		return "finance/journal";
	}

	/** The journal as filtered on the page, every entry, as an .xlsx file. */
	@GetMapping("/finance/export")
	ResponseEntity<byte[]> exportJournal(@RequestParam(required = false) Long orgId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String category) {
		OrgSummary book = orgId == null ? access.defaultBook() : access.readable(orgId);
		String code = category == null || category.isBlank() ? null : category;
		List<JournalQueries.Entry> entries = journal.all(book.id(), from, to, code);
		return ResponseEntity.ok()
			.headers(ExcelDownload.headers(JournalExport.fileName(book.name(), from, to)))
			.body(JournalExport.write(book.name(), from, to, entries));
	}

	@GetMapping("/finance/entries/{id}")
	String entry(@PathVariable long id, Model model) {
		JournalQueries.Entry entry = journal.entry(id);
		OrgSummary book = access.readable(entry.orgId());
		model.addAttribute("e", entry);
		model.addAttribute("book", book);
		model.addAttribute("keeper", access.covers(book, Role.FEDERATION_ADMIN,
				Role.ORG_ADMIN, Role.FINANCE_OFFICER));
		return "finance/entry";
	}

	@PostMapping("/finance/entries/{id}/reversal")
	String reverse(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes flash) {
		long[] reversal = new long[1];
		boolean ok = PageActions.run(flash, "finance.journal.flash.reversed", () -> reversal[0] = bookkeeping.reverse(id, reason));
		return "redirect:/finance/entries/" + (ok ? reversal[0] : id);
	}

	@PostMapping("/finance/year-closes")
	String close(@RequestParam long orgId, @RequestParam(required = false) Integer year, RedirectAttributes flash) {
		PageActions.run(flash, year == null ? null : Text.of("finance.journal.flash.year-closed", year), () -> {
			if (year == null) {
				throw new InvalidValueException("year", "finance.journal.error.close-year-required");
			}
			bookkeeping.closeYear(orgId, year);
		});
		return "redirect:/finance?orgId=" + orgId;
	}

	@GetMapping("/finance/statement")
	String statement(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) Integer fromMonth, @RequestParam(required = false) Integer toMonth,
			@RequestParam(required = false) Boolean consolidated, Model model) {
		OrgSummary book = orgId == null ? access.defaultBook() : access.readable(orgId);
		int y = year == null ? today().getYear() : year;
		Statements.Statement s = statements.statement(book.id(), y, fromMonth, toMonth, consolidated);
		model.addAttribute("s", s);
		model.addAttribute("book", book);
		model.addAttribute("books", access.readableBooks());
		model.addAttribute("years", List.of(today().getYear(), today().getYear() - 1, today().getYear() - 2));
		model.addAttribute("chart", StatementExport.chartData(s));
		return "finance/statement";
	}

	@GetMapping("/finance/statement/export")
	ResponseEntity<byte[]> export(@RequestParam long orgId, @RequestParam int year,
			@RequestParam(required = false) Integer fromMonth, @RequestParam(required = false) Integer toMonth,
			@RequestParam(required = false) Boolean consolidated) {
		Statements.Statement s = statements.statement(orgId, year, fromMonth, toMonth, consolidated);
		return ResponseEntity.ok()
			.headers(ExcelDownload.headers(Texts.localized("finance.statement.export.file", s.orgName(), year, s.fromMonth(),
					s.toMonth())))
			.body(StatementExport.write(s));
	}

	@GetMapping("/finance/categories")
	String categories(Model model) {
		if (!access.readsAnyBooks()) {
			throw new ForbiddenException("finance.common.error.no-books");
		}
		model.addAttribute("categories", categories.all());
		model.addAttribute("configurable", access.user().scope().has(Role.FEDERATION_ADMIN));
		return "finance/categories";
	}

	@PostMapping("/finance/categories")
	String addCategory(@RequestParam(required = false) String code, @RequestParam(required = false) String name,
			@RequestParam(required = false) String kind, RedirectAttributes flash) {
		access.requireFederationAdmin();
		PageActions.run(flash, "finance.common.flash.category-added", () -> {
			if (kind == null || !(kind.equals("INCOME") || kind.equals("EXPENSE"))) {
				throw new InvalidValueException("kind", "finance.common.error.category-kind-choose");
			}
			categories.add(code, name, Category.Kind.valueOf(kind));
		});
		return "redirect:/finance/categories";
	}

	@PostMapping("/finance/categories/{code}/active")
	String setCategory(@PathVariable String code, @RequestParam boolean active, RedirectAttributes flash) {
		access.requireFederationAdmin();
		PageActions.run(flash, active ? "finance.common.flash.category-enabled" : "finance.common.flash.category-disabled", () -> categories.setActive(code, active));
		return "redirect:/finance/categories";
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.BUSINESS));
	}
}
