package org.quntuan.notice.inforeports;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.Coded;
import org.quntuan.platform.ConflictException;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.quntuan.platform.excel.ExcelDownload;
import org.quntuan.platform.files.FileResponses;
import org.quntuan.platform.web.PageActions;
import org.springframework.core.io.Resource;
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
class InfoReportPageController {

	private final InfoReports reports;

	private final InfoReportExport export;

	private final InfoReportPoints points;

	private final Clock clock;

	InfoReportPageController(InfoReports reports, InfoReportExport export, InfoReportPoints points, Clock clock) {
		this.reports = reports;
		this.export = export;
		this.points = points;
		this.clock = clock;
	}

	@GetMapping("/info-reports")
	String list(@RequestParam(required = false) Integer year, @RequestParam(required = false) String status,
			@RequestParam(required = false) Integer page, Model model) {
		int y = year == null ? thisYear() : year;
		model.addAttribute("items", reports.list(y, status == null || status.isBlank() ? null : status,
				PageRequest.of(page, 20)));
		model.addAttribute("year", y);
		model.addAttribute("years", List.of(thisYear(), thisYear() - 1, thisYear() - 2));
		model.addAttribute("status", status);
		model.addAttribute("statuses", InfoReportStatus.values());
		model.addAttribute("officer", !reports.officerOrgans().isEmpty());
		return "notice/info-reports";
	}

	/** The list as filtered on the page (same scope, year and status), every item, as an .xlsx file. */
	@GetMapping("/info-reports/export")
	ResponseEntity<byte[]> export(@RequestParam(required = false) Integer year, @RequestParam(required = false) String status) {
		int y = year == null ? thisYear() : year;
		String chosen = status == null || status.isBlank() ? null : status;
		List<InfoReportViews.Item> items = reports.all(y, chosen);
		InfoReportStatus chosenStatus = chosen == null ? null : Coded.parse(InfoReportStatus.class, chosen);
		return ResponseEntity.ok()
			.headers(ExcelDownload.headers(InfoReportExport.infoReportsFileName(y, LocalDate.ofInstant(clock.instant(), Zones.BUSINESS))))
			.body(InfoReportExport.infoReports(y, chosenStatus, items));
	}

	@GetMapping("/info-reports/new")
	String newItem(Model model) {
		if (reports.officerOrgans().isEmpty()) {
			throw new ForbiddenException("notice.info.error.not-officer");
		}
		return "notice/info-new";
	}

	@PostMapping("/info-reports")
	String submit(@RequestParam(required = false) String title, @RequestParam(required = false) String body,
			@RequestParam(required = false) List<MultipartFile> photos, Model model, RedirectAttributes flash) {
		try {
			long id = reports.submit(title, body, null, photos);
			flash.addFlashAttribute("success", Texts.localized("notice.info.flash.submitted"));
			return "redirect:/info-reports/" + id;
		}
		catch (InvalidValueException | BusinessRuleException | ConflictException ex) {
			model.addAttribute("error", Texts.localized(ex));
			model.addAttribute("title", title);
			model.addAttribute("body", body);
			return "notice/info-new";
		}
	}

	@GetMapping("/info-reports/{id}")
	String detail(@PathVariable long id, Model model) {
		model.addAttribute("item", reports.detail(id));
		model.addAttribute("marks", List.of(InfoReportStatus.RECEIVED, InfoReportStatus.ADOPTED, InfoReportStatus.PUBLISHED));
		return "notice/info-detail";
	}

	@PostMapping("/info-reports/{id}/mark")
	String mark(@PathVariable long id, @RequestParam(required = false) String status,
			@RequestParam(required = false) String where, @RequestParam(required = false) Integer version,
			RedirectAttributes flash) {
		PageActions.run(flash, "notice.info.flash.marked", () -> reports.mark(id, status, where, version));
		return "redirect:/info-reports/" + id;
	}

	@GetMapping("/info-reports/{id}/photos/{fileId}")
	ResponseEntity<Resource> photo(@PathVariable long id, @PathVariable long fileId) {
		return FileResponses.attachment(reports.photo(id, fileId));
	}

	@GetMapping("/info-reports/ranking")
	String ranking(@RequestParam(required = false) Integer year, Model model) {
		model.addAttribute("ranking", reports.ranking(year));
		model.addAttribute("pointsReceived", points.of(InfoReportStatus.RECEIVED));
		model.addAttribute("pointsAdopted", points.of(InfoReportStatus.ADOPTED));
		model.addAttribute("pointsPublished", points.of(InfoReportStatus.PUBLISHED));
		model.addAttribute("years", List.of(thisYear(), thisYear() - 1, thisYear() - 2));
		return "notice/info-ranking";
	}

	@GetMapping("/info-reports/ranking/export")
	ResponseEntity<byte[]> exportRanking(@RequestParam(required = false) Integer year) {
		InfoReportViews.Ranking ranking = reports.ranking(year);
		return ResponseEntity.ok().headers(ExcelDownload.headers(InfoReportExport.fileName(ranking)))
			.body(export.write(ranking));
	}

	private int thisYear() {
		return LocalDate.ofInstant(clock.instant(), Zones.BUSINESS).getYear();
	}
}
