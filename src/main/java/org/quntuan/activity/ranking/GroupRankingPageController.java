package org.quntuan.activity.ranking;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.Text;
import org.quntuan.platform.Zones;
import org.quntuan.platform.excel.ExcelDownload;
import org.quntuan.platform.web.PageActions;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class GroupRankingPageController {

	private final GroupRankings rankings;

	private final Clock clock;

	GroupRankingPageController(GroupRankings rankings, Clock clock) {
		this.rankings = rankings;
		this.clock = clock;
	}

	@GetMapping("/group-rankings")
	String page(@RequestParam(required = false) Integer year, Model model) {
		List<Integer> years = rankings.years();
		int thisYear = LocalDate.now(clock.withZone(Zones.BUSINESS)).getYear();
		int shown = year != null ? year : years.isEmpty() ? thisYear : years.get(0);
		model.addAttribute("year", shown);
		model.addAttribute("years", years);
		model.addAttribute("ranking", rankings.findIfVisible(shown).orElse(null));
		return "activity/ranking";
	}

	@PostMapping("/group-rankings")
	String run(@RequestParam(required = false) Integer year, @RequestParam(required = false) Integer weightActivities,
			@RequestParam(required = false) Integer weightParticipation,
			@RequestParam(required = false) Integer weightFeedback, @RequestParam(required = false) String extraQuotas,
			RedirectAttributes flash) {
		PageActions.run(flash, "activity.ranking.flash.computed", () -> rankings.run(new GroupRankingRequest(year,
				new GroupRankingRequest.Weights(weightActivities, weightParticipation, weightFeedback),
				quotas(extraQuotas))));
		return "redirect:/group-rankings" + (year != null ? "?year=" + year : "");
	}

	@PostMapping("/group-rankings/{year}/publish")
	String publish(@PathVariable int year, RedirectAttributes flash) {
		PageActions.run(flash, Text.of("activity.ranking.flash.published", year), () -> rankings.publish(year));
		return "redirect:/group-rankings?year=" + year;
	}

	@GetMapping("/group-rankings/{year}/export")
	ResponseEntity<byte[]> export(@PathVariable int year) {
		GroupRankingView view = rankings.find(year);
		return ResponseEntity.ok().headers(ExcelDownload.headers(GroupRankingExcel.fileName(view)))
			.body(GroupRankingExcel.write(view));
	}

	/** Numbers separated by commas (Chinese ones too) or spaces as a list; blank for the default. */
	static List<Integer> quotas(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		List<Integer> quotas = new ArrayList<>();
		for (String part : text.strip().split("[,，、\\s]+")) {
			try {
				quotas.add(Integer.valueOf(part));
			}
			catch (NumberFormatException ex) {
				throw new InvalidValueException("extraQuotas", "activity.ranking.error.quotas-format");
			}
		}
		return quotas;
	}
}
