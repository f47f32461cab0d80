package org.quntuan.governance.mailbox;

import org.quntuan.platform.PageRequest;
import org.quntuan.platform.web.PageActions;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The mailbox pages: my letters, writing one, the office's board, a letter, the yearly summary. */
@Controller
class MailboxPageController {

	private final Letters letters;

	private final LetterQueries queries;

	private final MailboxSummaryExport export;

	MailboxPageController(Letters letters, LetterQueries queries, MailboxSummaryExport export) {
		this.letters = letters;
		this.queries = queries;
		this.export = export;
	}

	@GetMapping("/mailbox")
	String mine(@RequestParam(required = false) Integer page, Model model) {
		model.addAttribute("letters", queries.mine(PageRequest.of(page, 20)));
		model.addAttribute("office", queries.office());
		return "mailbox/mine";
	}

	@GetMapping("/mailbox/new")
	String form(Model model) {
		model.addAttribute("categories", LetterCategory.values());
		return "mailbox/form";
	}

	@PostMapping("/mailbox/letters")
	String write(@RequestParam(required = false) String category, @RequestParam(required = false) String text,
			@RequestParam(defaultValue = "false") boolean anonymous, @RequestParam(required = false) String to,
			RedirectAttributes flash) {
		long[] id = new long[1];
		boolean ok = PageActions.run(flash, "mailbox.flash.written", () -> id[0] = letters.write(category, text, anonymous, to));
		return ok ? "redirect:/mailbox/letters/" + id[0] : "redirect:/mailbox/new";
	}

	@GetMapping("/mailbox/board")
	String board(@RequestParam(required = false) String status, @RequestParam(required = false) Integer page, Model model) {
		model.addAttribute("letters", queries.board(status, PageRequest.of(page, 20)));
		model.addAttribute("status", status);
		model.addAttribute("statuses", LetterStatus.values());
		return "mailbox/board";
	}

	@GetMapping("/mailbox/letters/{id}")
	String letter(@PathVariable long id, Model model) {
		model.addAttribute("l", queries.letter(id));
		model.addAttribute("assignees", queries.assignees(id));
		return "mailbox/letter";
	}

	@PostMapping("/mailbox/letters/{id}/assignment")
	String assign(@PathVariable long id, @RequestParam(required = false) Long assigneeAccountId,
			@RequestParam(required = false) Integer version, RedirectAttributes flash) {
		PageActions.run(flash, "mailbox.flash.assigned", () -> letters.assign(id, assigneeAccountId, version));
		return "redirect:/mailbox/letters/" + id;
	}

	@PostMapping("/mailbox/letters/{id}/reply")
	String reply(@PathVariable long id, @RequestParam(required = false) String text,
			@RequestParam(required = false) Integer version, RedirectAttributes flash) {
		PageActions.run(flash, "mailbox.flash.replied", () -> letters.reply(id, text, version));
		return "redirect:/mailbox/letters/" + id;
	}

	@PostMapping("/mailbox/letters/{id}/rating")
	String rate(@PathVariable long id, @RequestParam(required = false) Integer score,
			@RequestParam(required = false) String comment, RedirectAttributes flash) {
		PageActions.run(flash, "mailbox.flash.rated", () -> letters.rate(id, score, comment));
		return "redirect:/mailbox/letters/" + id;
	}

	@GetMapping("/mailbox/summary")
	String summary(@RequestParam(required = false) Integer year, Model model) {
		model.addAttribute("s", queries.summary(year));
		return "mailbox/summary";
	}

	@GetMapping("/mailbox/summary.xlsx")
	ResponseEntity<byte[]> summaryExcel(@RequestParam(required = false) Integer year) {
		return export.download(year);
	}
}
