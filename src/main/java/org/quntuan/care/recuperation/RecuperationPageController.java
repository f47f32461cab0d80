package org.quntuan.care.recuperation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.Text;
import org.quntuan.platform.Texts;
import org.quntuan.platform.web.PageActions;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The recuperation pages: the year's batches and one's own nominations, a new batch, a batch (places per
 * organ, nominating, the roster with its export, attendance), and a nomination, where the person
 * confirms or declines and an admin may take it back.
 */
@Controller
class RecuperationPageController {

	private final Recuperations recuperations;

	private final RecuperationQueries queries;

	private final RecuperationRosterExport export;

	RecuperationPageController(Recuperations recuperations, RecuperationQueries queries, RecuperationRosterExport export) {
		this.recuperations = recuperations;
		this.queries = queries;
		this.export = export;
	}

	@GetMapping("/care/recuperation")
	String list(@RequestParam(required = false) Integer year, Model model) {
		int y = year == null ? queries.today().getYear() : year;
		model.addAttribute("year", y);
		model.addAttribute("batches", queries.list(y));
		model.addAttribute("mine", queries.mine());
		model.addAttribute("planner", queries.plans());
		return "recuperation/list";
	}

	@GetMapping("/care/recuperation/new")
	String form(Model model) {
		queries.requirePlanner();
		model.addAttribute("kinds", RecuperationKind.values());
		return "recuperation/form";
	}

	@PostMapping("/care/recuperation/batches")
	String create(@RequestParam(required = false) String title, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String destination, @RequestParam(required = false) String startsOn,
			@RequestParam(required = false) String endsOn, @RequestParam(required = false) Integer capacity,
			@RequestParam(required = false) String costPerPerson, @RequestParam(required = false) String description,
			RedirectAttributes flash) {
		long[] created = new long[1];
		boolean ok = PageActions.run(flash, Text.of("recuperation.flash.created", title == null ? "" : title.strip()),
				() -> created[0] = recuperations.create(new BatchRequest(title, kind, destination, date("startsOn", startsOn),
						date("endsOn", endsOn), capacity, costPerPerson, description, null)));
		return ok ? "redirect:/care/recuperation/batches/" + created[0] : "redirect:/care/recuperation/new";
	}

	@GetMapping("/care/recuperation/batches/{id}")
	String detail(@PathVariable long id, Model model) {
		RecuperationViews.Detail b = queries.detail(id);
		model.addAttribute("b", b);
		model.addAttribute("admin", queries.isAdmin());
		model.addAttribute("quotaForm", b.organizer() && !b.started() ? queries.quotaForm(id) : List.of());
		return "recuperation/detail";
	}

	@PostMapping("/care/recuperation/batches/{id}/quotas")
	String quotas(@PathVariable long id, @RequestParam(required = false) List<Long> organId,
			@RequestParam(required = false) List<Integer> places, @RequestParam(required = false) Integer version,
			RedirectAttributes flash) {
		List<BatchRequest.Quota> quotas = new ArrayList<>();
		int n = organId == null ? 0 : organId.size();
		for (int i = 0; i < n; i++) {
			quotas.add(new BatchRequest.Quota(organId.get(i), places != null && i < places.size() ? places.get(i) : null));
		}
		Recuperations.QuotaChange[] change = new Recuperations.QuotaChange[1];
		boolean ok = PageActions.run(flash, (String) null, () -> change[0] = recuperations.setQuotas(id, quotas, version));
		if (ok) {
			flash.addFlashAttribute("success", Texts.localized("recuperation.flash.quotas", change[0].allocated(),
					change[0].capacity(), change[0].promoted()));
		}
		return "redirect:/care/recuperation/batches/" + id;
	}

	@PostMapping("/care/recuperation/batches/{id}/nominations")
	String nominate(@PathVariable long id, @RequestParam(required = false) Long personId,
			@RequestParam(required = false) String modelWorkerReference,
			@RequestParam(defaultValue = "false") boolean waitList, RedirectAttributes flash) {
		Recuperations.Nominated[] done = new Recuperations.Nominated[1];
		boolean ok = PageActions.run(flash, (String) null,
				() -> done[0] = recuperations.nominate(id, personId, modelWorkerReference, waitList));
		if (ok) {
			flash.addFlashAttribute("success", Texts.localized(done[0].status() == NominationStatus.WAITING
					? "recuperation.flash.wait-listed" : "recuperation.flash.nominated"));
		}
		return "redirect:/care/recuperation/batches/" + id;
	}

	@PostMapping("/care/recuperation/batches/{id}/attendance")
	String attendance(@PathVariable long id, @RequestParam(required = false) List<Long> nominationId,
			@RequestParam(required = false) List<Long> attended, RedirectAttributes flash) {
		List<Recuperations.Attendance> records = new ArrayList<>();
		if (nominationId != null) {
			for (Long n : nominationId) {
				records.add(new Recuperations.Attendance(n, attended != null && attended.contains(n)));
			}
		}
		int[] changed = new int[1];
		boolean ok = PageActions.run(flash, (String) null, () -> changed[0] = recuperations.recordAttendance(id, records));
		if (ok) {
			flash.addFlashAttribute("success", Texts.localized("recuperation.flash.attendance", changed[0]));
		}
		return "redirect:/care/recuperation/batches/" + id;
	}

	@GetMapping("/care/recuperation/batches/{id}/roster.xlsx")
	ResponseEntity<byte[]> roster(@PathVariable long id) {
		return export.download(id);
	}

	@GetMapping("/care/recuperation/nominations/{id}")
	String nomination(@PathVariable long id, Model model) {
		model.addAttribute("p", queries.nomination(id));
		return "recuperation/nomination";
	}

	@PostMapping("/care/recuperation/nominations/{id}/confirm")
	String confirm(@PathVariable long id, RedirectAttributes flash) {
		PageActions.run(flash, "recuperation.flash.confirmed", () -> recuperations.confirm(id));
		return "redirect:/care/recuperation/nominations/" + id;
	}

	@PostMapping("/care/recuperation/nominations/{id}/decline")
	String decline(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes flash) {
		PageActions.run(flash, "recuperation.flash.declined", () -> recuperations.decline(id, reason));
		return "redirect:/care/recuperation/nominations/" + id;
	}

	@PostMapping("/care/recuperation/nominations/{id}/withdraw")
	String withdraw(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes flash) {
		PageActions.run(flash, "recuperation.flash.withdrawn", () -> recuperations.withdraw(id, reason));
		return "redirect:/care/recuperation/nominations/" + id;
	}

	private static LocalDate date(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidValueException(field, "recuperation.error.bad-date");
		}
	}
}
