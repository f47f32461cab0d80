package org.quntuan.matchmaking;

import java.util.Arrays;
import java.util.List;

import org.quntuan.platform.PageRequest;
import org.quntuan.platform.files.FileResponses;
import org.quntuan.platform.web.PageActions;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The matchmaking pages, made for a phone: the rules and consent, my profile (edit, status, who reviewed,
 * pause, recommendations switch, delete), recommendations, search, interests with matches, and the
 * reviewers' queue.
 */
@Controller
class MatchmakingPageController {

	private final Profiles profiles;

	private final Interests interests;

	private final MatchmakingQueries queries;

	private final ProfilePhotos photos;

	MatchmakingPageController(Profiles profiles, Interests interests, MatchmakingQueries queries, ProfilePhotos photos) {
		this.photos = photos;
		this.profiles = profiles;
		this.interests = interests;
		this.queries = queries;
	}

	@GetMapping("/matchmaking")
	String home(Model model) {
		model.addAttribute("rules", queries.rules());
		model.addAttribute("profile", queries.mineOrNull());
		model.addAttribute("educations", Education.values());
		model.addAttribute("reviewer", queries.reviewer());
		return "matchmaking/home";
	}

	@PostMapping("/matchmaking/consent")
	String consent(@RequestParam(required = false) Integer version, RedirectAttributes flash) {
		PageActions.run(flash, "matchmaking.flash.consented", () -> profiles.consent(version));
		return "redirect:/matchmaking";
	}

	@PostMapping("/matchmaking/consent/withdraw")
	String withdraw(RedirectAttributes flash) {
		PageActions.run(flash, "matchmaking.flash.consent-withdrawn", profiles::withdrawConsent);
		return "redirect:/matchmaking";
	}

	@PostMapping("/matchmaking/profile")
	String save(@RequestParam(required = false) String nickname, @RequestParam(required = false) Integer birthYear,
			@RequestParam(required = false) Integer height, @RequestParam(required = false) String education,
			@RequestParam(required = false) String hometown, @RequestParam(required = false) String hobbies,
			@RequestParam(required = false) String intro, @RequestParam(required = false) Integer ageFrom,
			@RequestParam(required = false) Integer ageTo, @RequestParam(required = false) Integer heightFrom,
			@RequestParam(required = false) Integer heightTo, @RequestParam(required = false) String prefEducation,
			@RequestParam(required = false) String tags, @RequestParam(defaultValue = "false") boolean unmarriedDeclared,
			@RequestParam(required = false) Integer version, RedirectAttributes flash) {
		ProfileInput in = new ProfileInput(nickname, birthYear, height, education, hometown, split(hobbies), intro,
				new ProfileInput.Preferences(ageFrom, ageTo, heightFrom, heightTo, prefEducation, split(tags)),
				unmarriedDeclared, version);
		PageActions.run(flash, "matchmaking.flash.saved", () -> profiles.save(in));
		return "redirect:/matchmaking";
	}

	/** "徒步 摄影，读书" → [徒步, 摄影, 读书] */
	static List<String> split(String tags) {
		if (tags == null || tags.isBlank()) {
			return List.of();
		}
		return Arrays.stream(tags.split("[\\s,\\uFF0C\\u3001;\\uFF1B]+")).filter(s -> !s.isBlank()).toList();
	}

	@PostMapping("/matchmaking/profile/photos")
	String upload(@RequestParam(required = false) MultipartFile file, RedirectAttributes flash) {
		PageActions.run(flash, "matchmaking.flash.photo-added", () -> photos.upload(file));
		return "redirect:/matchmaking";
	}

	@PostMapping("/matchmaking/profile/photos/{id}/delete")
	String removePhoto(@PathVariable long id, RedirectAttributes flash) {
		PageActions.run(flash, "matchmaking.flash.photo-removed", () -> photos.remove(id));
		return "redirect:/matchmaking";
	}

	@GetMapping("/matchmaking/photos/{id}")
	ResponseEntity<Resource> photo(@PathVariable long id, @RequestParam(defaultValue = "false") boolean full) {
		return FileResponses.attachment(photos.serve(id, full));
	}

	@PostMapping("/matchmaking/profile/settings")
	String settings(@RequestParam(defaultValue = "false") boolean paused,
			@RequestParam(defaultValue = "false") boolean recommendations, RedirectAttributes flash) {
		PageActions.run(flash, "matchmaking.flash.settings", () -> profiles.settings(paused, recommendations));
		return "redirect:/matchmaking";
	}

