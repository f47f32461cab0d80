package org.quntuan.member;

import java.net.URI;
import java.time.LocalDate;

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
@RequestMapping("/api/v1/members")
@Tag(name = "人员", description = "人员名单、详情、登记、修改")
class MemberApiController {

	record TransferRequest(Long toOrganId, LocalDate effectiveDate, String reason, Integer version) {
	}

	record LeaveRequest(String type, LocalDate effectiveDate, String reason, Integer version) {
	}

	private final MemberQueries queries;

	private final MemberManagement management;

	MemberApiController(MemberQueries queries, MemberManagement management) {
		this.queries = queries;
		this.management = management;
	}

	@GetMapping
	@Operation(summary = "人员名单（按管理范围，身份证号和手机号脱敏）")
	PageResult<PersonListItem> list(@RequestParam(required = false) String q,
			@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size,
			@RequestParam(required = false, defaultValue = "ACTIVE") String status) {
		return queries.list(q, orgId, !"INACTIVE".equalsIgnoreCase(status), PageRequest.of(page, size));
	}

	@GetMapping("/{id}")
	@Operation(summary = "人员详情（完整身份证号和手机号，非本人查看记入审计日志）")
	PersonDetail get(@PathVariable long id) {
		return queries.detail(id, true);
	}

	@PostMapping
	@Operation(summary = "登记人员")
	ResponseEntity<PersonDetail> create(@RequestBody PersonForm form) {
		long id = management.create(form);
		return ResponseEntity.created(URI.create("/api/v1/members/" + id)).body(queries.detail(id, false));
	}

	@PutMapping("/{id}")
	@Operation(summary = "修改人员信息（带版本号，过期版本返回 409）")
	PersonDetail update(@PathVariable long id, @RequestBody PersonForm form) {
		management.update(id, form);
		return queries.detail(id, false);
	}

	@PostMapping("/{id}/transfer")
	@Operation(summary = "人员调动：所属单位变更，会籍随人员转移，保留单位变动记录")
	PersonDetail transfer(@PathVariable long id, @RequestBody TransferRequest request) {
		management.transfer(id, request.toOrganId(), request.effectiveDate(), request.reason(), request.version());
		return queries.detail(id, false);
	}

	@PostMapping("/{id}/leave")
	@Operation(summary = "办理退休或调离（type 为 RETIRED / LEFT，或其中文名称）")
	PersonDetail leave(@PathVariable long id, @RequestBody LeaveRequest request) {
		management.leave(id, request.type(), request.effectiveDate(), request.reason(), request.version());
		return queries.detail(id, false);
	}
}
