package org.quntuan.care.hardship;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.files.StoredFile;
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
@RequestMapping("/api/v1/care")
@Tag(name = "困难会员补助", description = "困难职工档案（年度复核）、补助申请、单位工会审核与工委审批、发放记账、年度上限")
class HardshipApiController {

	private final HardshipCases cases;

	private final Subsidies subsidies;

	private final HardshipQueries queries;

	HardshipApiController(HardshipCases cases, Subsidies subsidies, HardshipQueries queries) {
		this.cases = cases;
		this.subsidies = subsidies;
		this.queries = queries;
	}

	@PostMapping("/hardship-cases")
	@Operation(summary = "建立困难职工档案（管理本人员的管理员；causes：ILLNESS 因病 / DISABILITY 因残 / DISASTER 因灾 / "
			+ "SCHOOLING 子女就学 / SINGLE_PARENT 单亲 / OTHER 其他；level：GENERAL 一般困难 / SEVERE 深度困难；"
			+ "incomePerHead 家庭月人均收入（字符串）；reviewDate 复核日期，默认一年后）")
	ResponseEntity<Map<String, Object>> create(@RequestBody HardshipViews.CaseInput input) {
		long id = cases.create(input, List.of());
		return ResponseEntity.created(URI.create("/api/v1/care/hardship-cases/" + id)).body(Map.of("id", id));
	}

	@GetMapping("/hardship-cases")
	@Operation(summary = "困难职工档案列表（本人管理范围内，不含家庭情况；overdue=true 只列已过复核日期的）")
	PageResult<HardshipViews.CaseItem> list(@RequestParam(required = false) Boolean overdue,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return queries.cases(Boolean.TRUE.equals(overdue), PageRequest.of(page, size));
	}

	@GetMapping("/hardship-cases/{id}")
	@Operation(summary = "一份档案（本人、所在单位管理员和工委）；whole=true 显示家庭情况和材料，非本人查看记入审计日志")
	HardshipViews.CaseDetail get(@PathVariable long id, @RequestParam(required = false) Boolean whole) {
		return queries.caseDetail(id, Boolean.TRUE.equals(whole));
	}

	@PutMapping("/hardship-cases/{id}")
	@Operation(summary = "年度复核：更新家庭情况和等级，复核日期顺延（须带 version）")
	HardshipViews.CaseDetail review(@PathVariable long id, @RequestBody HardshipViews.CaseInput input) {
		cases.review(id, input);
		return queries.caseDetail(id, true);
	}

	@PostMapping("/hardship-cases/{id}/documents")
	@Operation(summary = "上传档案材料（PDF、PNG、JPEG）")
	ResponseEntity<Map<String, Object>> caseDocument(@PathVariable long id,
			@RequestParam(name = "file", required = false) MultipartFile file) {
		StoredFile f = cases.attach(id, HardshipViews.Upload.of(file));
		return ResponseEntity.created(URI.create("/care/hardship/documents/" + f.id())).body(Map.of("id", f.id()));
	}

	@PostMapping("/subsidies")
	@Operation(summary = "申请困难补助（personId 省略为本人；amount 金额字符串；reason 理由）：单位工会审核、工委审批，"
			+ "通过后发放记账；超过年度上限或档案已过复核日期时 422")
	ResponseEntity<Map<String, Object>> apply(@RequestBody HardshipViews.SubsidyInput input) {
		Subsidies.Filed filed = subsidies.apply(input, List.of());
		return ResponseEntity.created(URI.create("/api/v1/care/subsidies/" + filed.id()))
			.body(Map.of("id", filed.id(), "approvalId", filed.approvalId()));
	}

	@GetMapping("/subsidies")
	@Operation(summary = "补助申请（personId 某人的；省略为本人可见的全部：本人的，以及管理员管理范围内的）")
	PageResult<HardshipViews.SubsidyItem> subsidies(@RequestParam(required = false) Long personId,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return queries.subsidies(personId, PageRequest.of(page, size));
	}

	@GetMapping("/subsidies/{id}")
	@Operation(summary = "一项补助申请：理由、状态、审批、发放凭证号和材料")
	HardshipViews.SubsidyDetail subsidy(@PathVariable long id) {
		return queries.subsidy(id);
	}

	record Resubmission(String amount, String reason, String comment) {
	}

	@PostMapping("/subsidies/{id}/resubmission")
	@Operation(summary = "申请人修改退回的申请并重新提交（amount、reason、comment 说明），回到退回它的审批步骤")
	HardshipViews.SubsidyDetail resubmit(@PathVariable long id, @RequestBody Resubmission body) {
		subsidies.resubmit(id, body == null ? null : new HardshipViews.SubsidyInput(null, body.amount(), body.reason()),
				body == null ? null : body.comment());
		return queries.subsidy(id);
	}

	@PostMapping("/subsidies/{id}/documents")
	@Operation(summary = "补充申请材料（PDF、PNG、JPEG；审批结束前）")
	ResponseEntity<Map<String, Object>> subsidyDocument(@PathVariable long id,
			@RequestParam(name = "file", required = false) MultipartFile file) {
		StoredFile f = subsidies.attach(id, HardshipViews.Upload.of(file));
		return ResponseEntity.created(URI.create("/care/hardship/documents/" + f.id())).body(Map.of("id", f.id()));
	}
}
