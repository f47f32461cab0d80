package org.quntuan.member.union;

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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@Tag(name = "工会会员", description = "入会申请与审核、退会与保留会籍、会员关系转接、电子会员证")
class UnionApiController {

	record Decision(Boolean approve, String reason, Integer version) {
	}

	record Exit(String kind, LocalDate effectiveDate, String reason, Integer version) {
	}

	record Version(Integer version) {
	}

	private final UnionApplications applications;

	private final UnionExits exits;

	private final UnionTransfers transfers;

	private final UnionQueries queries;

	private final MemberCards cards;

	UnionApiController(UnionApplications applications, UnionExits exits, UnionTransfers transfers, UnionQueries queries,
			MemberCards cards) {
		this.applications = applications;
		this.exits = exits;
		this.transfers = transfers;
		this.queries = queries;
		this.cards = cards;
	}

	@PostMapping("/api/v1/union/applications")
	@Operation(summary = "本人申请入会（实名：身份证号须与本人档案一致，须同意《中国工会章程》）")
	ResponseEntity<UnionViews.Application> apply(@RequestBody UnionApplications.Form form) {
		long id = applications.apply(form);
		return ResponseEntity.created(URI.create("/api/v1/union/applications/" + id)).body(queries.application(id));
	}

	@GetMapping("/api/v1/union/applications/{id}")
	@Operation(summary = "一份入会申请（申请人本人或所管工会）")
	UnionViews.Application application(@PathVariable long id) {
		return queries.application(id);
	}

	@GetMapping("/api/v1/union/applications/mine")
	@Operation(summary = "我的入会申请")
	PageResult<UnionViews.Application> mine(@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return queries.mine(PageRequest.of(page, size));
	}

	@GetMapping("/api/v1/union/applications")
	@Operation(summary = "入会审核：所管工会的申请（默认待审核；state 为 PENDING / APPROVED / REJECTED）")
	PageResult<UnionViews.Application> queue(@RequestParam(required = false) String state,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return queries.queue(state, PageRequest.of(page, size));
	}

	@PostMapping("/api/v1/union/applications/{id}/decision")
	@Operation(summary = "审核入会申请（approve 为 true 批准、false 不批准并写明理由；只能审核一次）")
	UnionViews.Application decide(@PathVariable long id, @RequestBody Decision decision) {
		applications.decide(id, decision.approve(), decision.reason(), decision.version());
		return queries.application(id);
	}

	@GetMapping("/api/v1/union/members/{id}")
	@Operation(summary = "会籍与会籍变动记录（本人或所管工会）")
	UnionQueries.Membership membership(@PathVariable("id") long personId) {
		return queries.membership(personId);
	}

	@PostMapping("/api/v1/union/members/{id}/exit")
	@Operation(summary = "退会（kind=LEFT）或保留会籍（kind=RETAINED），须写明理由，带人员版本号")
	UnionQueries.Membership exit(@PathVariable("id") long personId, @RequestBody Exit exit) {
		exits.exit(personId, exit.kind(), exit.effectiveDate(), exit.reason(), exit.version());
		return queries.membership(personId);
	}

	@GetMapping("/api/v1/union/transfers")
	@Operation(summary = "会员关系转接（state 为 waiting-release / waiting-accept / done；转出或转入方为所管工会）")
	PageResult<UnionViews.Transfer> transfers(@RequestParam(required = false) String state,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return queries.transfers(state, false, PageRequest.of(page, size));
	}

	@PostMapping("/api/v1/union/transfers/{id}/release")
	@Operation(summary = "原单位工会转出会员关系")
	ResponseEntity<Void> release(@PathVariable long id, @RequestBody(required = false) Version version) {
		transfers.release(id, version == null ? null : version.version());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/union/transfers/{id}/accept")
	@Operation(summary = "新单位工会接收会员关系（转出方不能代为接收）")
	ResponseEntity<Void> accept(@PathVariable long id, @RequestBody(required = false) Version version) {
		transfers.accept(id, version == null ? null : version.version());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/me/member-card")
	@Operation(summary = "我的电子会员证：姓名、工会、会员编号、入会日期和二维码内容（短时有效的签名令牌）")
	UnionViews.Card card() {
		return cards.mine(ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString());
	}
}