	@PostMapping("/matchmaking/profile/delete")
	String delete(RedirectAttributes flash) {
		PageActions.run(flash, "matchmaking.flash.deleted", profiles::delete);
		return "redirect:/matchmaking";
	}

	@GetMapping("/matchmaking/recommendations")
	String recommendations(Model model) {
		model.addAttribute("profile", queries.mineOrNull());
		model.addAttribute("cards", queries.recommendations().content());
		return "matchmaking/recommendations";
	}

	@GetMapping("/matchmaking/search")
	String search(@RequestParam(required = false) Integer ageFrom, @RequestParam(required = false) Integer ageTo,
			@RequestParam(required = false) Integer heightFrom, @RequestParam(required = false) Integer heightTo,
			@RequestParam(required = false) String education, @RequestParam(required = false) String hometown,
			@RequestParam(required = false) String hobby, @RequestParam(required = false) Integer page, Model model) {
		SearchFilter filter = new SearchFilter(ageFrom, ageTo, heightFrom, heightTo, education, hometown, hobby);
		model.addAttribute("filter", filter);
		model.addAttribute("educations", Education.values());
		model.addAttribute("profile", queries.mineOrNull());
		model.addAttribute("result", queries.search(filter, PageRequest.of(page, 20)));
		return "matchmaking/search";
	}

	@PostMapping("/matchmaking/interests")
	String express(@RequestParam(required = false) Long to, RedirectAttributes flash) {
		PageActions.run(flash, "matchmaking.flash.interest", () -> interests.express(to));
		return "redirect:/matchmaking/interests";
	}

	@PostMapping("/matchmaking/interests/{id}/accept")
	String accept(@PathVariable long id, RedirectAttributes flash) {
		PageActions.run(flash, "matchmaking.flash.matched", () -> interests.accept(id));
		return "redirect:/matchmaking/interests";
	}

	@PostMapping("/matchmaking/interests/{id}/decline")
	String decline(@PathVariable long id, RedirectAttributes flash) {
		PageActions.run(flash, "matchmaking.flash.declined", () -> interests.decline(id));
		return "redirect:/matchmaking/interests";
	}

	@GetMapping("/matchmaking/interests")
	String interests(Model model) {
		model.addAttribute("interests", queries.interests(PageRequest.of(0, 100)).content());
		model.addAttribute("matches", queries.matches(PageRequest.of(0, 100)).content());
		return "matchmaking/interests";
	}

	@PostMapping("/matchmaking/blocks")
	String block(@RequestParam(required = false) Long profileId, RedirectAttributes flash) {
		PageActions.run(flash, "matchmaking.flash.blocked", () -> interests.block(profileId));
		return "redirect:/matchmaking/search";
	}

	@PostMapping("/matchmaking/reports")
	String report(@RequestParam(required = false) Long profileId, @RequestParam(required = false) String reason,
			RedirectAttributes flash) {
		PageActions.run(flash, "matchmaking.flash.reported", () -> interests.report(profileId, reason));
		return "redirect:/matchmaking/search";
	}

	@GetMapping("/matchmaking/reviews")
	String queue(@RequestParam(defaultValue = "true") boolean pending, @RequestParam(required = false) Integer page,
			Model model) {
		model.addAttribute("pending", pending);
		model.addAttribute("result", queries.queue(pending, PageRequest.of(page, 20)));
		model.addAttribute("reports", queries.federation() ? queries.reports(PageRequest.of(0, 50)).content() : List.of());
		return "matchmaking/reviews";
	}

	@GetMapping("/matchmaking/reviews/{id}")
	String reviewItem(@PathVariable long id, Model model) {
		model.addAttribute("item", queries.reviewItem(id));
		return "matchmaking/review";
	}

	@PostMapping("/matchmaking/reviews/{id}")
	String review(@PathVariable long id, @RequestParam(required = false) Boolean approve,
			@RequestParam(required = false) String reason, @RequestParam(required = false) Integer version,
			RedirectAttributes flash) {
		boolean ok = PageActions.run(flash, "matchmaking.flash.reviewed", () -> profiles.review(id, approve, reason, version));
		return ok ? "redirect:/matchmaking/reviews" : "redirect:/matchmaking/reviews/" + id;
	}
}
