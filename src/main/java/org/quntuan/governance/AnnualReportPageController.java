package org.quntuan.governance;

import java.time.LocalDate;

import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.Texts;
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

@Controller
class AnnualReportPageController {

	private final AnnualReports reports;

	AnnualReportPageController(AnnualReports reports) {
		this.reports = reports;
	}

	/** Rows of the board on one page: 210 rows with their upload forms took a second to draw. */
	static final int PAGE_SIZE = 50;

	@GetMapping("/annual-reports")
	String board(@RequestParam(required = false) Integer year, @RequestParam(required = false) Long groupId,
			@RequestParam(required = false) String type, @RequestParam(required = false) Integer page, Model model) {
		int y = year == null ? reports.today().getYear() : year;
		var rows = reports.board(y, groupId, type);
		PageRequest request = PageRequest.of(page == null ? 0 : page, PAGE_SIZE);
		int from = (int) Math.min(request.offset(), rows.size());
		var shown = PageResult.of(rows.subList(from, Math.min(from + PAGE_SIZE, rows.size())),
				request, rows.size());
		model.addAttribute("rows", shown.content());
		model.addAttribute("pageOfRows", shown);
		model.addAttribute("reportedCount", rows.stream().filter(AnnualReportBoardRow::reported).count());
		model.addAttribute("year", y);
		model.addAttribute("groupId", groupId);
		model.addAttribute("type", type);
		model.addAttribute("groups", reports.groups());
		model.addAttribute("today", reports.today());
		model.addAttribute("federation", reports.callerIsFederation());
		return "governance/annual-reports";
	}

	@GetMapping("/annual-reports/export")
	ResponseEntity<byte[]> export(@RequestParam(required = false) Integer year,
			@RequestParam(required = false) Long groupId, @RequestParam(required = false) String type) {
		int y = year == null ? reports.today().getYear() : year;
		byte[] bytes = AnnualReportExcel.write(y, reports.board(y, groupId, type));
		return ResponseEntity.ok().headers(ExcelDownload.headers(AnnualReportExcel.fileName(y))).body(bytes);
	}

	@PostMapping("/annual-reports/upload")
	String upload(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate reportedOn,
			@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes flash) {
		reports.requireAdmin();
		if (orgId == null) {
			flash.addFlashAttribute("error", Texts.localized("governance.annual-report.error.org-required"));
		}
		else {
			PageActions.run(flash, "governance.annual-report.flash.submitted", () -> reports.submit(orgId, year, reportedOn, file));
		}
		return "redirect:/annual-reports" + (year == null ? "" : "?year=" + year);
	}

	@PostMapping("/annual-reports/remind")
	String remind(@RequestParam(required = false) Integer year, RedirectAttributes flash) {
		reports.requireAdmin();
		int[] n = new int[1];
		PageActions.run(flash, "", () -> n[0] = reports.remindUnreported(year));
		if (!flash.getFlashAttributes().containsKey("error")) {
			flash.addFlashAttribute("success", Texts.localized("governance.annual-report.flash.reminded", n[0]));
		}
		return "redirect:/annual-reports" + (year == null ? "" : "?year=" + year);
	}

	@PostMapping("/annual-reports/{id}/confirm")
	String confirm(@PathVariable long id, RedirectAttributes flash) {
		PageActions.run(flash, "governance.annual-report.flash.confirmed", () -> reports.confirm(id));
		return "redirect:/annual-reports";
	}

	@GetMapping("/annual-reports/{id}/file")
	ResponseEntity<Resource> file(@PathVariable long id) {
		return FileResponses.attachment(reports.file(id));
	}
}
