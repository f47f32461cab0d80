package org.quntuan.care.visits;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.files.FileResponses;
import org.quntuan.platform.files.StoredFile;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/care")
@Tag(name = "走访慰问", description = "走访慰问计划（时间、对象类别及标准、预算、支付账簿）、慰问对象名单、走访登记（慰问金记入账簿一次）、进度看板")
class VisitApiController {

	private final Visits visits;

	private final VisitQueries queries;

	private final BoardExport export;

	VisitApiController(Visits visits, VisitQueries queries, BoardExport export) {
		this.visits = visits;
		this.queries = queries;
		this.export = export;
	}

	@GetMapping("/visit-plans")
	@Operation(summary = "我可见的走访慰问计划（管理员：本人管理范围内的计划），最新在前")
	PageResult<VisitViews.PlanSummary> list(@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return queries.list(PageRequest.of(page, size));
	}

	@PostMapping("/visit-plans")
	@Operation(summary = "制定走访慰问计划（管理员，从本人管理的工会账簿支付；budget 为字符串金额；standards 每类对象一条："
			+ "kind MODEL_WORKER 劳模 / UNION_CADRE 机关工会干部 / HARDSHIP 困难会员 / SICK 患病住院 / RETIRED 退休老同志 / OTHER 其他，"
			+ "form CASH 慰问金 / GOODS 慰问品，amount 每人金额或慰问品价值，goods 慰问品内容）")
	ResponseEntity<Map<String, Object>> create(@Valid @RequestBody VisitViews.PlanInput input) {
		long id = visits.createPlan(input);
		return ResponseEntity.created(URI.create("/api/v1/care/visit-plans/" + id)).body(Map.of("id", id));
	}

	@GetMapping("/visit-plans/{id}")
	@Operation(summary = "计划详情：各类对象标准、预算、已列入名单的预留金额和已支出金额")
	VisitViews.PlanDetail get(@PathVariable long id) {
		return queries.detail(id);
	}

	@PutMapping("/visit-plans/{id}/budget")
	@Operation(summary = "调整预算（计划制定单位的管理员；须带 version；不低于名单已预留的金额）")
	ResponseEntity<Void> budget(@PathVariable long id, @RequestBody VisitViews.BudgetInput input) {
		visits.changeBudget(id, input);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/visit-plans/{id}/recipients")
	@Operation(summary = "慰问对象名单及走访情况（计划制定单位看全部，其他管理员看本人管理的人员；organId 按单位，visited 按是否已走访）")
	PageResult<VisitViews.Recipient> recipients(@PathVariable long id, @RequestParam(required = false) Long organId,
			@RequestParam(required = false) Boolean visited, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return queries.recipients(id, organId, visited, PageRequest.of(page, size));
	}

	@PostMapping("/visit-plans/{id}/recipients")
	@Operation(summary = "列入慰问对象（本人管理的人员，按其类别的标准从预算中预留；超出预算时 422）")
	ResponseEntity<Map<String, Object>> addRecipient(@PathVariable long id,
			@RequestBody VisitViews.RecipientInput input) {
		long recipientId = visits.addRecipient(id, input);
		return ResponseEntity.created(URI.create("/api/v1/care/visit-plans/" + id + "/recipients"))
			.body(Map.of("id", recipientId));
	}

	@PostMapping("/visit-plans/{id}/recipients/from-registers")
	@Operation(summary = "从登记中一次列入慰问对象（kind HARDSHIP 困难会员：复核期内的困难职工档案；SICK 患病住院：计划期间入院或尚未结束的患病住院登记）："
			+ "本人管理范围内、计划慰问范围内、尚未列入名单的全部人员；全部预留超出预算时 422，未列入任何人；answers added")
	Map<String, Object> fromRegisters(@PathVariable long id, @RequestBody(required = false) VisitViews.RegisterInput input) {
		return Map.of("added", visits.addFromRegisters(id, input == null ? null : input.kind()));
	}

	@DeleteMapping("/visit-recipients/{id}")
	@Operation(summary = "移出尚未走访的慰问对象（预留金额退回预算）")
	ResponseEntity<Void> removeRecipient(@PathVariable long id) {
		visits.removeRecipient(id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/visits")
	@Operation(summary = "登记走访（本人管理的慰问对象，每人一次；form、amount 缺省为该类标准；慰问金在同一事务中记入支付账簿，"
			+ "重复登记 409）")
	ResponseEntity<Map<String, Object>> record(@RequestBody VisitViews.VisitInput input) {
		long id = visits.record(input, null);
		VisitViews.Visit visit = queries.visit(id);
		return ResponseEntity.created(URI.create("/api/v1/care/visits/" + id))
			.body(visit.txnId() == null ? Map.of("id", id) : Map.of("id", id, "txnId", visit.txnId()));
	}

	@GetMapping("/visits/{id}")
	@Operation(summary = "一次走访的记录")
	VisitViews.Visit visit(@PathVariable long id) {
		return queries.visit(id);
	}

	@PostMapping("/visits/{id}/photo")
	@Operation(summary = "上传走访照片（PNG 或 JPEG，每次走访一张）")
	ResponseEntity<Map<String, Object>> photo(@PathVariable long id,
			@RequestParam(name = "file", required = false) MultipartFile file) {
		StoredFile stored = visits.attachPhoto(id, upload(file));
		return ResponseEntity.created(URI.create("/api/v1/care/visits/" + id + "/photo"))
			.body(Map.of("fileId", stored.id()));
	}

	@GetMapping("/visits/{id}/photo")
	@Operation(summary = "下载走访照片")
	ResponseEntity<Resource> downloadPhoto(@PathVariable long id) {
		return FileResponses.attachment(queries.photo(id));
	}

	@GetMapping("/visit-plans/{id}/board")
	@Operation(summary = "进度看板：各单位计划人数、已走访人数、预留和支出金额，合计与预算")
	VisitViews.Board board(@PathVariable long id) {
		return queries.board(id);
	}

	@GetMapping("/visit-plans/{id}/board/export")
	@Operation(summary = "导出进度看板和慰问对象名单（.xlsx，记入审计日志）")
	ResponseEntity<byte[]> exportBoard(@PathVariable long id) {
		return export.download(id);
	}

	/** A multipart file as an upload; nothing chosen is no upload. */
	static VisitViews.Upload upload(MultipartFile file) {
		if (file == null || (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()))) {
			return null;
		}
		try {
			return new VisitViews.Upload(file.getOriginalFilename(), file.getInputStream(), file.getSize());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
