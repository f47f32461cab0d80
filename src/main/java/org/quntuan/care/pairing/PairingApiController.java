package org.quntuan.care.pairing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.quntuan.platform.Coded;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.files.FileResponses;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "结对共建", description = "结对社区（村、企业）、结对关系与新一轮结对、年度共建项目与进展、共性突出问题的提出、受理、协调与解决、逾期上报、问题看板、年度汇总")
class PairingApiController {

	private final Pairs pairs;

	private final PairPlans plans;

	private final PairProblems problems;

	private final PairingReads reads;

	private final PairSummaryExport export;

	PairingApiController(Pairs pairs, PairPlans plans, PairProblems problems, PairingReads reads,
			PairSummaryExport export) {
		this.pairs = pairs;
		this.plans = plans;
		this.problems = problems;
		this.reads = reads;
		this.export = export;
	}

	@GetMapping("/pair-partners")
	@Operation(summary = "结对社区、村、企业（管理员；q 按名称或区县查找；联系电话已脱敏）")
	PageResult<PairingViews.Partner> partners(@RequestParam(required = false) String q,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return reads.partners(q, PageRequest.of(page, size));
	}

	@PostMapping("/pair-partners")
	@Operation(summary = "新增结对单位（管理员；kind：COMMUNITY 社区 / VILLAGE 村 / ENTERPRISE 企业）→ 201")
	ResponseEntity<Map<String, Object>> addPartner(@RequestBody PairingRequests.Partner body) {
		long id = pairs.addPartner(body);
		return ResponseEntity.created(URI.create("/api/v1/pair-partners/" + id)).body(Map.of("id", id));
	}

	@GetMapping("/pairs")
	@Operation(summary = "结对关系（工委看全部，单位管理员看本单位；year 为任期包含的年度）")
	PageResult<PairingViews.PairSummary> list(@RequestParam(required = false) Integer year,
			@RequestParam(required = false) Long organId, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return reads.pairs(year, organId, PageRequest.of(page, size));
	}

	@PostMapping("/pairs")
	@Operation(summary = "建立结对（工委管理员：organId 机关单位、partnerId 结对单位、startYear–endYear 任期至多 5 年、"
			+ "contactPersonIds 本单位联络人）→ 201")
	ResponseEntity<Map<String, Object>> create(@Valid @RequestBody PairingRequests.Pair body) {
		long id = pairs.create(body);
		return ResponseEntity.created(URI.create("/api/v1/pairs/" + id)).body(Map.of("id", id));
	}

	@GetMapping("/pairs/{id}")
	@Operation(summary = "结对详情：联络人、year 年度共建项目与进展、问题")
	PairingViews.PairDetail get(@PathVariable long id, @RequestParam(required = false) Integer year) {
		return reads.pair(id, year);
	}

	@PostMapping("/pairs/{id}/renewal")
	@Operation(summary = "新一轮结对（工委管理员；默认自原任期结束次年起、同样年限，原结对保留）→ 201")
	ResponseEntity<Map<String, Object>> renew(@PathVariable long id,
			@RequestBody(required = false) PairingRequests.Renewal body) {
		long created = pairs.renew(id, body);
		return ResponseEntity.created(URI.create("/api/v1/pairs/" + created)).body(Map.of("id", created));
	}

	@PostMapping("/pairs/{id}/plan-items")
	@Operation(summary = "年度共建项目（title 做什么、plannedOn 何时、who 由谁）→ 201")
	ResponseEntity<Map<String, Object>> addItem(@PathVariable long id, @RequestBody PairingRequests.PlanItem body) {
		long item = plans.addItem(id, body);
		return ResponseEntity.created(URI.create("/api/v1/pairs/" + id)).body(Map.of("id", item));
	}

	@PostMapping("/pair-plan-items/{id}/progress")
	@Operation(summary = "登记项目进展（multipart：happenedOn、note，可附 photo：PNG 或 JPEG，至多 5 MB）→ 201")
	ResponseEntity<Map<String, Object>> addProgress(@PathVariable long id,
			@RequestParam(required = false) String happenedOn, @RequestParam(required = false) String note,
			@RequestParam(name = "photo", required = false) MultipartFile photo) {
		long entry = plans.addProgress(id, PairingInput.date("happenedOn", happenedOn), note, upload(photo));
		return ResponseEntity.created(URI.create("/api/v1/pair-progress/" + entry + "/photo")).body(Map.of("id", entry));
	}

	@GetMapping("/pair-progress/{id}/photo")
	@Operation(summary = "进展照片")
	ResponseEntity<Resource> photo(@PathVariable long id) {
		return FileResponses.attachment(reads.photo(id));
	}

	@PostMapping("/pairs/{id}/problems")
	@Operation(summary = "提出共性、突出问题（category、description、owner 责任方、dueDate 不早于提出日期；raisedBy："
			+ "ORGAN 结对单位 / PARTNER 结对社区）→ 201")
	ResponseEntity<Map<String, Object>> raise(@PathVariable long id, @RequestBody PairingRequests.Problem body) {
		long problem = problems.raise(id, body);
		return ResponseEntity.created(URI.create("/api/v1/pair-problems/" + problem))
			.body(Map.of("id", problem, "status", ProblemStatus.RAISED.toCodeLabel()));
	}

	@GetMapping("/pair-problems")
	@Operation(summary = "问题列表（本人管理范围内；status 状态，overdue=true 仅逾期未办结）")
	PageResult<PairingViews.Problem> problems(@RequestParam(required = false) String status,
			@RequestParam(required = false) Boolean overdue, @RequestParam(required = false) Long pairId,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return reads.problems(Coded.parse(ProblemStatus.class, status), overdue, pairId, PageRequest.of(page, size));
	}

	@GetMapping("/pair-problems/board")
	@Operation(summary = "未办结问题看板：按类别和已提出天数（≤30、31–90、>90 天）统计（工委管理员）")
	PairingViews.Board board() {
		return reads.board();
	}

	@GetMapping("/pair-problems/{id}")
	@Operation(summary = "问题详情与办理步骤")
	PairingViews.ProblemDetail problem(@PathVariable long id) {
		return reads.problem(id);
	}

	@PatchMapping("/pair-problems/{id}")
	@Operation(summary = "推进问题状态（提出 → 受理 → 协调中 → 已解决 / 无法解决，逐级、不可回退；note 必填；version 为读取时的版本）")
	PairingViews.ProblemDetail move(@PathVariable long id, @RequestBody PairingRequests.StatusChange body) {
		problems.move(id, body);
		return reads.problem(id);
	}

	@GetMapping("/pairs/{id}/summary.xlsx")
	@Operation(summary = "结对年度汇总（.xlsx：共建项目、进展、问题及状态）")
	ResponseEntity<byte[]> summary(@PathVariable long id, @RequestParam(required = false) Integer year) {
		return export.download(id, year);
	}

	static PairingRequests.Upload upload(MultipartFile file) {
		if (file == null || (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()))) {
			return null;
		}
		try {
			return new PairingRequests.Upload(file.getOriginalFilename(), file.getInputStream(), file.getSize());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
