package org.quntuan.finance.dues;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.finance.Amounts;
import org.quntuan.organization.OrgSummary;
import org.quntuan.organization.OrgType;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.quntuan.platform.excel.ExcelDownload;
import org.quntuan.platform.excel.ExcelFileException;
import org.quntuan.platform.web.PageActions;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of dues: the sheets of a book, one sheet, arrears; base pay for the union's finance officers. */
@Controller
class DuesPageController {

	private final DuesAccess access;

	private final DuesSheets sheets;

	private final DuesQueries queries;

	private final BasePay pay;

	private final Clock clock;

	private final AuditLog audit;

	DuesPageController(DuesAccess access, DuesSheets sheets, DuesQueries queries, BasePay pay, Clock clock,
			AuditLog audit) {
		this.audit = audit;
		this.access = access;
		this.sheets = sheets;
		this.queries = queries;
		this.pay = pay;
		this.clock = clock;
	}

	@GetMapping("/finance/dues")
	String list(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer year, Model model) {
		OrgSummary book = orgId == null ? access.finance().defaultBook() : access.readable(orgId);
		boolean union = book.type() == OrgType.UNION;
		Integer shownYear = union || year != null ? year : Integer.valueOf(today().getYear());
		List<DuesQueries.SheetView> list = queries.sheets(book.id(), shownYear);
		model.addAttribute("book", book);
		model.addAttribute("books", access.finance().readableBooks());
		model.addAttribute("union", union);
		model.addAttribute("year", shownYear);
		model.addAttribute("years", List.of(today().getYear(), today().getYear() - 1, today().getYear() - 2));
		model.addAttribute("sheets", list);
		model.addAttribute("seesPay", access.seesPay(book));
		YearMonth next = list.isEmpty() || !union ? YearMonth.from(today())
				: YearMonth.of(list.get(0).year(), list.get(0).month()).plusMonths(1);
		YearMonth latestAllowed = YearMonth.from(today()).plusMonths(1);
		model.addAttribute("next", next.isAfter(latestAllowed) ? latestAllowed : next);
		return "finance/dues";
	}

