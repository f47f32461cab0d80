package org.quntuan.care.visits;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.Text;
import org.quntuan.platform.Texts;
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
 * The visit pages: the plans, a new plan, a plan with its standards and list (adding people), the page of
 * one recipient where their visit is recorded (with a photo), and the board with its Excel file.
 */
@Controller
class VisitPageController {

	private final Visits visits;

	private final VisitQueries queries;

	private final BoardExport export;

	VisitPageController(Visits visits, VisitQueries queries, BoardExport export) {
		this.visits = visits;
		this.queries = queries;
		this.export = export;
	}

	@GetMapping("/care/visits")
	String list(@RequestParam(required = false) Integer page, Model model) {
		model.addAttribute("plans", queries.list(PageRequest.of(page, 20)));
		model.addAttribute("admin", queries.isAdmin());
		return "visits/list";
	}

	@GetMapping("/care/visits/new")
	String form(Model model) {
		queries.requireAdmin();
		model.addAttribute("books", queries.books());
		model.addAttribute("kinds", RecipientKind.values());
		model.addAttribute("forms", VisitForm.values());
		return "visits/form";
	}

	/** The standards come as {@code kinds} (the kinds ticked) with {@code form.<KIND>}, {@code amount.<KIND>}, {@code goods.<KIND>}. */
	@PostMapping("/care/visits")
	String create(@RequestParam(required = false) String title, @RequestParam(required = false) String startsOn,
			@RequestParam(required = false) String endsOn, @RequestParam(required = false) Long bookOrgId,
			@RequestParam(required = false) String budget, @RequestParam(required = false) String note,
			@RequestParam(required = false) List<String> kinds, @RequestParam Map<String, String> fields,
			RedirectAttributes flash) {
		List<VisitViews.StandardInput> standards = new ArrayList<>();
		for (String kind : kinds == null ? List.<String>of() : kinds) {
			standards.add(new VisitViews.StandardInput(kind, fields.get("form." + kind), fields.get("amount." + kind),
					fields.get("goods." + kind)));
		}
		long[] created = new long[1];
		boolean ok = PageActions.run(flash, Text.of("visits.flash.created", title == null ? "" : title.strip()),
				() -> created[0] = visits.createPlan(new VisitViews.PlanInput(title, date("startsOn", startsOn),
						date("endsOn", endsOn), bookOrgId, budget, note, standards)));
		return ok ? "redirect:/care/visits/" + created[0] : "redirect:/care/visits/new";
	}

	@GetMapping("/care/visits/{id}")
	String detail(@PathVariable long id, @RequestParam(required = false) Long organId,
			@RequestParam(required = false) Boolean visited, @RequestParam(required = false) Integer page, Model model) {
		VisitViews.PlanDetail plan = queries.detail(id);
		model.addAttribute("plan", plan);
		model.addAttribute("recipients", queries.recipients(id, organId, visited, PageRequest.of(page, 50)));
		model.addAttribute("organs", queries.board(id).rows());
		model.addAttribute("organId", organId);
		model.addAttribute("visited", visited);
		model.addAttribute("kinds", plan.standards());
		return "visits/detail";
	}

	@PostMapping("/care/visits/{id}/recipients")
	String add(@PathVariable long id, @RequestParam(required = false) Long personId,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String note,
			RedirectAttributes flash) {
		PageActions.run(flash, "visits.flash.added",
				() -> visits.addRecipient(id, new VisitViews.RecipientInput(personId, kind, note)));
		return "redirect:/care/visits/" + id;
	}

	@PostMapping("/care/visits/{id}/recipients/from-registers")
	String fromRegisters(@PathVariable long id, @RequestParam(required = false) String kind, RedirectAttributes flash) {
		int[] added = new int[1];
		if (PageActions.run(flash, (Text) null, () -> added[0] = visits.addFromRegisters(id, kind))) {
			flash.addFlashAttribute("success", added[0] == 0 ? Texts.localized("visits.flash.from-registers-none")
					: Texts.localized("visits.flash.from-registers", added[0]));
		}
		return "redirect:/care/visits/" + id;
	}

	@PostMapping("/care/visits/{id}/budget")
	String budget(@PathVariable long id, @RequestParam(required = false) String budget,
			@RequestParam(required = false) Integer version, RedirectAttributes flash) {
		PageActions.run(flash, "visits.flash.budget", () -> visits.changeBudget(id, new VisitViews.BudgetInput(budget, version)));
		return "redirect:/care/visits/" + id;
	}

	@GetMapping("/care/visits/recipients/{id}")
	String recipient(@PathVariable long id, Model model) {
		model.addAttribute("r", queries.recipient(id));
		model.addAttribute("forms", VisitForm.values());
		return "visits/recipient";
	}

	@PostMapping("/care/visits/recipients/{id}/visit")
	String record(@PathVariable long id, @RequestParam(required = false) String visitedOn,
			@RequestParam(required = false) String visitors, @RequestParam(required = false) String form,
			@RequestParam(required = false) String amount, @RequestParam(required = false) String goods,
			@RequestParam(required = false) String note,
			@RequestParam(name = "photo", required = false) MultipartFile photo, RedirectAttributes flash) {
		PageActions.run(flash, "visits.flash.visited", () -> visits.record(new VisitViews.VisitInput(id,
				date("visitedOn", visitedOn), visitors, form, amount, goods, note), VisitApiController.upload(photo)));
		return "redirect:/care/visits/recipients/" + id;
	}

	@PostMapping("/care/visits/recipients/{id}/remove")
	String remove(@PathVariable long id, RedirectAttributes flash) {
		long planId = queries.recipient(id).plan().id();
		boolean ok = PageActions.run(flash, "visits.flash.removed", () -> visits.removeRecipient(id));
		return ok ? "redirect:/care/visits/" + planId : "redirect:/care/visits/recipients/" + id;
	}

	@GetMapping("/care/visits/{id}/board")
	String board(@PathVariable long id, Model model) {
		model.addAttribute("board", queries.board(id));
		return "visits/board";
	}

	@GetMapping("/care/visits/{id}/board.xlsx")
	ResponseEntity<byte[]> boardExcel(@PathVariable long id) {
		return export.download(id);
	}

	@GetMapping("/care/visits/records/{id}/photo")
	ResponseEntity<Resource> photo(@PathVariable long id) {
		return FileResponses.attachment(queries.photo(id));
	}

	static LocalDate date(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidValueException(field, "visits.error.bad-date");
		}
	}
}
