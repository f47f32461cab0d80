package org.quntuan.activity.series;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.quntuan.platform.Zones;
import org.quntuan.platform.web.PageActions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class SeriesPageController {

	private final SeriesQueries queries;

	private final SeriesManagement management;

	private final Clock clock;

	SeriesPageController(SeriesQueries queries, SeriesManagement management, Clock clock) {
		this.queries = queries;
		this.management = management;
		this.clock = clock;
	}

	@GetMapping("/activity-series")
	String year(@RequestParam(required = false) Integer year, Model model) {
		int shown = year != null ? year : LocalDate.now(clock.withZone(Zones.BUSINESS)).getYear();
		List<SeriesParticipation> quarters = queries.participationOfYear(shown);
		model.addAttribute("year", shown);
		model.addAttribute("quarters", quarters);
		model.addAttribute("years", queries.years());
		model.addAttribute("defaultThemes", SeriesPlan.DEFAULT_THEMES);
		model.addAttribute("defaultDescriptions", SeriesPlan.DEFAULT_DESCRIPTIONS);
		return "activity/series";
	}

	@PostMapping("/activity-series")
	String plan(@RequestParam(required = false) Integer year, @RequestParam(required = false) List<String> theme,
			@RequestParam(required = false) List<String> description, RedirectAttributes flash) {
		List<SeriesPlan.Quarter> quarters = new ArrayList<>();
		for (int q = 1; q <= 4; q++) {
			quarters.add(new SeriesPlan.Quarter(q, at(theme, q - 1), at(description, q - 1)));
		}
		PageActions.run(flash, "activity.series.saved", () -> management.plan(new SeriesPlan(year, quarters)));
		return "redirect:/activity-series" + (year != null ? "?year=" + year : "");
	}

	@GetMapping("/activity-series/{id}")
	String quarter(@PathVariable long id, Model model) {
		model.addAttribute("series", queries.participation(id));
		return "activity/series-quarter";
	}

	private static String at(List<String> values, int index) {
		return values != null && values.size() > index ? values.get(index) : null;
	}
}
