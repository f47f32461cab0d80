package org.quntuan.activity;

import org.quntuan.platform.web.PageActions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Check-out (签退): the organizer's code at the end of the activity, and the member's page it leads to. */
@Controller
class CheckOutPageController {

	private final CheckOuts checkOuts;

	private final CheckInCodes codes;

	private final ActivityQueries queries;

	CheckOutPageController(CheckOuts checkOuts, CheckInCodes codes, ActivityQueries queries) {
		this.checkOuts = checkOuts;
		this.codes = codes;
		this.queries = queries;
	}

	/** The code to show at the end, refreshed by the page before the token expires; and who checked out. */
	@GetMapping("/activities/{id}/check-out-code")
	String code(@PathVariable long id, Model model) {
		model.addAttribute("code", codes.issueCheckOut(id, ServletUriComponentsBuilder.fromCurrentContextPath().toUriString()));
		model.addAttribute("a", queries.detail(id));
		model.addAttribute("list", queries.registrants(id));
		return "activity/check-out-code";
	}

	/** Where the check-out code leads: the member confirms with a button (a GET changes nothing). */
	@GetMapping("/activities/{id}/check-out")
	String page(@PathVariable long id, @RequestParam(name = "t", required = false) String token, Model model) {
		model.addAttribute("a", queries.detail(id));
		model.addAttribute("checkedOutAt", checkOuts.mine(id).orElse(null));
		model.addAttribute("token", token);
		return "activity/check-out";
	}

	@PostMapping("/activities/{id}/check-out")
	String checkOut(@PathVariable long id, @RequestParam(name = "t", required = false) String token,
			RedirectAttributes flash) {
		PageActions.run(flash, "activity.registration.flash.checked-out", () -> checkOuts.checkOut(id, token));
		return "redirect:/activities/" + id;
	}
}
