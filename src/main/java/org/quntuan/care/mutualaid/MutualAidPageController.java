package org.quntuan.care.mutualaid;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.ConflictException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.Text;
import org.quntuan.platform.Texts;
import org.quntuan.platform.excel.ExcelFileException;
import org.quntuan.platform.web.PageActions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The mutual-aid pages: the plans (and a new plan for the federation), a plan's progress board with
 * its chart, payments and export, the enrolment list (filter, select all, enrol; or an Excel of ID
 * numbers) and the federation's split of the target.
 */
@Controller
class MutualAidPageController {

	static final int LIST_SIZE = 100;

	private final MutualAidPlans commands;

	private final MutualAidQueries queries;

	private final MutualAidAccess access;

	private final MutualAidProgressExport export;

	private final JsonMapper json;

	private final int maxImportRows;

	MutualAidPageController(MutualAidPlans commands, MutualAidQueries queries, MutualAidAccess access,
			MutualAidProgressExport export, JsonMapper json,
			@Value("${quntuan.care.mutual-aid.max-import-rows:5000}") int maxImportRows) {
		this.commands = commands;
		this.queries = queries;
		this.access = access;
		this.export = export;
		this.json = json;
		this.maxImportRows = maxImportRows;
	}

	@GetMapping("/care/mutual-aid")
	String list(Model model) {
		model.addAttribute("plans", queries.plans());
		model.addAttribute("admin", access.isAdmin());
		model.addAttribute("federation", access.isFederation());
		model.addAttribute("nextYear", queries.today().getYear() + 1);
		return "mutualaid/list";
	}

	@PostMapping("/care/mutual-aid")
	String create(@RequestParam(required = false) Integer year, @RequestParam(required = false) String title,
			@RequestParam(required = false) String pricePerPerson, @RequestParam(required = false) Integer target,
			@RequestParam(required = false) String enrolOpensOn, @RequestParam(required = false) String enrolClosesOn,
			@RequestParam(required = false) Integer remindBelowPercent, RedirectAttributes flash) {
		long[] created = new long[1];
		boolean ok = PageActions.run(flash, Text.of("mutualaid.flash.created", year == null ? "" : String.valueOf(year)),
				() -> created[0] = commands.create(new MutualAidRequests.Plan(year, title, null, null, pricePerPerson,
						date("enrolOpensOn", enrolOpensOn), date("enrolClosesOn", enrolClosesOn), target,
						remindBelowPercent)));
		return ok ? "redirect:/care/mutual-aid/" + created[0] : "redirect:/care/mutual-aid";
	}

	@GetMapping("/care/mutual-aid/{id}")
	String board(@PathVariable long id, Model model) {
		MutualAidViews.Board board = queries.board(id);
		model.addAttribute("b", board);
		model.addAttribute("federation", access.isFederation());
		model.addAttribute("payments", queries.payments(id));
		model.addAttribute("chart", chart(board));
		return "mutualaid/board";
	}

	/** By 片组 when the caller sees several, else by organ: names, targets and enrolments. */
	private String chart(MutualAidViews.Board board) {
		List<String> names = new ArrayList<>();
		List<Long> targets = new ArrayList<>();
		List<Long> enrolled = new ArrayList<>();
		if (board.groups().size() > 1) {
			for (MutualAidViews.Figures g : board.groups()) {
				names.add(g.name() == null ? "" : g.name());
				targets.add(g.target());
				enrolled.add(g.enrolled());
			}
		}
		else {
			for (MutualAidViews.Row r : board.rows()) {
				names.add(r.organName());
				targets.add((long) r.target());
				enrolled.add(r.enrolled());
			}
		}
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("names", names);
		data.put("targets", targets);
		data.put("enrolled", enrolled);
		data.put("targetLabel", Texts.localized("mutualaid.board.target"));
		data.put("enrolledLabel", Texts.localized("mutualaid.board.enrolled"));
		return json.writeValueAsString(data);
	}

	@GetMapping("/care/mutual-aid/{id}/export")
	ResponseEntity<byte[]> export(@PathVariable long id) {
		return export.download(id);
	}

	@GetMapping("/care/mutual-aid/{id}/enrol")
	String people(@PathVariable long id, @RequestParam(required = false) String q,
			@RequestParam(required = false) Long organId, @RequestParam(required = false) String status,
			@RequestParam(required = false) Integer page, Model model) {
		Boolean enrolled = "enrolled".equals(status) ? Boolean.TRUE : "unenrolled".equals(status) ? Boolean.FALSE : null;
		model.addAttribute("plan", queries.plan(id));
		model.addAttribute("people", queries.people(id, q, organId, enrolled, PageRequest.of(page, LIST_SIZE)));
		model.addAttribute("organs", queries.board(id).rows());
		model.addAttribute("q", q);
		model.addAttribute("organId", organId);
		model.addAttribute("status", status);
		UriComponentsBuilder base = UriComponentsBuilder.fromPath("/care/mutual-aid/" + id + "/enrol")
			.queryParamIfPresent("q", Optional.ofNullable(q))
			.queryParamIfPresent("organId", Optional.ofNullable(organId))
			.queryParamIfPresent("status", Optional.ofNullable(status));
		int current = page == null ? 0 : page;
		model.addAttribute("previous", base.cloneBuilder().queryParam("page", current - 1).toUriString());
		model.addAttribute("next", base.cloneBuilder().queryParam("page", current + 1).toUriString());
		return "mutualaid/enrol";
	}

