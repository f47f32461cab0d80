package org.quntuan.activity.clubs;

import java.net.URI;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.quntuan.platform.Coded;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/clubs")
@Tag(name = "文体俱乐部", description = "俱乐部、入会申请与审核、退出、合并")
class ClubApiController {

	record MergeRequest(@NotNull(message = "{activity.club.validation.m6}") Long absorbedClubId) {
	}

	private final ClubQueries queries;

	private final ClubManagement management;

	ClubApiController(ClubQueries queries, ClubManagement management) {
		this.queries = queries;
		this.management = management;
	}

	@GetMapping
	@Operation(summary = "可见的俱乐部（mine=true：我加入、负责或申请中的）")
	PageResult<ClubViews.Summary> list(@RequestParam(defaultValue = "false") boolean mine,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return queries.list(mine, PageRequest.of(page, size));
	}

	@PostMapping
	@Operation(summary = "成立俱乐部（主办组织的管理员；主办组织为机关工委或单位工会，负责人须已开通账号）")
	ResponseEntity<ClubViews.Detail> create(@Valid @RequestBody ClubForm form) {
		long id = management.create(form);
		return ResponseEntity.created(URI.create("/api/v1/clubs/" + id)).body(queries.detail(id));
	}

	@GetMapping("/requests")
	@Operation(summary = "待我审核的入会申请（负责人或主办组织管理员；手机号脱敏）")
	PageResult<ClubViews.Request> requests(@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return queries.requests(PageRequest.of(page, size));
	}

	@GetMapping("/{id}")
	@Operation(summary = "俱乐部详情：成员（成员和负责人可见，手机号脱敏）、活动、合并记录")
	ClubViews.Detail get(@PathVariable long id) {
		return queries.detail(id);
	}

	@GetMapping("/{id}/members")
	@Operation(summary = "成员名单（status=APPROVED）或待审核申请（status=PENDING，负责人可见）")
	PageResult<ClubViews.Member> members(@PathVariable long id, @RequestParam(defaultValue = "APPROVED") String status,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		ClubMemberStatus parsed = Coded.parse(ClubMemberStatus.class, status);
		return queries.members(id, parsed == null ? "APPROVED" : parsed.name(), PageRequest.of(page, size));
	}

	@PostMapping("/{id}/join")
	@Operation(summary = "申请加入（新申请 201；已申请或已加入 200，返回当前状态）")
	ResponseEntity<Map<String, Object>> join(@PathVariable long id) {
		ClubManagement.JoinResult result = management.join(id);
		return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.body(Map.of("status", result.status().toCodeLabel()));
	}

	@PostMapping("/{id}/leave")
	@Operation(summary = "退出俱乐部（负责人不能退出）")
	Map<String, Object> leave(@PathVariable long id) {
		management.leave(id);
		return Map.of("status", ClubMemberStatus.LEFT.toCodeLabel());
	}

	@PostMapping("/{id}/members/{personId}/approve")
	@Operation(summary = "通过入会申请（负责人或主办组织管理员）")
	Map<String, Object> approve(@PathVariable long id, @PathVariable long personId) {
		return Map.of("status", management.decide(id, personId, true).toCodeLabel());
	}

	@PostMapping("/{id}/members/{personId}/reject")
	@Operation(summary = "不通过入会申请")
	Map<String, Object> reject(@PathVariable long id, @PathVariable long personId) {
		return Map.of("status", management.decide(id, personId, false).toCodeLabel());
	}

	@PostMapping("/{id}/merge")
	@Operation(summary = "把另一个俱乐部并入本俱乐部：成员转入（重复的合为一人），活动归本俱乐部，被合并的俱乐部关闭并保留记录")
	ClubViews.Detail merge(@PathVariable long id, @Valid @RequestBody MergeRequest request) {
		management.merge(id, request.absorbedClubId());
		return queries.detail(id);
	}
}
