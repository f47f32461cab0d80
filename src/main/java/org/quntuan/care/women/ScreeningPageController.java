package org.quntuan.care.women;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
 * The 两癌筛查 pages: the year's screenings and one's own sign-ups, a new screening (the federation), a
 * screening (places, signing up, the committee's list and its export) and a sign-up with its result,
 * where the woman cancels and her committee records the result.
 */
@Controller
class ScreeningPageController {

	private final ScreeningPlans plans;

	private final Screenings screenings;

	private final ScreeningQueries queries;

	private final SignupExport export;

	ScreeningPageController(ScreeningPlans plans, Screenings screenings, ScreeningQueries queries, SignupExport export) {
		this.plans = plans;
		this.screenings = screenings;
		this.queries = queries;
		this.export = export;
	}

	@GetMapping("/women/screenings")
	String list(@RequestParam(required = false) Integer year, Model model) {
		int y = year == null ? queries.today().getYear() : year;
		model.addAttribute("year", y);
		model.addAttribute("screenings", queries.list(y));
		model.addAttribute("mine", queries.mine());
		model.addAttribute("planner", queries.plans());
		return "women/screenings";
	}

	@GetMapping("/women/screenings/new")
	String form() {
		queries.requirePlanner();
		return "women/screening-form";
	}

	@PostMapping("/women/screenings")
	String create(@RequestParam(required = false) String title, @RequestParam(required = false) String startsOn,
			@RequestParam(required = false) String endsOn, @RequestParam(required = false) String signupOpensOn,
			@RequestParam(required = false) String signupClosesOn, @RequestParam(required = false) Integer capacity,
			@RequestParam(required = false) Integer priorityAge, @RequestParam(required = false) Integer priorityYears,
			RedirectAttributes flash) {
		long[] created = new long[1];
		boolean ok = PageActions.run(flash, Text.of("women.flash.created", title == null ? "" : title.strip()),
				() -> {
					LocalDate starts = date("startsOn", startsOn);
					created[0] = plans.create(new ScreeningRequest(starts == null ? null : starts.getYear(), title,
							starts, date("endsOn", endsOn), date("signupOpensOn", signupOpensOn),
							date("signupClosesOn", signupClosesOn), capacity, priorityAge, priorityYears, null));
				});
		return ok ? "redirect:/women/screenings/" + created[0] : "redirect:/women/screenings/new";
	}

	@GetMapping("/women/screenings/{id}")
	String detail(@PathVariable long id, Model model) {
		ScreeningViews.Detail d = queries.detail(id);
		model.addAttribute("s", d);
		model.addAttribute("signups", d.committee() ? queries.signups(id) : List.of());
		return "women/screening";
	}

	@PostMapping("/women/screenings/{id}/signups")
	String signUp(@PathVariable long id, RedirectAttributes flash) {
		Screenings.Signed[] done = new Screenings.Signed[1];
		boolean ok = PageActions.run(flash, (String) null, () -> done[0] = screenings.signUp(id));
		if (ok) {
			flash.addFlashAttribute("success", Texts.localized(done[0].status() == SignupStatus.WAITING
					? "women.flash.waiting" : "women.flash.signed-up"));
		}
		return "redirect:/women/screenings/" + id;
	}

	@GetMapping("/women/screenings/{id}/signups.xlsx")
	ResponseEntity<byte[]> export(@PathVariable long id) {
		return export.download(id);
	}

	@GetMapping("/women/signups/{id}")
	String signup(@PathVariable long id, Model model) {
		model.addAttribute("u", queries.signup(id));
		model.addAttribute("results", ScreeningResult.values());
		return "women/signup";
	}

	@PostMapping("/women/signups/{id}/cancel")
	String cancel(@PathVariable long id, RedirectAttributes flash) {
		PageActions.run(flash, "women.flash.cancelled", () -> screenings.cancel(id));
		return "redirect:/women/signups/" + id;
	}

	@PostMapping("/women/signups/{id}/result")
	String result(@PathVariable long id, @RequestParam(required = false) String result,
			@RequestParam(required = false) String note, RedirectAttributes flash) {
		PageActions.run(flash, "women.flash.result", () -> screenings.recordResult(id, result, note));
		return "redirect:/women/signups/" + id;
	}

	private static LocalDate date(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidValueException(field, "women.error.bad-date");
		}
	}
}
