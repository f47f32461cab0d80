package org.quntuan.care.women;

import java.net.URI;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/women")
@Tag(name = "女职工两癌筛查", description = "两癌筛查计划、各单位名额、本人报名与候补、取消、结果登记（仅本人、本单位妇委会和工委可见）、医院名单导出")
class ScreeningApiController {

	record Result(String result, String note) {
	}

	private final ScreeningPlans plans;

	private final Screenings screenings;

	private final ScreeningQueries queries;

	private final SignupExport export;

	ScreeningApiController(ScreeningPlans plans, Screenings screenings, ScreeningQueries queries, SignupExport export) {
		this.plans = plans;
		this.screenings = screenings;
		this.queries = queries;
		this.export = export;
	}

	@GetMapping("/screenings")
	@Operation(summary = "本年度（或 year 年度）我可见的两癌筛查：本单位有名额、我所在妇委会管理的单位有名额或我已报名")
	PageResult<ScreeningViews.Summary> list(@RequestParam(required = false) Integer year,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return PageResult.slice(queries.list(year), PageRequest.of(page, size));
	}

	@PostMapping("/screenings")
	@Operation(summary = "安排两癌筛查（工委管理员）：year、title、startsOn/endsOn 筛查期间、signupOpensOn/signupClosesOn 报名时间、"
			+ "capacity 名额总数；quotas 不填则按各单位在职女职工人数分配，填写则合计须等于 capacity；priorityAge（默认 35）、"
			+ "priorityYears（默认 2）：候补时优先的年龄和未筛查年数")
	ResponseEntity<Map<String, Object>> create(@Valid @RequestBody ScreeningRequest request) {
		long id = plans.create(request);
		return ResponseEntity.created(URI.create("/api/v1/women/screenings/" + id)).body(Map.of("id", id));
	}

	@GetMapping("/screenings/{id}")
	@Operation(summary = "筛查详情：名额、我的报名")
	ScreeningViews.Detail get(@PathVariable long id) {
		return queries.detail(id);
	}

	@PostMapping("/screenings/{id}/signups")
	@Operation(summary = "本人报名（在职女职工，本单位有名额，报名时间内，每次筛查一次）→ 201，status 为 CONFIRMED 或 WAITING（本单位名额已满，列入候补）")
	ResponseEntity<Map<String, Object>> signUp(@PathVariable long id) {
		Screenings.Signed s = screenings.signUp(id);
		return ResponseEntity.created(URI.create("/api/v1/women/signups/" + s.id()))
			.body(Map.of("id", s.id(), "status", s.status().toCodeLabel()));
	}

	@GetMapping("/screenings/{id}/signups")
	@Operation(summary = "报名名单（本单位妇委会看本单位，工委看全部；手机号脱敏，不含结果）")
	PageResult<ScreeningViews.SignupLine> signups(@PathVariable long id, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return PageResult.slice(queries.signups(id), PageRequest.of(page, size));
	}

	@GetMapping("/screenings/{id}/signups/export")
	@Operation(summary = "导出已报名名单给医院（.xlsx，不含结果；记入个人信息查看日志）")
	ResponseEntity<byte[]> export(@PathVariable long id) {
		return export.download(id);
	}

	@GetMapping("/my-signups")
	@Operation(summary = "我的筛查报名及结果")
	PageResult<ScreeningViews.Signup> mine(@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return PageResult.slice(queries.mine(), PageRequest.of(page, size));
	}

	@GetMapping("/signups/{id}")
	@Operation(summary = "一条报名及结果（本人、本单位妇委会、工委；管理员查看记入个人信息查看日志）")
	ScreeningViews.Signup signup(@PathVariable long id) {
		return queries.signup(id);
	}

	@PostMapping("/signups/{id}/cancellation")
	@Operation(summary = "本人取消报名（登记结果前、筛查结束前）；名额依次给本单位候补人员并通知")
	ResponseEntity<Void> cancel(@PathVariable long id) {
		screenings.cancel(id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/signups/{id}/result")
	@Operation(summary = "登记筛查结果（本单位妇委会或工委；result：NORMAL 未见异常 / FOLLOW_UP 需复查 / REFERRED 建议转诊；note 备注）")
	ResponseEntity<Void> result(@PathVariable long id, @RequestBody(required = false) Result body) {
		screenings.recordResult(id, body == null ? null : body.result(), body == null ? null : body.note());
		return ResponseEntity.noContent().build();
	}
}
