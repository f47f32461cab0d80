package org.quntuan.identity;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.quntuan.identity.AccountAdminQueries.AccountDetail;
import org.quntuan.identity.AccountAdminQueries.AccountSummary;
import org.quntuan.identity.AccountAdminQueries.RoleBinding;
import org.quntuan.identity.AccountAdministration.Issued;
import org.quntuan.identity.AccountAdministration.NewAccount;
import org.quntuan.organization.OrgType;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.Role;
import org.quntuan.platform.excel.ExcelDownload;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "账号管理")
class AccountAdminApiController {

	record RoleRequest(String role, Long orgId) {
	}

	/** The version the caller saw: 400 without it, 409 when someone changed the account meanwhile. */
	record VersionRequest(Integer version) {
	}

	private final AccountAdminQueries queries;

	private final AccountAdministration administration;

	AccountAdminApiController(AccountAdminQueries queries, AccountAdministration administration) {
		this.queries = queries;
		this.administration = administration;
	}

	@GetMapping("/api/v1/accounts")
	@Operation(summary = "管理范围内的账号及其角色（按账号名或姓名搜索）；手机号账号名脱敏，whole=true 时为完整值并记入审计日志")
	PageResult<AccountSummary> list(@RequestParam(required = false) String q,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@RequestParam(defaultValue = "false") boolean whole) {
		return queries.list(q, PageRequest.of(page, size), whole);
	}

	@GetMapping("/api/v1/accounts/export")
	@Operation(summary = "导出管理范围内的账号（.xlsx；范围和搜索条件 q 同账号列表，手机号账号名脱敏，记入审计日志）")
	ResponseEntity<byte[]> export(@RequestParam(required = false) String q) {
		byte[] file = queries.export(q);
		return ResponseEntity.ok().headers(ExcelDownload.headers(queries.exportFileName())).body(file);
	}

	@GetMapping("/api/v1/accounts/{id}")
	@Operation(summary = "账号详情")
	AccountDetail detail(@PathVariable long id) {
		return queries.detail(id);
	}

	@PostMapping("/api/v1/accounts")
	@Operation(summary = "新建账号：返回一次性密码（仅显示这一次，首次登录须修改）")
	ResponseEntity<Issued> create(@RequestBody NewAccount request) {
		Issued issued = administration.create(request);
		return ResponseEntity.created(URI.create("/api/v1/accounts/" + issued.id())).body(issued);
	}

	@PostMapping("/api/v1/accounts/{id}/roles")
	@Operation(summary = "在组织授予角色（不能超出本人角色和管理范围）")
	ResponseEntity<RoleBinding> bind(@PathVariable long id, @RequestBody RoleRequest request) {
		AccountAdminRepository.BindingRow b = administration.bind(id, request.role(), request.orgId());
		return ResponseEntity.status(201).body(new RoleBinding(b.id(), Role.valueOf(b.role()).toCodeLabel(), b.orgId(),
				b.orgName(), OrgType.valueOf(b.orgType()).toCodeLabel(), true));
	}

	@DeleteMapping("/api/v1/accounts/{id}/roles/{bindingId}")
	@Operation(summary = "收回角色")
	ResponseEntity<Void> unbind(@PathVariable long id, @PathVariable long bindingId) {
		administration.unbind(id, bindingId);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/accounts/{id}/disable")
	@Operation(summary = "停用账号：其会话与令牌立即失效")
	ResponseEntity<Void> disable(@PathVariable long id, @RequestBody(required = false) VersionRequest request) {
		administration.disable(id, request == null ? null : request.version());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/accounts/{id}/enable")
	@Operation(summary = "启用账号")
	ResponseEntity<Void> enable(@PathVariable long id, @RequestBody(required = false) VersionRequest request) {
		administration.enable(id, request == null ? null : request.version());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/accounts/{id}/reset-password")
	@Operation(summary = "重置密码：返回一次性密码（仅显示这一次，首次登录须修改）")
	Issued resetPassword(@PathVariable long id, @RequestBody(required = false) VersionRequest request) {
		return administration.resetPassword(id, request == null ? null : request.version());
	}
}
