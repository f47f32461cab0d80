package org.quntuan.notice.forms;

import java.math.BigDecimal;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;

import org.quntuan.platform.StatusBoard;
import org.quntuan.platform.excel.ExcelDownload;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/forms")
@Tag(name = "统计报表", description = "下发报表、填报（草稿、提交）、退回、汇总、导出")
class FormApiController {

	/** values: field id → value (number, text, choice or ISO date); submit=false saves a draft. */
	record ResponseRequest(@Size(max = 200) Map<Long, Object> values, Boolean submit, Integer version) {
	}

	record ReturnRequest(String reason, Integer version) {
	}

	record FormList(List<FormViews.Summary> sent, List<FormViews.Task> toFill) {
	}

	private final FormQueries queries;

	private final FormManagement management;

	private final FormExport export;

	FormApiController(FormQueries queries, FormManagement management, FormExport export) {
		this.queries = queries;
		this.management = management;
		this.export = export;
	}

	@PostMapping
	@Operation(summary = "下发统计报表（字段：整数、小数、文本、单选、日期；发送对象同通知）")
	ResponseEntity<FormViews.Detail> create(@RequestBody FormInput input) {
		long id = management.create(input);
		return ResponseEntity.created(URI.create("/api/v1/forms/" + id)).body(queries.detail(id));
	}

	@GetMapping
	@Operation(summary = "我下发的报表和我单位待填报的报表")
	FormList list() {
		return new FormList(queries.sent(), queries.toFill());
	}

	@GetMapping("/{id}")
	@Operation(summary = "报表定义（发送方另有各状态数量）")
	FormViews.Detail get(@PathVariable long id) {
		return queries.detail(id);
	}

	@GetMapping("/{id}/responses")
	@Operation(summary = "各填报组织的状态（发送方），整张表 {rows, totals}")
	StatusBoard<FormViews.StatusRow> statuses(@PathVariable long id) {
		return StatusBoard.of(queries.statuses(id), FormViews.StatusRow::status);
	}

	@GetMapping("/{id}/responses/{orgId}")
	@Operation(summary = "某组织的填报内容（发送方或该组织管理员）")
	FormViews.Response response(@PathVariable long id, @PathVariable long orgId) {
		return queries.response(id, orgId);
	}

	@PutMapping("/{id}/responses/{orgId}")
	@Operation(summary = "填报：保存草稿或提交（submit=true），带版本号，已提交的报表需先退回")
	FormViews.Response fill(@PathVariable long id, @PathVariable long orgId, @RequestBody ResponseRequest request) {
		management.save(id, orgId, texts(request.values()), Boolean.TRUE.equals(request.submit()), request.version());
		return queries.response(id, orgId);
	}

	@PostMapping("/{id}/responses/{orgId}/return")
	@Operation(summary = "退回已提交的报表（发送方，须填原因）")
	FormViews.Response returnForCorrection(@PathVariable long id, @PathVariable long orgId,
			@RequestBody ReturnRequest request) {
		management.returnForCorrection(id, orgId, request.reason(), request.version());
		return queries.response(id, orgId);
	}

	@GetMapping("/{id}/aggregate")
	@Operation(summary = "汇总：各数值项的合计、平均、最小、最大（已提交的组织），并按片组分列")
	FormViews.Aggregate aggregate(@PathVariable long id) {
		return queries.aggregate(id);
	}

	@GetMapping("/{id}/export")
	@Operation(summary = "导出 Excel：各组织填报值和汇总")
	ResponseEntity<byte[]> exportExcel(@PathVariable long id) {
		FormQueries.Sheet sheet = queries.sheet(id);
		return ResponseEntity.ok().headers(ExcelDownload.headers(FormExport.fileName(sheet))).body(export.write(sheet));
	}

	static Map<Long, String> texts(Map<Long, Object> values) {
		Map<Long, String> texts = new LinkedHashMap<>();
		if (values != null) {
			values.forEach((k, v) -> texts.put(k, v == null ? null
					: v instanceof BigDecimal d ? d.toPlainString() : v.toString()));
		}
		return texts;
	}
}
