package org.quntuan.approval;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/approvals")
@Tag(name = "审批", description = "待我审批、我的申请、审批决定")
class ApprovalApiController {

	record DecisionBody(@NotNull(message = "{approval.validation.decision-required}") Decision decision,
			@Size(max = 1000, message = "{approval.validation.comment-too-long}") String comment) {
	}

	record ReasonBody(@Size(max = 1000, message = "{approval.validation.reason-too-long}") String reason) {
	}

	private final ApprovalQueries queries;

	private final ApprovalManagement management;

	ApprovalApiController(ApprovalQueries queries, ApprovalManagement management) {
		this.queries = queries;
		this.management = management;
	}

	@GetMapping
	@Operation(summary = "待我审批的事项（status=PENDING；到期早的在前），可按事项类型 type 与 overdue=true 筛选")
	PageResult<ApprovalViews.PendingItem> pending(@RequestParam(defaultValue = "PENDING") String status,
			@RequestParam(required = false) String type, @RequestParam(defaultValue = "false") boolean overdue,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		if (!"PENDING".equals(status)) {
			throw new InvalidValueException("status", "approval.error.status-pending-only");
		}
		return queries.pending(type, overdue, PageRequest.of(page, size));
	}

	@GetMapping("/requests")
	@Operation(summary = "我提交的申请（最新在前），可按状态筛选")
	PageResult<ApprovalViews.RequestItem> requests(@RequestParam(required = false) ApprovalStatus status,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return queries.requests(status, PageRequest.of(page, size));
	}

	@GetMapping("/{id}")
	@Operation(summary = "一项审批及其步骤和历史（申请人、审批人和上级管理员可见）")
	ApprovalViews.Detail show(@PathVariable long id) {
		return queries.detail(id);
	}

	@PostMapping("/{id}/decision")
	@Operation(summary = "审批当前步骤：APPROVE 同意、REJECT 不同意（须填理由）、RETURN 退回修改（须说明）；已处理的返回 409")
	ApprovalRef decide(@PathVariable long id, @Valid @RequestBody DecisionBody body) {
		return management.decide(id, body.decision(), body.comment());
	}

	@PostMapping("/{id}/withdraw")
	@Operation(summary = "申请人撤回尚未办结的申请")
	ApprovalRef withdraw(@PathVariable long id, @Valid @RequestBody ReasonBody body) {
		return management.withdrawHere(id, body.reason());
	}

	@PostMapping("/{id}/resubmit")
	@Operation(summary = "申请人修改后重新提交被退回的申请")
	ApprovalRef resubmit(@PathVariable long id, @Valid @RequestBody ReasonBody body) {
		return management.resubmitHere(id, body.reason());
	}
}
