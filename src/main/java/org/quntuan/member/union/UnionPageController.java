package org.quntuan.member.union;

import java.time.LocalDate;
import java.util.Base64;

import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.Texts;
import org.quntuan.platform.web.PageActions;
import org.quntuan.platform.web.QrCodes;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The union membership pages: applying to join and one's card (members, on a phone), the review queue and
 * the board of transfers (the unions' admins), a person's membership on their page, and the public page a
 * card's QR code opens.
 */
@Controller
class UnionPageController {

	private final UnionApplications applications;

	private final UnionExits exits;

	private final UnionTransfers transfers;

	private final UnionQueries queries;

	private final MemberCards cards;

	UnionPageController(UnionApplications applications, UnionExits exits, UnionTransfers transfers, UnionQueries queries,
			MemberCards cards) {
		this.applications = applications;
		this.exits = exits;
		this.transfers = transfers;
		this.queries = queries;
		this.cards = cards;
	}

	@GetMapping("/union/apply")
	String apply(@RequestParam(required = false) Integer page, Model model) {
		var mine = queries.mine(PageRequest.of(page, 20));
		model.addAttribute("applications", mine);
		var self = queries.membership(queries.self());
		model.addAttribute("membership", self);
		boolean pending = mine.content().stream().anyMatch(a -> "PENDING".equals(a.state().code()));
		model.addAttribute("mayApply", !pending && !"MEMBER".equals(self.status().code())
				&& !"RETAINED".equals(self.status().code()));
		return "union/apply";
	}

	@PostMapping("/union/applications")
	String submit(@RequestParam(required = false) String idNumber, @RequestParam(required = false) Boolean consent,
			@RequestParam(required = false) String statement, RedirectAttributes flash) {
		PageActions.run(flash, "union.flash.applied",
				() -> applications.apply(new UnionApplications.Form(idNumber, consent, statement)));
		return "redirect:/union/apply";
	}

	/** The card; for someone who is not a member, the page says so and leads to the application. */
	@GetMapping("/union/card")
	String card(Model model) {
		UnionViews.Card card;
		try {
			card = cards.mine(ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString());
		}
		catch (BusinessRuleException notMember) {
			model.addAttribute("notMember", Texts.localized(notMember));
			return "union/card";
		}
		model.addAttribute("card", card);
		model.addAttribute("png", "data:image/png;base64," + Base64.getEncoder().encodeToString(QrCodes.png(card.verifyUrl(), 320)));
		return "union/card";
	}

	@GetMapping("/union/applications")
	String queue(@RequestParam(required = false) String state, @RequestParam(required = false) Integer page, Model model) {
		model.addAttribute("applications", queries.queue(state, PageRequest.of(page, 20)));
		model.addAttribute("state", state == null || state.isBlank() ? "PENDING" : state);
		return "union/applications";
	}

	@PostMapping("/union/applications/{id}/decision")
	String decide(@PathVariable long id, @RequestParam(required = false) Boolean approve,
			@RequestParam(required = false) String reason, RedirectAttributes flash) {
		PageActions.run(flash, Boolean.TRUE.equals(approve) ? "union.flash.approved" : "union.flash.rejected",
				() -> applications.decide(id, approve, reason, null));
		return "redirect:/union/applications";
	}

	@GetMapping("/union/transfers")
	String board(@RequestParam(required = false) Integer page, Model model) {
		model.addAttribute("transfers", queries.transfers(null, true, PageRequest.of(page, 20)));
		return "union/transfers";
	}

	@PostMapping("/union/transfers/{id}/release")
	String release(@PathVariable long id, @RequestParam(required = false) Integer version, RedirectAttributes flash) {
		PageActions.run(flash, "union.flash.released", () -> transfers.release(id, version));
		return "redirect:/union/transfers";
	}

	@PostMapping("/union/transfers/{id}/accept")
	String accept(@PathVariable long id, @RequestParam(required = false) Integer version, RedirectAttributes flash) {
		PageActions.run(flash, "union.flash.accepted", () -> transfers.accept(id, version));
		return "redirect:/union/transfers";
	}

	/** A person's union membership and its history, loaded into their page (htmx). */
	@GetMapping("/members/{id}/union")
	String membership(@PathVariable long id, Model model) {
		model.addAttribute("m", queries.membership(id));
		model.addAttribute("today", queries.today());
		return "union/membership :: membership";
	}

	@PostMapping("/members/{id}/union/exit")
	String exit(@PathVariable long id, @RequestParam(required = false) String kind,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveDate,
			@RequestParam(required = false) String reason, @RequestParam(required = false) Integer version,
			RedirectAttributes flash) {
		PageActions.run(flash, "union.flash.exit", () -> exits.exit(id, kind, effectiveDate, reason, version));
		return "redirect:/members/" + id;
	}

	/** Public: what an organizer sees after scanning a member card. */
	@GetMapping("/verify/member-cards/{token}")
	String verify(@PathVariable String token, Model model) {
		model.addAttribute("v", cards.verify(token));
		return "union/verify";
	}
}