	@PostMapping("/finance/dues")
	String generate(@RequestParam long orgId, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) Integer month, RedirectAttributes flash) {
		long[] id = new long[1];
		boolean ok = PageActions.run(flash, "finance.dues.flash.generated",
				() -> id[0] = sheets.generate(orgId, year, month));
		return ok ? "redirect:/finance/dues/" + id[0] : "redirect:/finance/dues?orgId=" + orgId;
	}

	@GetMapping("/finance/dues/{id}")
	String sheet(@PathVariable long id, Model model) {
		DuesQueries.SheetView sheet = queries.sheet(id);
		OrgSummary book = access.readable(sheet.orgId());
		model.addAttribute("s", sheet);
		model.addAttribute("book", book);
		model.addAttribute("seesPay", sheet.lines() != null);
		model.addAttribute("keeper", access.keeps(book));
		model.addAttribute("paidText", Amounts.format(sheet.totalPaid()));
		return "finance/dues-sheet";
	}

	@PostMapping("/finance/dues/{id}/lines/{personId}")
	String adjust(@PathVariable long id, @PathVariable long personId, @RequestParam(required = false) String amountPaid,
			RedirectAttributes flash) {
		PageActions.run(flash, "finance.dues.flash.paidSaved", () -> sheets.adjust(id, personId, amountPaid, null));
		return "redirect:/finance/dues/" + id;
	}

	@PostMapping("/finance/dues/{id}/import")
	String importSheet(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file,
			RedirectAttributes flash) {
		int[] count = new int[1];
		boolean ok = PageActions.run(flash, "finance.pay.flash.imported", () -> importing(flash,
				() -> count[0] = sheets.importFile(id, file, file == null ? null : file.getOriginalFilename())));
		if (ok) {
			flash.addFlashAttribute("success", Texts.localized("finance.dues.flash.imported", count[0]));
		}
		return "redirect:/finance/dues/" + id;
	}

	@PostMapping("/finance/dues/{id}/confirm")
	String confirm(@PathVariable long id, RedirectAttributes flash) {
		PageActions.run(flash, "finance.dues.flash.confirmed", () -> sheets.confirm(id));
		return "redirect:/finance/dues/" + id;
	}

	@PostMapping("/finance/dues/{id}/post")
	String post(@PathVariable long id, RedirectAttributes flash) {
		PageActions.run(flash, "finance.dues.flash.posted", () -> sheets.post(id));
		return "redirect:/finance/dues/" + id;
	}

	@GetMapping("/finance/dues/{id}/export")
	ResponseEntity<byte[]> export(@PathVariable long id) {
		DuesQueries.SheetView sheet = queries.sheetToExport(id);
		if (sheet.lines() == null) {
			throw new ForbiddenException("finance.dues.error.exportForbidden");
		}
		return ResponseEntity.ok()
			.headers(ExcelDownload.headers(Texts.localized("finance.dues.export.file", sheet.orgName(), sheet.period())))
			.body(DuesExport.write(sheet));
	}

	@GetMapping("/finance/dues/arrears")
	String arrears(@RequestParam(required = false) Long orgId, Model model) {
		OrgSummary book = orgId == null ? access.finance().defaultBook() : access.readable(orgId);
		model.addAttribute("book", book);
		model.addAttribute("books", access.finance().readableBooks());
		model.addAttribute("a", queries.arrears(book.id()));
		return "finance/dues-arrears";
	}

	/** The arrears as the page shows them (per member only for the union's finance officers), as an .xlsx file. */
	@GetMapping("/finance/dues/arrears/export")
	ResponseEntity<byte[]> exportArrears(@RequestParam(required = false) Long orgId) {
		OrgSummary book = orgId == null ? access.finance().defaultBook() : access.readable(orgId);
		DuesQueries.Arrears a = queries.arrearsToExport(book.id());
		byte[] file = ArrearsExport.write(a, today());
		audit.record(a.members() != null ? AuditType.PERSONAL_DATA_VIEW : AuditType.EXPORT, "FIN_ARREARS_EXPORT",
				book.id(), AuditLog.SUCCESS,
				a.members() != null ? Texts.chinese("finance.dues.audit.arrearsExportedMembers", book.name(), a.members().size())
						: a.unions() != null ? Texts.chinese("finance.dues.audit.arrearsExportedUnions", book.name(), a.unions().size())
						: Texts.chinese("finance.dues.audit.arrearsExported", book.name()),
				book.path());
		return ResponseEntity.ok().headers(ExcelDownload.headers(ArrearsExport.fileName(a, today()))).body(file);
	}

	@GetMapping("/finance/pay")
	String pay(@RequestParam(required = false) Long orgId, Model model) {
		OrgSummary book = orgId != null ? access.payUnion(orgId) : access.defaultPayUnion();
		List<OrgSummary> books = access.finance().readableBooks().stream().filter(access::seesPay).toList();
		model.addAttribute("book", book);
		model.addAttribute("books", books);
		model.addAttribute("lines", pay.list(book.id()));
		return "finance/pay";
	}

	@PostMapping("/finance/pay/{personId}")
	String setPay(@PathVariable long personId, @RequestParam(required = false) String monthlyBase,
			@RequestParam(required = false) Long orgId, RedirectAttributes flash) {
		PageActions.run(flash, "finance.pay.flash.saved", () -> pay.set(personId, monthlyBase));
		return "redirect:/finance/pay" + (orgId == null ? "" : "?orgId=" + orgId);
	}

	@PostMapping("/finance/pay/import")
	String importPay(@RequestParam(required = false) Long orgId,
			@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes flash) {
		long union = orgId == null ? access.defaultPayUnion().id() : orgId;
		int[] count = new int[1];
		boolean ok = PageActions.run(flash, "finance.pay.flash.imported", () -> importing(flash,
				() -> count[0] = pay.importFile(union, file, file == null ? null : file.getOriginalFilename())));
		if (ok) {
			flash.addFlashAttribute("success", Texts.localized("finance.pay.flash.importedCount", count[0]));
		}
		return "redirect:/finance/pay?orgId=" + union;
	}

	@GetMapping("/finance/pay/import-template")
	ResponseEntity<byte[]> template() {
		access.requirePayImporter();
		return ResponseEntity.ok().headers(ExcelDownload.headers(DuesExport.TEMPLATE_NAME)).body(DuesExport.template());
	}

	/** Keeps every row's problem for the page, and turns a file that cannot be read into a message. */
	private static void importing(RedirectAttributes flash, Runnable action) {
		try {
			action.run();
		}
		catch (PayrollRejected ex) {
			flash.addFlashAttribute("importErrors", ex.errors());
			throw ex;
		}
		catch (ExcelFileException ex) {
			throw new InvalidValueException("file", ex.getMessage());
		}
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.BUSINESS));
	}
}
