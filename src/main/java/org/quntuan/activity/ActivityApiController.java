package org.quntuan.activity;

import java.net.URI;
import java.time.OffsetDateTime;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.quntuan.activity.ActivityViews.Card;
import org.quntuan.activity.ActivityViews.Detail;
import org.quntuan.activity.ActivityViews.Registrants;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.excel.ExcelDownload;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/v1/activities")
@Tag(name = "活动", description = "活动发布、报名与候补、审核、签到、评价")
class ActivityApiController {

	record RegistrationAnswer(String status, Integer waitlistPosition) {
	}

	record SeatsRequest(Integer seats, Integer version) {
	}

	record PersonRequest(Long personId) {
	}

	record CheckInRequest(String token) {
	}

	record CheckInAnswer(OffsetDateTime attendedAt) {
	}

	record CheckInCode(String token, String url, OffsetDateTime expiresAt) {
	}

	record FeedbackRequest(Integer stars, String comment) {
	}

	private final ActivityQueries queries;

	private final ActivityManagement management;

	private final Registrations registrations;

	private final RegistrantExport export;

	private final CheckInCodes codes;

	ActivityApiController(ActivityQueries queries, ActivityManagement management, Registrations registrations,
			RegistrantExport export, CheckInCodes codes) {
		this.queries = queries;
		this.management = management;
		this.registrations = registrations;
		this.export = export;
		this.codes = codes;
	}

	@PostMapping
	@Operation(summary = "发布活动（组织方须在本人管理范围内；audience 为发送对象格式）")
	ResponseEntity<Detail> create(@RequestBody ActivityForm form) {
		long id = management.create(form);
		return ResponseEntity.created(URI.create("/api/v1/activities/" + id)).body(queries.detail(id));
	}

	@GetMapping
	@Operation(summary = "面向本人开放、尚未结束的活动（含本人报名状态），按开始时间排列；分页（page 从 0 起，size 默认 20，"
			+ "至多 200）；还有下一页时响应头 Link 带 rel=\"next\"")
	ResponseEntity<PageResult<Card>> openToMe(@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		PageResult<Card> result = queries.openToMe(PageRequest.of(page, size));
		ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
		if (result.hasNext()) {
			ok.header("Link", "</api/v1/activities?page=" + (result.page() + 1) + "&size=" + result.size()
					+ ">; rel=\"next\"");
		}
		return ok.body(result);
	}

	@GetMapping("/mine")
	@Operation(summary = "我的活动：本人的报名，按活动开始时间倒序分页")
	PageResult<Card> mine(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return queries.mine(PageRequest.of(page, size));
	}

	@GetMapping("/managed")
	@Operation(summary = "本人作为组织方管理的活动，按开始时间倒序分页")
	PageResult<Card> managed(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return queries.managed(PageRequest.of(page, size));
	}

	@GetMapping("/{id}")
	@Operation(summary = "活动详情")
	Detail get(@PathVariable long id) {
		return queries.detail(id);
	}

	@PutMapping("/{id}")
	@Operation(summary = "修改活动（带版本号；名额不能少于已确认和待审核人数，增加名额时自动递补候补）")
	Detail update(@PathVariable long id, @RequestBody ActivityForm form) {
		management.update(id, form);
		return queries.detail(id);
	}

	@PutMapping("/{id}/seats")
	@Operation(summary = "调整名额")
	Detail seats(@PathVariable long id, @RequestBody SeatsRequest request) {
		management.changeSeats(id, request.seats(), request.version());
		return queries.detail(id);
	}

	@PostMapping("/{id}/cancel")
	@Operation(summary = "取消活动并通知报名人员")
	Detail cancel(@PathVariable long id) {
		management.cancel(id);
		return queries.detail(id);
	}

	@PostMapping("/{id}/cover")
	@Operation(summary = "上传或更换封面图片（multipart 字段 file，仅 PNG / JPEG；组织方）")
	Detail cover(@PathVariable long id, @RequestParam(required = false) MultipartFile file) {
		management.replaceCover(id, file);
		return queries.detail(id);
	}

	@PostMapping("/{id}/registrations")
	@Operation(summary = "本人报名：有名额为已确认（需审核时为待审核），满员进入候补；重复报名返回 200 和当前状态")
	ResponseEntity<RegistrationAnswer> register(@PathVariable long id) {
		Registrations.Outcome outcome = registrations.register(id);
		return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.body(new RegistrationAnswer(outcome.status().name(), outcome.waitlistPosition()));
	}

	@DeleteMapping("/{id}/registrations/mine")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "本人取消报名（取消截止前）；候补第一位自动递补并收到通知")
	void cancelMine(@PathVariable long id) {
		registrations.cancelMine(id);
	}

	@GetMapping("/{id}/registrations")
	@Operation(summary = "报名名单（组织方）：已确认、待审核、候补，手机号脱敏")
	Registrants registrants(@PathVariable long id) {
		return queries.registrants(id);
	}

	@GetMapping("/{id}/registrations/export")
	@Operation(summary = "导出报名名单（Excel，手机号脱敏）")
	ResponseEntity<byte[]> exportRegistrants(@PathVariable long id) {
		RegistrantExport.File file = export.export(id);
		return ResponseEntity.ok().headers(ExcelDownload.headers(file.name())).body(file.bytes());
	}

	@PostMapping("/{id}/registrations/manual")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "组织方手动添加报名人员（须有空余名额）")
	Registrants add(@PathVariable long id, @RequestBody PersonRequest request) {
		registrations.add(id, request.personId());
		return queries.registrants(id);
	}

	@PostMapping("/{id}/registrations/{registrationId}/approve")
	@Operation(summary = "审核通过")
	Registrants approve(@PathVariable long id, @PathVariable long registrationId) {
		registrations.approve(id, registrationId);
		return queries.registrants(id);
	}

	@PostMapping("/{id}/registrations/{registrationId}/reject")
	@Operation(summary = "审核不通过（释放名额，候补递补）")
	Registrants reject(@PathVariable long id, @PathVariable long registrationId) {
		registrations.reject(id, registrationId);
		return queries.registrants(id);
	}

	@DeleteMapping("/{id}/registrations/{registrationId}")
	@Operation(summary = "组织方移除报名人员（释放名额，候补递补）")
	Registrants remove(@PathVariable long id, @PathVariable long registrationId) {
		registrations.remove(id, registrationId);
		return queries.registrants(id);
	}

	@GetMapping("/{id}/check-in-code")
	@Operation(summary = "签到二维码的内容（组织方；短期有效的签名令牌）")
	CheckInCode checkInCode(@PathVariable long id) {
		CheckInCodes.Code code = codes.issue(id, ServletUriComponentsBuilder.fromCurrentContextPath().toUriString());
		return new CheckInCode(code.token(), code.url(), code.expiresAt());
	}

	@PostMapping("/{id}/check-in")
	@Operation(summary = "本人扫码签到（签到时间内，须有已确认的报名）")
	CheckInAnswer checkIn(@PathVariable long id, @RequestBody CheckInRequest request) {
		return new CheckInAnswer(registrations.checkIn(id, request.token()));
	}

	@PostMapping("/{id}/feedback")
	@Operation(summary = "参加者评价：1–5 星及评语")
	Detail feedback(@PathVariable long id, @RequestBody FeedbackRequest request) {
		registrations.feedback(id, request.stars(), request.comment());
		return queries.detail(id);
	}
}
