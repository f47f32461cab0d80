package org.quntuan.care.visits;

import org.quntuan.platform.PageRequest;
import org.quntuan.platform.web.PageActions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The sick report pages: the reports of the caller's people with a form to file one, and one report to correct or close. */
@Controller
class SickReportPageController {

	private final SickReports reports;

	private final VisitQueries queries;

	SickReportPageController(SickReports reports, VisitQueries queries) {
		this.reports = reports;
		this.queries = queries;
	}

	@GetMapping("/care/visits/sick-reports")
	String list(@RequestParam(required = false) Boolean open, @RequestParam(required = false) Integer page,
			Model model) {
		model.addAttribute("reports", reports.list(open, PageRequest.of(page, 20)));
		model.addAttribute("admin", queries.isAdmin());
		model.addAttribute("open", open);
		return "visits/sick-reports";
	}

	@PostMapping("/care/visits/sick-reports")
	String file(@RequestParam(required = false) Long personId, @RequestParam(required = false) String admittedOn,
			@RequestParam(required = false) String dischargedOn, @RequestParam(required = false) String hospital,
			@RequestParam(required = false) String diagnosis, RedirectAttributes flash) {
		long[] id = new long[1];
		boolean ok = PageActions.run(flash, "visits.flash.sick-filed", () -> id[0] = reports.file(new SickReportViews.ReportInput(
				personId, VisitPageController.date("admittedOn", admittedOn),
				VisitPageController.date("dischargedOn", dischargedOn), hospital, diagnosis, null)));
		return ok ? "redirect:/care/visits/sick-reports/" + id[0] : "redirect:/care/visits/sick-reports";
	}

	@GetMapping("/care/visits/sick-reports/{id}")
	String detail(@PathVariable long id, Model model) {
		model.addAttribute("report", reports.get(id));
		return "visits/sick-report";
	}

	@PostMapping("/care/visits/sick-reports/{id}")
	String update(@PathVariable long id, @RequestParam(required = false) String admittedOn,
			@RequestParam(required = false) String dischargedOn, @RequestParam(required = false) String hospital,
			@RequestParam(required = false) String diagnosis, @RequestParam(required = false) Integer version,
			RedirectAttributes flash) {
		PageActions.run(flash, "visits.flash.sick-updated", () -> reports.update(id, new SickReportViews.ReportInput(null,
				VisitPageController.date("admittedOn", admittedOn), VisitPageController.date("dischargedOn", dischargedOn),
				hospital, diagnosis, version)));
		return "redirect:/care/visits/sick-reports/" + id;
	}

	@PostMapping("/care/visits/sick-reports/{id}/close")
	String close(@PathVariable long id, RedirectAttributes flash) {
		PageActions.run(flash, "visits.flash.sick-closed", () -> reports.close(id));
		return "redirect:/care/visits/sick-reports/" + id;
	}
}