	@PostMapping("/care/mutual-aid/{id}/enrolments")
	String enrol(@PathVariable long id, @RequestParam(required = false) List<Long> personIds, RedirectAttributes flash) {
		MutualAidPlans.Enrolled[] done = new MutualAidPlans.Enrolled[1];
		if (PageActions.run(flash, (Text) null, () -> done[0] = commands.enrol(id, personIds))) {
			flash.addFlashAttribute("success", Texts.localized("mutualaid.flash.enrolled", done[0].enrolled(),
					done[0].alreadyEnrolled()));
		}
		return "redirect:/care/mutual-aid/" + id + "/enrol";
	}

	@GetMapping("/care/mutual-aid/{id}/enrolments/{personId}/withdraw")
	String withdrawal(@PathVariable long id, @PathVariable long personId, Model model) {
		model.addAttribute("plan", queries.plan(id));
		model.addAttribute("enrolment", queries.enrolment(id, personId));
		return "mutualaid/withdraw";
	}

	@PostMapping("/care/mutual-aid/{id}/enrolments/{personId}/withdraw")
	String withdraw(@PathVariable long id, @PathVariable long personId, @RequestParam(required = false) String reason,
			RedirectAttributes flash) {
		boolean ok = PageActions.run(flash, "mutualaid.flash.withdrawn", () -> commands.withdraw(id, personId, reason));
		return ok ? "redirect:/care/mutual-aid/" + id + "/enrol?status=enrolled"
				: "redirect:/care/mutual-aid/" + id + "/enrolments/" + personId + "/withdraw";
	}

	@PostMapping("/care/mutual-aid/{id}/enrolments/import")
	String importEnrolments(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file,
			RedirectAttributes flash) {
		try {
			MutualAidPlans.Enrolled done = commands.importEnrolments(id, file, maxImportRows);
			flash.addFlashAttribute("success", Texts.localized("mutualaid.flash.imported", done.enrolled(),
					done.alreadyEnrolled()));
		}
		catch (EnrolmentImport.Rejected ex) {
			flash.addFlashAttribute("importErrors", ex.errors());
			flash.addFlashAttribute("error", Texts.localized(ex));
		}
		catch (InvalidValueException | BusinessRuleException | ConflictException ex) {
			flash.addFlashAttribute("error", Texts.localized(ex));
		}
		catch (ExcelFileException ex) {
			flash.addFlashAttribute("error", Texts.localized(ex));
		}
		return "redirect:/care/mutual-aid/" + id + "/enrol";
	}

	@GetMapping("/care/mutual-aid/{id}/targets")
	String targets(@PathVariable long id, Model model) {
		model.addAttribute("plan", queries.plan(id));
		model.addAttribute("targets", queries.targets(id));
		return "mutualaid/targets";
	}

	@PostMapping("/care/mutual-aid/{id}/targets")
	String setTargets(@PathVariable long id, @RequestParam(required = false) List<Long> organId,
			@RequestParam(required = false) List<Integer> target, @RequestParam(required = false) Integer version,
			RedirectAttributes flash) {
		List<MutualAidRequests.Target> entries = new ArrayList<>();
		int n = organId == null ? 0 : organId.size();
		for (int i = 0; i < n; i++) {
			entries.add(new MutualAidRequests.Target(organId.get(i), target == null || i >= target.size() ? null : target.get(i)));
		}
		boolean ok = PageActions.run(flash, "mutualaid.flash.targets-saved",
				() -> commands.setTargets(id, new MutualAidRequests.Targets(entries, version)));
		return ok ? "redirect:/care/mutual-aid/" + id : "redirect:/care/mutual-aid/" + id + "/targets";
	}

	@PostMapping("/care/mutual-aid/{id}/payments")
	String pay(@PathVariable long id, @RequestParam(required = false) Long organId, RedirectAttributes flash) {
		MutualAidPlans.Paid[] done = new MutualAidPlans.Paid[1];
		if (PageActions.run(flash, (Text) null, () -> done[0] = commands.pay(id, new MutualAidRequests.Payment(organId, null)))) {
			flash.addFlashAttribute("success", Texts.localized("mutualaid.flash.paid", done[0].persons(),
					done[0].amount().toPlainString()));
		}
		return "redirect:/care/mutual-aid/" + id;
	}

	private static LocalDate date(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidValueException(field, "mutualaid.error.date");
		}
	}
}
