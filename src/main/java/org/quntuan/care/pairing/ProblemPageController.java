package org.quntuan.care.pairing;

import org.quntuan.platform.Coded;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.web.PageActions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The problems of the pairs: raising one, the list with filters, a problem with its steps, and the board. */
@Controller
class ProblemPageController {

	private final PairProblems problems;

	private final PairingReads reads;

	ProblemPageController(PairProblems problems, PairingReads reads) {
		this.problems = problems;
		this.reads = reads;
	}

	@PostMapping("/care/pairing/pairs/{id}/problems")
	String raise(@PathVariable long id, @RequestParam(required = false) String category,
			@RequestParam(required = false) String description, @RequestParam(required = false) String owner,
			@RequestParam(required = false) String dueDate, @RequestParam(required = false) String raisedBy,
			RedirectAttributes flash) {
		long[] created = new long[1];
		boolean ok = PageActions.run(flash, "pairing.flash.problem-raised", () -> created[0] = problems.raise(id,
				new PairingRequests.Problem(category, description, owner, PairingInput.date("dueDate", dueDate), null,
						raisedBy)));
		return ok ? "redirect:/care/pairing/problems/" + created[0] : "redirect:/care/pairing/pairs/" + id;
	}

	@GetMapping("/care/pairing/problems")
	String list(@RequestParam(required = false) String status, @RequestParam(required = false) Boolean overdue,
			@RequestParam(required = false) Integer page, Model model) {
		ProblemStatus s = Coded.parse(ProblemStatus.class, status);
		model.addAttribute("status", s == null ? null : s.name());
		model.addAttribute("overdue", overdue);
		model.addAttribute("statuses", ProblemStatus.values());
		model.addAttribute("problems", reads.problems(s, overdue, null, PageRequest.of(page, 20)));
		model.addAttribute("federation", reads.federation());
		return "pairing/problems";
	}

	@GetMapping("/care/pairing/problems/{id}")
	String detail(@PathVariable long id, Model model) {
		model.addAttribute("d", reads.problem(id));
		return "pairing/problem";
	}

	@PostMapping("/care/pairing/problems/{id}/status")
	String move(@PathVariable long id, @RequestParam(required = false) String status,
			@RequestParam(required = false) String note, @RequestParam(required = false) Integer version,
			RedirectAttributes flash) {
		PageActions.run(flash, "pairing.flash.moved",
				() -> problems.move(id, new PairingRequests.StatusChange(status, note, version)));
		return "redirect:/care/pairing/problems/" + id;
	}

	@GetMapping("/care/pairing/board")
	String board(Model model) {
		model.addAttribute("board", reads.board());
		return "pairing/board";
	}
}
