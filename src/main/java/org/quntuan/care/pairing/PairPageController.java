package org.quntuan.care.pairing;

import java.util.List;

import org.quntuan.organization.OrganizationQueries;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.Text;
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

/**
 * The pairing pages: the pairs (and, for the work committee, a new pair), the partners, a pair with a
 * year's plan, progress and problems, and its printable summary with the Excel file.
 */
@Controller
class PairPageController {

	private final Pairs pairs;

	private final PairPlans plans;

	private final PairingReads reads;

	private final PairSummaryExport export;

	private final OrganizationQueries orgs;

	PairPageController(Pairs pairs, PairPlans plans, PairingReads reads, PairSummaryExport export,
			OrganizationQueries orgs) {
		this.pairs = pairs;
		this.plans = plans;
		this.reads = reads;
		this.export = export;
		this.orgs = orgs;
	}

	@GetMapping("/care/pairing")
	String list(@RequestParam(required = false) Integer year, @RequestParam(required = false) Integer page,
			Model model) {
		Integer y = year == null ? Integer.valueOf(reads.today().getYear()) : year;
		model.addAttribute("year", y);
		model.addAttribute("pairs", reads.pairs(y, null, PageRequest.of(page, 50)));
		boolean federation = reads.federation();
		model.addAttribute("federation", federation);
		model.addAttribute("organs", federation ? orgs.administeredOrgans() : List.of());
		model.addAttribute("partnerOptions", federation ? reads.partnerOptions() : List.of());
		return "pairing/list";
	}

	@PostMapping("/care/pairing/pairs")
	String create(@RequestParam(required = false) Long organId, @RequestParam(required = false) Long partnerId,
			@RequestParam(required = false) Integer startYear, @RequestParam(required = false) Integer endYear,
			@RequestParam(required = false) List<Long> personId, RedirectAttributes flash) {
		long[] id = new long[1];
		boolean ok = PageActions.run(flash, "pairing.flash.paired",
				() -> id[0] = pairs.create(new PairingRequests.Pair(organId, partnerId, startYear, endYear, personId)));
		return ok ? "redirect:/care/pairing/pairs/" + id[0] : "redirect:/care/pairing";
	}

	@GetMapping("/care/pairing/partners")
	String partners(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
			Model model) {
		model.addAttribute("q", q);
		model.addAttribute("partners", reads.partners(q, PageRequest.of(page, 50)));
		model.addAttribute("kinds", PartnerKind.values());
		return "pairing/partners";
	}

	@PostMapping("/care/pairing/partners")
	String addPartner(@RequestParam(required = false) String name, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String district, @RequestParam(required = false) String contactName,
			@RequestParam(required = false) String contactPhone, RedirectAttributes flash) {
		PageActions.run(flash, Text.of("pairing.flash.partner-added", name == null ? "" : name.strip()),
				() -> pairs.addPartner(new PairingRequests.Partner(name, kind, district, contactName, contactPhone)));
		return "redirect:/care/pairing/partners";
	}

	@GetMapping("/care/pairing/pairs/{id}")
	String detail(@PathVariable long id, @RequestParam(required = false) Integer year, Model model) {
		model.addAttribute("p", reads.pair(id, year));
		model.addAttribute("categories", ProblemCategory.values());
		model.addAttribute("sides", RaisedBy.values());
		model.addAttribute("today", reads.today());
		return "pairing/detail";
	}

	@PostMapping("/care/pairing/pairs/{id}/renewal")
	String renew(@PathVariable long id, @RequestParam(required = false) Integer startYear,
			@RequestParam(required = false) Integer endYear, RedirectAttributes flash) {
		long[] created = new long[1];
		boolean ok = PageActions.run(flash, "pairing.flash.renewed",
				() -> created[0] = pairs.renew(id, new PairingRequests.Renewal(startYear, endYear)));
		return "redirect:/care/pairing/pairs/" + (ok ? created[0] : id);
	}

	@PostMapping("/care/pairing/pairs/{id}/plan-items")
	String addItem(@PathVariable long id, @RequestParam(required = false) String title,
			@RequestParam(required = false) String plannedOn, @RequestParam(required = false) String who,
			RedirectAttributes flash) {
		Integer[] year = new Integer[1];
		PageActions.run(flash, "pairing.flash.plan-added", () -> {
			PairingRequests.PlanItem item = new PairingRequests.PlanItem(title, PairingInput.date("plannedOn", plannedOn), who);
			plans.addItem(id, item);
			year[0] = item.plannedOn().getYear();
		});
		return "redirect:/care/pairing/pairs/" + id + (year[0] == null ? "" : "?year=" + year[0]);
	}

	@PostMapping("/care/pairing/plan-items/{id}/progress")
	String addProgress(@PathVariable long id, @RequestParam(required = false) Long pairId,
			@RequestParam(required = false) Integer year,
			@RequestParam(required = false) String happenedOn, @RequestParam(required = false) String note,
			@RequestParam(name = "photo", required = false) MultipartFile photo, RedirectAttributes flash) {
		PageActions.run(flash, "pairing.flash.progress-added", () -> plans.addProgress(id,
				PairingInput.date("happenedOn", happenedOn), note, PairingApiController.upload(photo)));
		return pairId == null ? "redirect:/care/pairing"
				: "redirect:/care/pairing/pairs/" + pairId + (year == null ? "" : "?year=" + year);
	}

	@GetMapping("/care/pairing/progress/{id}/photo")
	ResponseEntity<Resource> photo(@PathVariable long id) {
		return FileResponses.attachment(reads.photo(id));
	}

	@GetMapping("/care/pairing/pairs/{id}/summary")
	String summary(@PathVariable long id, @RequestParam(required = false) Integer year, Model model) {
		model.addAttribute("p", reads.pair(id, year));
		return "pairing/summary";
	}

	@GetMapping("/care/pairing/pairs/{id}/summary.xlsx")
	ResponseEntity<byte[]> summaryFile(@PathVariable long id, @RequestParam(required = false) Integer year) {
		return export.download(id, year);
	}
}
