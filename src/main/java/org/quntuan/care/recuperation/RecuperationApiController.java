package org.quntuan.care.recuperation;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

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
@RequestMapping("/api/v1/care/recuperation")
@Tag(name = "疗休养", description = "疗休养批次、各单位名额、推荐与候补、本人确认或谢绝、名单导出、参加情况")
class RecuperationApiController {

	record Quotas(@Size(max = 1000) List<BatchRequest.Quota> quotas, Integer version) {
	}

	/** @param waitList when the organ's places are taken, put the person on its wait list instead of refusing */
	record Nomination(Long personId, String modelWorkerReference, Boolean waitList) {
	}

	record Reason(String reason) {
	}

	record AttendanceSheet(@Size(max = 1000) List<Recuperations.Attendance> records) {
	}

	private final Recuperations recuperations;

	private final RecuperationQueries queries;

	private final RecuperationRosterExport export;

	RecuperationApiController(Recuperations recuperations, RecuperationQueries queries, RecuperationRosterExport export) {
		this.recuperations = recuperations;
		this.queries = queries;
		this.export = export;
	}

	@GetMapping("/batches")
	@Operation(summary = "本年度（或 year 年度）我组织、可推荐或被推荐的疗休养批次")
	PageResult<RecuperationViews.Summary> list(@RequestParam(required = false) Integer year,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return PageResult.slice(queries.list(year), PageRequest.of(page, size));
	}

	@PostMapping("/batches")
	@Operation(summary = "安排疗休养批次（工委管理员；kind：MODEL_WORKER 劳模疗休养 / STAFF 职工疗休养；costPerPerson 每人费用，"
			+ "字符串；quotas 可同时分配各单位名额，合计不超过 capacity）")
	ResponseEntity<Map<String, Object>> create(@Valid @RequestBody BatchRequest request) {
		long id = recuperations.create(request);
		return ResponseEntity.created(URI.create("/api/v1/care/recuperation/batches/" + id)).body(Map.of("id", id));
	}

	@GetMapping("/batches/{id}")
	@Operation(summary = "批次详情：名额分配、我的推荐、我可见的名单")
	RecuperationViews.Detail get(@PathVariable long id) {
		return queries.detail(id);
	}

	@PutMapping("/batches/{id}/quotas")
	@Operation(summary = "分配各单位名额（组织单位；只改所列单位；合计不超过名额总数，不少于已推荐人数；增加的名额依次给候补人员）")
	Recuperations.QuotaChange quotas(@PathVariable long id, @Valid @RequestBody Quotas body) {
		return recuperations.setQuotas(id, body.quotas(), body.version());
	}

	@GetMapping("/batches/{id}/nominations")
	@Operation(summary = "推荐名单（组织单位看全部，其他管理员看本人管理范围内人员，本人看自己）")
	PageResult<RecuperationViews.Nomination> roster(@PathVariable long id, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return PageResult.slice(queries.roster(id), PageRequest.of(page, size));
	}

	@PostMapping("/batches/{id}/nominations")
	@Operation(summary = "推荐人员（本人管理范围内的在职人员，不超过本单位名额，近 N 年未参加过疗休养；劳模批次须填写 "
			+ "modelWorkerReference 劳模称号及依据；waitList=true 时名额已满则列入候补）→ 201，status 为 NOMINATED 或 WAITING")
	ResponseEntity<Map<String, Object>> nominate(@PathVariable long id, @RequestBody Nomination body) {
		Recuperations.Nominated n = recuperations.nominate(id, body.personId(), body.modelWorkerReference(),
				Boolean.TRUE.equals(body.waitList()));
		return ResponseEntity.created(URI.create("/api/v1/care/recuperation/nominations/" + n.id()))
			.body(Map.of("id", n.id(), "status", n.status().toCodeLabel()));
	}

	@GetMapping("/batches/{id}/roster/export")
	@Operation(summary = "导出名单（.xlsx，管理员，记入审计日志）")
	ResponseEntity<byte[]> export(@PathVariable long id) {
		return export.download(id);
	}

	@PutMapping("/batches/{id}/attendance")
	@Operation(summary = "登记参加情况（组织单位，行程结束后；records：nominationId 与 attended）")
	Map<String, Object> attendance(@PathVariable long id, @Valid @RequestBody AttendanceSheet body) {
		return Map.of("changed", recuperations.recordAttendance(id, body.records()));
	}

	@GetMapping("/my-nominations")
	@Operation(summary = "我被推荐的疗休养（含可否确认、谢绝）")
	PageResult<RecuperationViews.NominationPage> mine(@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return PageResult.slice(queries.mine(), PageRequest.of(page, size));
	}

	@GetMapping("/nominations/{id}")
	@Operation(summary = "一条推荐及其批次（本人、其管理员和组织单位）")
	RecuperationViews.NominationPage nomination(@PathVariable long id) {
		return queries.nomination(id);
	}

	@PostMapping("/nominations/{id}/confirmation")
	@Operation(summary = "本人确认参加（批次开始前）")
	ResponseEntity<Void> confirm(@PathVariable long id) {
		recuperations.confirm(id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/nominations/{id}/decline")
	@Operation(summary = "本人谢绝（须填写原因；名额依次给本单位候补人员，没有候补则退回本单位名额）")
	Recuperations.Release decline(@PathVariable long id, @RequestBody(required = false) Reason body) {
		return recuperations.decline(id, body == null ? null : body.reason());
	}

	@PostMapping("/nominations/{id}/withdrawal")
	@Operation(summary = "撤回推荐（该人员的管理员或组织单位，须填写原因；名额处理同谢绝）")
	Recuperations.Release withdraw(@PathVariable long id, @RequestBody(required = false) Reason body) {
		return recuperations.withdraw(id, body == null ? null : body.reason());
	}
}
