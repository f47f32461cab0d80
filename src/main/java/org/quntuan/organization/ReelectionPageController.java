package org.quntuan.organization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.Text;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.quntuan.platform.excel.ExcelDownload;
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

/** Pages of leadership teams and re-elections: the section on the org page, the request, the result, the board. */
@Controller
class ReelectionPageController {

	private final LeadershipQueries queries;

	private final Reelections reelections;

	private final ReelectionBoard board;

	private final Clock clock;

	ReelectionPageController(LeadershipQueries queries, Reelections reelections, ReelectionBoard board,
			Clock clock) {
		this.queries = queries;
		this.reelections = reelections;
		this.board = board;
		this.clock = clock;
	}

	/** The leadership section of the org page, loaded by htmx. */
	@GetMapping("/orgs/{id}/leadership")
	String section(@PathVariable long id, Model model) {
		LeadershipView view = queries.leadership(id);
		model.addAttribute("leadership", view);
		model.addAttribute("reelections", view.applicable() ? queries.reelectionsOf(id) : List.of());
		return "organization/leadership-section :: section";
	}

	@GetMapping("/orgs/{id}/reelections/new")
	String newRequest(@PathVariable long id, Model model) {
		model.addAttribute("leadership", queries.leadership(id));
		model.addAttribute("picker", queries.candidatePicker(id, null, List.of()));
		model.addAttribute("today", LocalDate.now(clock.withZone(Zones.BUSINESS)));
		return "organization/reelection-new";
	}

	/** The candidate picker, searched as one types (htmx): the chosen stay ticked above what is found. */
	@GetMapping("/orgs/{id}/reelections/picker")
	String picker(@PathVariable long id, @RequestParam(required = false) String q,
			@RequestParam(required = false) List<Long> candidates, Model model) {
		model.addAttribute("picker", queries.candidatePicker(id, q, candidates));
		return "organization/reelection-new :: candidates";
	}

	@PostMapping("/orgs/{id}/reelections")
	String file(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate plannedDate,
			@RequestParam(required = false) String reason, @RequestParam(required = false) List<Long> candidates,
			@RequestParam(required = false) Integer seats, RedirectAttributes flash) {
		long[] created = new long[1];
		boolean ok = PageActions.run(flash, "organization.reelection.flash.filed", () -> created[0] = reelections
			.file(id, new ReelectionInput.Request(plannedDate, reason, candidates, seats)).id());
		return ok ? "redirect:/reelections/" + created[0] : "redirect:/orgs/" + id + "/reelections/new";
	}

	@GetMapping("/reelections")
	String board(@RequestParam(required = false) String type, @RequestParam(required = false) Long groupId,
			@RequestParam(required = false) String state, @RequestParam(required = false) String q, Model model) {
		ReelectionBoard.Filter filter = new ReelectionBoard.Filter(type, groupId, state, q);
		List<ReelectionBoardRow> rows = board.rows(filter);
		model.addAttribute("rows", rows);
		model.addAttribute("f", filter);
		model.addAttribute("states", Arrays.asList(ReelectionBoardState.values()));
		model.addAttribute("types", List.of(OrgType.UNION, OrgType.LEAGUE, OrgType.WOMEN));
		model.addAttribute("groups", board.groups());
		model.addAttribute("overdueCount", rows.stream().filter(ReelectionBoardRow::overdue).count());
		return "organization/reelection-board";
	}

	@GetMapping("/reelections/export")
	ResponseEntity<byte[]> export(@RequestParam(required = false) String type,
			@RequestParam(required = false) Long groupId, @RequestParam(required = false) String state,
			@RequestParam(required = false) String q) {
		List<ReelectionBoardRow> rows = board.rows(new ReelectionBoard.Filter(type, groupId, state, q));
		return ResponseEntity.ok()
			.headers(ExcelDownload.headers(Texts.localized("organization.reelection.export.file",
				LocalDate.now(clock.withZone(Zones.BUSINESS)).toString())))
			.body(ReelectionBoardExport.write(rows));
	}

	@GetMapping("/reelections/{id}")
	String detail(@PathVariable long id, Model model) {
		ReelectionView view = queries.reelection(id);
		model.addAttribute("r", view);
		model.addAttribute("positions", queries.positions(OrgType.valueOf(view.orgType().code())));
		model.addAttribute("manageable", true);
		model.addAttribute("today", LocalDate.now(clock.withZone(Zones.BUSINESS)));
		return "organization/reelection";
	}

	@PostMapping("/reelections/{id}/attachments")
	String attach(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file,
			RedirectAttributes flash) {
		PageActions.run(flash, "organization.reelection.flash.attached", () -> {
			try {
				boolean none = file == null || file.isEmpty();
				reelections.attach(id, none ? null : file.getOriginalFilename(), none ? null : file.getInputStream(),
						none ? 0 : file.getSize());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		return "redirect:/reelections/" + id;
	}

	@GetMapping("/reelections/{id}/attachments/{fileId}")
	ResponseEntity<Resource> download(@PathVariable long id, @PathVariable long fileId) {
		return FileResponses.attachment(queries.attachment(id, fileId));
	}

	/** The form sends {@code votes_<personId>} and {@code position_<personId>} (empty: not elected). */
	@PostMapping("/reelections/{id}/result")
	String result(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
			HttpServletRequest request, RedirectAttributes flash) {
		PageActions.run(flash, "organization.reelection.flash.result-reported", () -> {
			List<ReelectionInput.Votes> votes = new ArrayList<>();
			List<ReelectionInput.Elected> elected = new ArrayList<>();
			for (ReelectionView.Candidate c : queries.reelection(id).candidates()) {
				String v = request.getParameter("votes_" + c.personId());
				Integer count;
				try {
					count = v == null || v.isBlank() ? null : Integer.valueOf(v.strip());
				}
				catch (NumberFormatException ex) {
					throw new InvalidValueException("votes", Text.of("organization.reelection.error.votes-not-integer", c.name()));
				}
				votes.add(new ReelectionInput.Votes(c.personId(), count));
				String position = request.getParameter("position_" + c.personId());
				if (position != null && !position.isBlank()) {
					elected.add(new ReelectionInput.Elected(c.personId(), position));
				}
			}
			reelections.reportResult(id, new ReelectionInput.Result(heldOn, votes, elected));
		});
		return "redirect:/reelections/" + id;
	}

	@PostMapping("/reelections/{id}/resubmit")
	String resubmit(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate plannedDate,
			@RequestParam(required = false) String reason, @RequestParam(required = false) Integer seats,
			@RequestParam(required = false) String comment, RedirectAttributes flash) {
		PageActions.run(flash, "organization.reelection.flash.resubmitted", () -> {
			List<Long> candidates = queries.reelection(id).candidates().stream()
				.map(ReelectionView.Candidate::personId).toList();
			reelections.resubmit(id, new ReelectionInput.Request(plannedDate, reason, candidates, seats), comment);
		});
		return "redirect:/reelections/" + id;
	}

	@PostMapping("/reelections/{id}/withdraw")
	String withdraw(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes flash) {
		PageActions.run(flash, "organization.reelection.flash.withdrawn", () -> reelections.withdraw(id, reason));
		return "redirect:/reelections/" + id;
	}
}
