package org.quntuan.volunteer;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.NotFoundException;
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

/**
 * The volunteer pages: 我的志愿 (register, status, hours and entries, record hours, the certificate), the
 * admins' registrations to decide and hours to verify, the ranking with its export, and the public check of
 * a certificate.
 */
@Controller
class VolunteerPageController {

	private final VolunteerRegistrations registrations;

	private final HoursLedger ledger;

	private final VolunteerReads reads;

	private final Rankings rankings;

	private final RankingExport export;

	private final VolunteerCertificates certificates;

	private final VolunteerCertificateDownload downloads;

	private final VolunteerProjects projects;

	VolunteerPageController(VolunteerRegistrations registrations, HoursLedger ledger, VolunteerReads reads,
			Rankings rankings, RankingExport export, VolunteerCertificates certificates,
			VolunteerCertificateDownload downloads, VolunteerProjects projects) {
		this.projects = projects;
		this.registrations = registrations;
		this.ledger = ledger;
		this.reads = reads;
		this.rankings = rankings;
		this.export = export;
		this.certificates = certificates;
		this.downloads = downloads;
	}

	@GetMapping("/volunteer")
	String mine(Model model) {
		model.addAttribute("mine", reads.mine());
		model.addAttribute("hours", reads.myHours());
		model.addAttribute("admin", reads.isAdmin());
		model.addAttribute("today", rankings.today());
		return "volunteer/mine";
	}

	@PostMapping("/volunteer/registration")
	String register(@RequestParam(required = false) String skills, @RequestParam(required = false) String areas,
			@RequestParam(required = false) String availability, @RequestParam(required = false) Boolean consent,
			RedirectAttributes flash) {
		PageActions.run(flash, "volunteer.flash.registered", () -> registrations
			.register(new VolunteerViews.RegistrationInput(skills, areas, availability, consent)));
		return "redirect:/volunteer";
	}

	@PostMapping("/volunteer/leave")
	String leave(@RequestParam(required = false) String reason, RedirectAttributes flash) {
		VolunteerViews.Registration mine = reads.mine().registration();
		if (mine == null) {
			return "redirect:/volunteer";
		}
		PageActions.run(flash, "volunteer.flash.left",
				() -> registrations.leave(mine.id(), new VolunteerViews.Leaving(reason)));
		return "redirect:/volunteer";
	}

	@PostMapping("/volunteer/hours")
	String claim(@RequestParam(required = false) String date, @RequestParam(required = false) String hours,
			@RequestParam(required = false) String description, RedirectAttributes flash) {
		PageActions.run(flash, "volunteer.flash.claimed",
				() -> ledger.claim(new VolunteerViews.ClaimInput(date(date), hours, description)));
		return "redirect:/volunteer";
	}

	@GetMapping("/volunteer/certificate.pdf")
	ResponseEntity<byte[]> certificate() {
		VolunteerViews.Registration mine = reads.mine().registration();
		if (mine == null) {
			throw new NotFoundException();
		}
		return downloads.download(mine.id());
	}

	@GetMapping("/volunteer/registrations")
	String registrations(@RequestParam(required = false) Integer page, Model model) {
		reads.requireAdmin();
		model.addAttribute("registrations", reads.registrations("PENDING", PageRequest.of(page, 50)));
		return "volunteer/registrations";
	}

	@PostMapping("/volunteer/registrations/{id}/decision")
	String decide(@PathVariable long id, @RequestParam(required = false) Boolean approve,
			@RequestParam(required = false) String reason, RedirectAttributes flash) {
		PageActions.run(flash, Boolean.TRUE.equals(approve) ? "volunteer.flash.approved" : "volunteer.flash.rejected",
				() -> registrations.decide(id, new VolunteerViews.Decision(approve, reason)));
		return "redirect:/volunteer/registrations";
	}

	@GetMapping("/volunteer/claims")
	String claims(@RequestParam(required = false) Integer page, Model model) {
		reads.requireAdmin();
		model.addAttribute("claims", reads.claims(true, PageRequest.of(page, 50)));
		return "volunteer/claims";
	}

	@PostMapping("/volunteer/claims/{id}/verification")
	String verify(@PathVariable long id, @RequestParam(required = false) Boolean approve,
			@RequestParam(required = false) String hours, @RequestParam(required = false) String reason,
			RedirectAttributes flash) {
		PageActions.run(flash, Boolean.TRUE.equals(approve) ? "volunteer.flash.verified" : "volunteer.flash.not-verified",
				() -> ledger.verify(id, new VolunteerViews.Verification(approve, hours, reason)));
		return "redirect:/volunteer/claims";
	}

	@GetMapping("/volunteer/ranking")
	String ranking(@RequestParam(required = false) Integer year, @RequestParam(required = false) String by,
			@RequestParam(required = false) Integer page, Model model) {
		int y = rankings.year(year);
		RankingBy what = Rankings.by(by);
		model.addAttribute("year", y);
		model.addAttribute("by", what.name().toLowerCase());
		model.addAttribute("kinds", RankingBy.values());
		model.addAttribute("ranking", rankings.ranking(y, what, PageRequest.of(page, null)));
		return "volunteer/ranking";
	}

	@GetMapping("/volunteer/ranking.xlsx")
	ResponseEntity<byte[]> rankingExport(@RequestParam(required = false) Integer year,
			@RequestParam(required = false) String by) {
		return export.download(year, by);
	}

	@GetMapping("/volunteer/projects")
	String projects(@RequestParam(required = false) Integer page, Model model) {
		model.addAttribute("projects", projects.list(PageRequest.of(page, 50)));
		model.addAttribute("mayAdd", projects.mayAdd());
		model.addAttribute("kinds", ProjectKind.values());
		return "volunteer/projects";
	}

	@PostMapping("/volunteer/projects")
	String addProject(@RequestParam(required = false) String kind, @RequestParam(required = false) String name,
			@RequestParam(required = false) String description, @RequestParam(required = false) String partner,
			@RequestParam(required = false) String leader, @RequestParam(required = false) Integer month,
			@RequestParam(required = false) Integer day, RedirectAttributes flash) {
		if (!projects.mayAdd()) {
			throw new ForbiddenException("volunteer.project.error.federation-only");
		}
		PageActions.run(flash, "volunteer.flash.project", () -> projects
			.add(new VolunteerViews.ProjectInput(kind, name, description, partner, leader, month, day)));
		return "redirect:/volunteer/projects";
	}

	/** Public: the page a certificate's QR code opens. */
	@GetMapping("/verify/volunteer-certificates/{code}")
	String verify(@PathVariable String code, Model model) {
		model.addAttribute("c", certificates.verify(code));
		return "volunteer/verify";
	}

	private static LocalDate date(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidValueException("date", "volunteer.hours.error.no-date");
		}
	}
}
