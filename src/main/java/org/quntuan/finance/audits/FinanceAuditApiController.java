package org.quntuan.finance.audits;

import jakarta.validation.constraints.Size;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.quntuan.platform.files.FileResponses;
import org.quntuan.platform.files.StoredFile;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
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
@RequestMapping("/api/v1/finance")
@Tag(name = "审查监督", description = "经费审计：审计计划、检查清单、凭证抽查、问题与整改、结束审计")
class FinanceAuditApiController {

	record PlanRequest(Integer year, @Size(max = 2000) List<Long> orgIds) {
	}

	record DefaultPlanRequest(Integer year) {
	}

	record CheckRequest(String result, String note) {
	}

	record SampleRequest(Integer count, Long txnId, String note) {
	}

	record SampleAnswer(List<Long> added, List<FundsAuditViews.Sample> samples) {
	}

	record ResponseRequest(String response) {
	}

	record DecisionRequest(Boolean accept, String comment) {
	}

	record CloseRequest(String conclusion) {
	}

	private final FundsAuditPlanning planning;

	private final FundsAudits audits;

	private final FundsAuditFindings findings;

	private final FinanceAuditQueries queries;

	FinanceAuditApiController(FundsAuditPlanning planning, FundsAudits audits, FundsAuditFindings findings, FinanceAuditQueries queries) {
		this.planning = planning;
		this.audits = audits;
		this.findings = findings;
		this.queries = queries;
	}

	@PostMapping("/audits")
	@Operation(summary = "将工会、片组账簿列入某年度审计计划（已列入的跳过；全部已列入时 409）")
	ResponseEntity<FundsAuditViews.Plan> plan(@RequestBody(required = false) PlanRequest request) {
		FundsAuditViews.Plan plan = request == null ? planning.plan(null, null) : planning.plan(request.year(), request.orgIds());
		return ResponseEntity.status(201).body(plan);
	}

	@PostMapping("/audit-plans/default")
	@Operation(summary = "生成年度审计计划：本人审计范围内尚未列入的全部工会和片组（有新列入的 201，否则 200）")
	ResponseEntity<FundsAuditViews.Plan> planDefault(@RequestBody(required = false) DefaultPlanRequest request) {
		FundsAuditViews.Plan plan = planning.planDefault(request == null ? null : request.year());
		return ResponseEntity.status(plan.created().isEmpty() ? 200 : 201).body(plan);
	}

	@GetMapping("/audits")
	@Operation(summary = "审计工作台：某年度（默认本年）可查阅账簿的审计，含未销号和逾期问题数；整年一次给出 {year, rows, totals}")
	FundsAuditViews.Board board(@RequestParam(required = false) Integer year,
			@RequestParam(required = false) String status) {
		return queries.boardWithTotals(year, status);
	}

	@GetMapping("/audits/{id}")
	@Operation(summary = "一次审计：检查清单、抽查凭证、发现的问题及整改")
	FundsAuditViews.Detail detail(@PathVariable long id) {
		return queries.detail(id);
	}

	@PostMapping("/audits/{id}/start")
	@Operation(summary = "开始审计：本人为审计人，按标准检查清单列出检查项")
	FundsAuditViews.Detail start(@PathVariable long id) {
		audits.start(id);
		return queries.detail(id);
	}

	@PutMapping("/audits/{id}/checks/{itemNo}")
	@Operation(summary = "填写检查项结果：OK（符合要求）、ISSUE（存在问题，须说明）或 NA（不适用）")
	FundsAuditViews.Check check(@PathVariable long id, @PathVariable int itemNo,
			@RequestBody(required = false) CheckRequest request) {
		audits.check(id, itemNo, request == null ? null : request.result(), request == null ? null : request.note());
		return queries.detail(id).checks().stream().filter(c -> c.itemNo() == itemNo).findFirst().orElseThrow();
	}

	@PostMapping("/audits/{id}/samples")
	@Operation(summary = "抽查凭证：count 为从审计年度尚未抽查的凭证中随机抽取的张数，或 txnId 指定一张本账簿的凭证")
	ResponseEntity<SampleAnswer> sample(@PathVariable long id, @RequestBody(required = false) SampleRequest request) {
		List<Long> added = request == null ? audits.sample(id, null, null, null)
				: audits.sample(id, request.count(), request.txnId(), request.note());
		return ResponseEntity.status(201).body(new SampleAnswer(added, queries.detail(id).samples()));
	}

	@PostMapping("/audits/{id}/findings")
	@Operation(summary = "记录发现的问题：severity 一般/较重/严重（MINOR/MAJOR/SEVERE），整改要求和期限，关联本账簿凭证；通知被审计单位")
	ResponseEntity<FundsAuditViews.Finding> raise(@PathVariable long id,
			@RequestBody(required = false) FundsAuditFindings.FindingInput request) {
		long finding = findings.raise(id, request == null ? new FundsAuditFindings.FindingInput(null, null, null, null, null)
				: request);
		return ResponseEntity.created(URI.create("/api/v1/finance/audits/" + id)).body(queries.finding(finding));
	}

	@PostMapping("/findings/{id}/response")
	@Operation(summary = "被审计单位反馈整改情况（工会管理员或财务人员）")
	FundsAuditViews.Finding respond(@PathVariable long id, @RequestBody(required = false) ResponseRequest request) {
		findings.respond(id, request == null ? null : request.response(), null);
		return queries.finding(id);
	}

	@PostMapping("/findings/{id}/evidence")
	@Operation(summary = "上传整改佐证材料（multipart 字段 file：PDF、PNG、JPEG、DOCX 或 XLSX）")
	ResponseEntity<FundsAuditViews.Evidence> evidence(@PathVariable long id,
			@RequestParam(name = "file", required = false) MultipartFile file) {
		StoredFile stored = findings.attach(id, upload(file));
		return ResponseEntity.status(201).body(new FundsAuditViews.Evidence(stored.id(), stored.originalName(),
				stored.kind().label(), stored.sizeBytes(), FinanceAuditQueries.local(stored.createdAt())));
	}

	@GetMapping("/findings/{id}/evidence/{fileId}")
	@Operation(summary = "下载整改佐证材料")
	ResponseEntity<Resource> download(@PathVariable long id, @PathVariable long fileId) {
		return FileResponses.attachment(queries.evidence(id, fileId));
	}

	@PostMapping("/findings/{id}/decision")
	@Operation(summary = "经审委员审核整改：accept=true 销号，false 退回重新整改（须说明理由）")
	FundsAuditViews.Finding decide(@PathVariable long id, @RequestBody(required = false) DecisionRequest request) {
		findings.decide(id, request == null ? null : request.accept(), request == null ? null : request.comment());
		return queries.finding(id);
	}

	@PostMapping("/audits/{id}/close")
	@Operation(summary = "结束审计：检查清单已填完、问题全部销号后，填写审计结论")
	FundsAuditViews.Detail close(@PathVariable long id, @RequestBody(required = false) CloseRequest request) {
		audits.close(id, request == null ? null : request.conclusion());
		return queries.detail(id);
	}

	/** The upload as the service takes it, or null when no file was sent. */
	static FundsAuditFindings.Upload upload(MultipartFile file) {
		if (file == null || file.isEmpty()) {
			return null;
		}
		try {
			return new FundsAuditFindings.Upload(file.getOriginalFilename(), file.getInputStream(), file.getSize());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
