package org.quntuan.activity.series;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.quntuan.platform.Zones;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/activity-series")
@Tag(name = "四季有你", description = "年度系列活动：每季度一个主题，活动与参与情况")
class SeriesApiController {

	private final SeriesQueries queries;

	private final SeriesManagement management;

	private final Clock clock;

	SeriesApiController(SeriesQueries queries, SeriesManagement management, Clock clock) {
		this.queries = queries;
		this.management = management;
		this.clock = clock;
	}

	@GetMapping
	@Operation(summary = "某年度的四个季度及参与情况（默认今年；活动按可见范围）：{year, quarters}，至多四个季度，不分页")
	SeriesYear year(@RequestParam(required = false) Integer year) {
		int y = year != null ? year : LocalDate.now(clock.withZone(Zones.BUSINESS)).getYear();
		return new SeriesYear(y, queries.participationOfYear(y));
	}

	/** A year of the series: at most four quarters, so whole rather than paged. */
	record SeriesYear(int year, List<SeriesParticipation> quarters) {
	}

	@PostMapping
	@Operation(summary = "安排年度系列（工委管理员）：未填写的季度使用默认主题 春之声、夏之情、秋之韵、冬之暖")
	ResponseEntity<List<SeriesQuarter>> plan(@Valid @RequestBody SeriesPlan plan) {
		int year = management.plan(plan);
		return ResponseEntity.created(URI.create("/api/v1/activity-series?year=" + year)).body(queries.year(year));
	}

	@GetMapping("/{id}")
	@Operation(summary = "一个季度：主题、活动、报名人数、签到人数和到场率")
	SeriesParticipation get(@PathVariable long id) {
		return queries.participation(id);
	}
}
