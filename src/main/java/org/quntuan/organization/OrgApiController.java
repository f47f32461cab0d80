package org.quntuan.organization;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/orgs")
@Tag(name = "组织", description = "组织树、新建、更名、调整隶属关系、停用")
class OrgApiController {

	record CreateOrgRequest(@NotNull(message = "{organization.validation.parent-required}") Long parentId,
			@NotBlank(message = "{organization.org.error.type-required}") String type,
			@NotBlank(message = "{organization.org.error.name-required}")
			@Size(max = 100, message = "{organization.org.error.name-too-long}") String name,
			Boolean allowDuplicate) {
	}

	record UpdateOrgRequest(
			@NotBlank(message = "{organization.org.error.name-required}")
			@Size(max = 100, message = "{organization.org.error.name-too-long}") String name,
			@NotNull(message = "{organization.validation.version-required}") Integer version) {
	}

	record MoveOrgRequest(
			@NotNull(message = "{organization.org.error.new-parent-required}") Long newParentId,
			LocalDate effectiveDate,
			@NotBlank(message = "{organization.validation.move-reason-required}")
			@Size(max = 500, message = "{organization.validation.move-reason-too-long}") String reason,
			@NotNull(message = "{organization.validation.version-required}") Integer version, Boolean allowDuplicate) {
	}

	record DeactivateOrgRequest(@NotNull(message = "{organization.validation.version-required}") Integer version) {
	}

	private final OrganizationQueries queries;

	private final OrganizationManagement management;

	OrgApiController(OrganizationQueries queries, OrganizationManagement management) {
		this.queries = queries;
		this.management = management;
	}

	@GetMapping("/tree")
	@Operation(summary = "当前用户可见的组织树（含人数）：{roots}，每个节点带下级，整棵树一次给出")
	OrgTree tree() {
		return new OrgTree(queries.tree());
	}

	/** The visible tree: its roots, each with its children; a tree is not cut into pages. */
	record OrgTree(List<OrgTreeNode> roots) {
	}

	@GetMapping("/{id}")
	@Operation(summary = "组织详情：下级组织、人数、隶属关系变更记录")
	OrgDetail get(@PathVariable long id) {
		return queries.detail(id);
	}

	@PostMapping
	@Operation(summary = "新建下级组织")
	ResponseEntity<OrgDetail> create(@Valid @RequestBody CreateOrgRequest request) {
		long id = management.create(request.parentId(), request.type(), request.name(),
				Boolean.TRUE.equals(request.allowDuplicate()));
		return ResponseEntity.created(URI.create("/api/v1/orgs/" + id)).body(queries.detail(id));
	}

	@PutMapping("/{id}")
	@Operation(summary = "修改组织名称（带版本号，防止覆盖他人修改）")
	OrgDetail update(@PathVariable long id, @Valid @RequestBody UpdateOrgRequest request) {
		management.rename(id, request.name(), request.version());
		return queries.detail(id);
	}

	@PostMapping("/{id}/move")
	@Operation(summary = "调整隶属关系，保留变更记录")
	OrgDetail move(@PathVariable long id, @Valid @RequestBody MoveOrgRequest request) {
		management.move(id, request.newParentId(), request.effectiveDate(), request.reason(), request.version(),
				Boolean.TRUE.equals(request.allowDuplicate()));
		return queries.detail(id);
	}

	@PostMapping("/{id}/deactivate")
	@Operation(summary = "停用组织（不删除）")
	OrgDetail deactivate(@PathVariable long id, @Valid @RequestBody DeactivateOrgRequest request) {
		management.deactivate(id, request.version());
		return queries.detail(id);
	}
}
