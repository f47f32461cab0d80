package org.quntuan.governance.votes;

import org.quntuan.platform.ForbiddenException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.Text;
import org.quntuan.platform.Zones;
import org.quntuan.platform.web.PageActions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The vote pages: the list, a new vote, the ballot page and the results. */
@Controller
class VotePageController {

	private final Votes votes;

	private final VoteQueries queries;

	private final VoteAccess access;

	VotePageController(Votes votes, VoteQueries queries, VoteAccess access) {
		this.votes = votes;
		this.queries = queries;
		this.access = access;
	}

	@GetMapping("/votes")
	String list(@RequestParam(required = false) Integer page, Model model) {
		model.addAttribute("votes", queries.list(PageRequest.of(page, 20)));
		model.addAttribute("creates", queries.creates());
		return "votes/list";
	}

	@GetMapping("/votes/new")
	String form(Model model) {
		if (!queries.creates()) {
			throw new ForbiddenException("votes.error.create-forbidden");
		}
		model.addAttribute("orgs", access.current().scope().adminGrants());
		return "votes/form";
	}

	@PostMapping("/votes")
	String create(@RequestParam(required = false) String title, @RequestParam(required = false) Long orgId,
			@RequestParam(required = false) String options, @RequestParam(required = false) String opensAt,
			@RequestParam(required = false) String closesAt, @RequestParam(defaultValue = "false") boolean secret,
			@RequestParam(required = false) Integer maxChoices, RedirectAttributes flash) {
		long[] created = new long[1];
		List<String> lines = options == null ? null
				: Arrays.stream(options.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
		boolean ok = PageActions.run(flash, Text.of("votes.flash.created", title == null ? "" : title.strip()),
				() -> created[0] = votes.create(new VoteRequest(title, orgId, null, lines, time("opensAt", opensAt),
						time("closesAt", closesAt), secret, maxChoices)));
		return ok ? "redirect:/votes/" + created[0] : "redirect:/votes/new";
	}

	@GetMapping("/votes/{id}")
	String detail(@PathVariable long id, Model model) {
		model.addAttribute("d", queries.detail(id));
		return "votes/detail";
	}

	@PostMapping("/votes/{id}/ballots")
	String cast(@PathVariable long id, @RequestParam(required = false) List<Long> choice, RedirectAttributes flash) {
		PageActions.run(flash, "votes.flash.voted", () -> votes.cast(id, choice));
		return "redirect:/votes/" + id;
	}

	@GetMapping("/votes/{id}/results")
	String results(@PathVariable long id, @RequestParam(required = false) Integer page, Model model) {
		VoteViews.Detail d = queries.detail(id);
		model.addAttribute("d", d);
		model.addAttribute("r", queries.results(id));
		if (d.vote().manages()) {
			model.addAttribute("voters", queries.voters(id, PageRequest.of(page, 50)));
		}
		return "votes/results";
	}

	private static OffsetDateTime time(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(value.strip()).atZone(Zones.BUSINESS).toOffsetDateTime();
		}
		catch (DateTimeParseException ex) {
			throw new InvalidValueException(field, "votes.error.bad-time");
		}
	}
}
