package org.quntuan.care.hardship;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.PageRequest;
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

/**
 * Pages of 困难会员补助: the overview (one's own entry and applications; for admins the register and the
 * applications of their people), an entry with its yearly review, the application form (a phone is
 * enough) and one application with its approval.
 */
@Controller
class HardshipPageController {

	private final HardshipCases cases;

	private final Subsidies subsidies;

	private final HardshipQueries queries;

	HardshipPageController(HardshipCases cases, Subsidies subsidies, HardshipQueries queries) {
		this.cases = cases;
		this.subsidies = subsidies;
		this.queries = queries;
	}

	@GetMapping("/care/hardship")
	String index(@RequestParam(required = false) Boolean overdue, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer spage, Model model) {
		boolean keeper = queries.keepsAny();
		boolean overdueOnly = Boolean.TRUE.equals(overdue);
		model.addAttribute("keeper", keeper);
		model.addAttribute("overdue", overdueOnly);
		model.addAttribute("mine", queries.mine().orElse(null));
		model.addAttribute("cases", keeper ? queries.cases(overdueOnly, PageRequest.of(page, 20)) : null);
		model.addAttribute("subsidies", queries.subsidies(null, PageRequest.of(spage, 20)));
		return "hardship/index";
	}

	@GetMapping("/care/hardship/cases/new")
	String caseForm(Model model) {
		if (!queries.keepsAny()) {
			throw new ForbiddenException("hardship.error.keepers-only");
		}
		model.addAttribute("causes", Arrays.asList(HardshipCause.values()));
		model.addAttribute("levels", Arrays.asList(HardshipLevel.values()));
		model.addAttribute("reviewDate", queries.today().plusYears(1));
		return "hardship/case-new";
	}

	@PostMapping("/care/hardship/cases")
	String create(@RequestParam(required = false) Long personId, @RequestParam(required = false) List<String> causes,
			@RequestParam(required = false) Integer householdSize, @RequestParam(required = false) String incomePerHead,
			@RequestParam(required = false) String level,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate reviewDate,
			@RequestParam(required = false) String note,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, RedirectAttributes flash) {
		HardshipViews.CaseInput input = new HardshipViews.CaseInput(personId, causes, householdSize, incomePerHead, level,
				reviewDate, note, null);
		long[] created = new long[1];
		if (PageActions.run(flash, "hardship.flash.case-created",
				() -> created[0] = cases.create(input, HardshipViews.Upload.of(files)))) {
			return "redirect:/care/hardship/cases/" + created[0];
		}
		return "redirect:/care/hardship/cases/new";
	}

	@GetMapping("/care/hardship/cases/{id}")
	String caseDetail(@PathVariable long id, @RequestParam(required = false) Boolean whole, Model model) {
		HardshipViews.CaseDetail c = queries.caseDetail(id, Boolean.TRUE.equals(whole));
		model.addAttribute("c", c);
		model.addAttribute("causes", Arrays.asList(HardshipCause.values()));
		model.addAttribute("levels", Arrays.asList(HardshipLevel.values()));
		model.addAttribute("nextReview", queries.today().plusYears(1));
		model.addAttribute("subsidies", queries.subsidies(c.personId(), PageRequest.of(0, 50)));
		return "hardship/case";
	}

	@PostMapping("/care/hardship/cases/{id}")
	String review(@PathVariable long id, @RequestParam(required = false) List<String> causes,
			@RequestParam(required = false) Integer householdSize, @RequestParam(required = false) String incomePerHead,
			@RequestParam(required = false) String level,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate reviewDate,
			@RequestParam(required = false) String note, @RequestParam(required = false) Integer version,
			RedirectAttributes flash) {
		PageActions.run(flash, "hardship.flash.reviewed", () -> cases.review(id,
				new HardshipViews.CaseInput(null, causes, householdSize, incomePerHead, level, reviewDate, note, version)));
		return "redirect:/care/hardship/cases/" + id + "?whole=true";
	}

	@PostMapping("/care/hardship/cases/{id}/documents")
	String caseDocument(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file,
			RedirectAttributes flash) {
		PageActions.run(flash, "hardship.flash.document", () -> cases.attach(id, HardshipViews.Upload.of(file)));
		return "redirect:/care/hardship/cases/" + id + "?whole=true";
	}

	@GetMapping("/care/hardship/subsidies/new")
	String subsidyForm(@RequestParam(required = false) Long personId, Model model) {
		Long me = queries.mineId();
		Long target = personId == null ? me : personId;
		if (target != null) {
			queries.caseIdOf(target);
			model.addAttribute("capLeft", queries.capLeft(target));
		}
		model.addAttribute("personId", personId);
		model.addAttribute("keeper", queries.keepsAny());
		return "hardship/subsidy-new";
	}

	@PostMapping("/care/hardship/subsidies")
	String apply(@RequestParam(required = false) Long personId, @RequestParam(required = false) String amount,
			@RequestParam(required = false) String reason,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, RedirectAttributes flash) {
		long[] created = new long[1];
		if (PageActions.run(flash, "hardship.flash.applied", () -> created[0] = subsidies
			.apply(new HardshipViews.SubsidyInput(personId, amount, reason), HardshipViews.Upload.of(files)).id())) {
			return "redirect:/care/hardship/subsidies/" + created[0];
		}
		flash.addFlashAttribute("amount", amount);
		flash.addFlashAttribute("reason", reason);
		return "redirect:/care/hardship/subsidies/new" + (personId == null ? "" : "?personId=" + personId);
	}

	@GetMapping("/care/hardship/subsidies/{id}")
	String subsidy(@PathVariable long id, Model model) {
		model.addAttribute("s", queries.subsidy(id));
		model.addAttribute("approval", queries.approvalOf(id));
		model.addAttribute("applicant", queries.isApplicant(id));
		return "hardship/subsidy";
	}

	@PostMapping("/care/hardship/subsidies/{id}/resubmit")
	String resubmit(@PathVariable long id, @RequestParam(required = false) String amount,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String comment,
			RedirectAttributes flash) {
		PageActions.run(flash, "hardship.flash.resubmitted",
				() -> subsidies.resubmit(id, new HardshipViews.SubsidyInput(null, amount, reason), comment));
		return "redirect:/care/hardship/subsidies/" + id;
	}

	@PostMapping("/care/hardship/subsidies/{id}/documents")
	String subsidyDocument(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file,
			RedirectAttributes flash) {
		PageActions.run(flash, "hardship.flash.document", () -> subsidies.attach(id, HardshipViews.Upload.of(file)));
		return "redirect:/care/hardship/subsidies/" + id;
	}

	@GetMapping("/care/hardship/documents/{fileId}")
	ResponseEntity<Resource> document(@PathVariable long fileId) {
		return FileResponses.attachment(queries.document(fileId));
	}
}
