package org.quntuan.care.visits;

import java.net.URI;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/care/sick-reports")
@Tag(name = "患病住院登记", description = "单位管理员为本人管理的人员登记患病住院（入院日期、出院日期、医院、简要病情），修改、结束登记；仅该人员的管理员和市直机关工委可见")
class SickReportApiController {

	private final SickReports reports;

	SickReportApiController(SickReports reports) {
		this.reports = reports;
	}

	@GetMapping
	@Operation(summary = "我管理的人员的患病住院登记，入院日期最新在前（open=true 仅未结束，false 仅已结束）")
	PageResult<SickReportViews.Report> list(@RequestParam(required = false) Boolean open,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return reports.list(open, PageRequest.of(page, size));
	}

	@PostMapping
	@Operation(summary = "登记患病住院（管理员，本人管理的人员；admittedOn 必填且不晚于今天，hospital 必填，diagnosis 不超过 200 字）")
	ResponseEntity<Map<String, Object>> file(@RequestBody(required = false) SickReportViews.ReportInput input) {
		long id = reports.file(input);
		return ResponseEntity.created(URI.create("/api/v1/care/sick-reports/" + id)).body(Map.of("id", id));
	}

	@GetMapping("/{id}")
	@Operation(summary = "一条患病住院登记")
	SickReportViews.Report get(@PathVariable long id) {
		return reports.get(id);
	}

	@PutMapping("/{id}")
	@Operation(summary = "修改未结束的登记（入院、出院日期，医院，病情；可带 version，已被他人修改时 409）")
	ResponseEntity<Void> update(@PathVariable long id, @RequestBody(required = false) SickReportViews.ReportInput input) {
		reports.update(id, input);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{id}/close")
	@Operation(summary = "结束登记（出院或情况已了结；已结束的 409）")
	ResponseEntity<Void> close(@PathVariable long id) {
		reports.close(id);
		return ResponseEntity.noContent().build();
	}
}
