package org.quntuan.care.mutualaid;

import java.net.URI;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.Texts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
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
@RequestMapping("/api/v1/care/mutual-aid")
@Tag(name = "医疗互助", description = "在职职工医疗互助保障计划：年度计划与任务分解、参保登记、缴费入账、参保进度")
class MutualAidApiController {

	private final MutualAidPlans commands;

	private final MutualAidQueries queries;

	private final MutualAidProgressExport export;

	private final int maxImportRows;

	MutualAidApiController(MutualAidPlans commands, MutualAidQueries queries, MutualAidProgressExport export,
			@Value("${quntuan.care.mutual-aid.max-import-rows:5000}") int maxImportRows) {
		this.commands = commands;
		this.queries = queries;
		this.export = export;
		this.maxImportRows = maxImportRows;
	}

	@GetMapping("/plans")
	@Operation(summary = "医疗互助年度计划（新的在前）")
	PageResult<MutualAidViews.Plan> plans(@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return PageResult.slice(queries.plans(), PageRequest.of(page, size));
	}

	@PostMapping("/plans")
	@Operation(summary = "新建年度计划（工委管理员）：year、target 全市目标人数、pricePerPerson 每人金额（字符串，默认 60 元）、"
			+ "enrolOpensOn / enrolClosesOn 登记期、startsOn / endsOn 保障期（默认全年）、remindBelowPercent 提醒比例；"
			+ "目标按各单位工会会员人数以最大余额法分解，合计等于全市目标")
	ResponseEntity<Map<String, Object>> create(@RequestBody MutualAidRequests.Plan body) {
		long id = commands.create(body);
		return ResponseEntity.created(URI.create("/api/v1/care/mutual-aid/plans/" + id)).body(Map.of("id", id));
	}

	@GetMapping("/plans/{id}")
	@Operation(summary = "年度计划")
	MutualAidViews.Plan plan(@PathVariable long id) {
		return queries.plan(id);
	}

	@PutMapping("/plans/{id}/targets")
	@Operation(summary = "调整任务分解（工委管理员）：targets 为 [{organId, target}]，调整后合计须等于全市目标，否则 400 且不作修改；须带 version")
	Map<String, Object> targets(@PathVariable long id, @Valid @RequestBody MutualAidRequests.Targets body) {
		commands.setTargets(id, body);
		return Map.of("version", queries.plan(id).version());
	}

	@PostMapping("/plans/{id}/enrolments")
	@Operation(summary = "参保登记（管理员，本人管理范围内的在职人员）：personIds；已参加的人员保持不变，"
			+ "有一人不在管理范围内则整批不登记（403）")
	MutualAidPlans.Enrolled enrol(@PathVariable long id, @Valid @RequestBody MutualAidRequests.Enrolment body) {
		return commands.enrol(id, body.personIds());
	}

	@PostMapping("/plans/{id}/enrolments/{personId}/withdrawal")
	@Operation(summary = "退出参保（管理员，所登记单位在本人管理范围内）：reason 必填；单位已为其缴费的不能退出（422），保障至计划期满")
	Map<String, Object> withdraw(@PathVariable long id, @PathVariable long personId,
			@RequestBody(required = false) MutualAidRequests.Withdrawal body) {
		commands.withdraw(id, personId, body == null ? null : body.reason());
		return Map.of("personId", personId, "withdrawn", true);
	}

	@PostMapping("/plans/{id}/enrolments/import")
	@Operation(summary = "按 Excel 导入参保登记（file：第一行为表头，含「身份证号」列）：全部正确才登记，否则 400 并列出各行问题")
	MutualAidPlans.Enrolled importEnrolments(@PathVariable long id,
			@RequestParam(name = "file", required = false) MultipartFile file) {
		return commands.importEnrolments(id, file, maxImportRows);
	}

	@GetMapping("/plans/{id}/people")
	@Operation(summary = "可登记人员（本人管理范围内的在职人员，证件号遮蔽）：q 姓名或拼音，organId 单位，enrolled 是否已参加")
	PageResult<MutualAidViews.Person> people(@PathVariable long id, @RequestParam(required = false) String q,
			@RequestParam(required = false) Long organId, @RequestParam(required = false) Boolean enrolled,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return queries.people(id, q, organId, enrolled, PageRequest.of(page, size));
	}

	@GetMapping("/plans/{id}/progress")
	@Operation(summary = "参保进度（管理员）：rows 为管理范围内各单位的目标、已参加、工会会员数，groups 各片组，total 合计，city 全市")
	MutualAidViews.Board progress(@PathVariable long id) {
		return queries.board(id);
	}

	@GetMapping("/plans/{id}/progress/export")
	@Operation(summary = "导出参保进度（.xlsx，记入审计日志）")
	ResponseEntity<byte[]> exportProgress(@PathVariable long id) {
		return export.download(id);
	}

	@GetMapping("/plans/{id}/payments")
	@Operation(summary = "缴费记录（管理范围内各单位）")
	PageResult<MutualAidViews.Payment> payments(@PathVariable long id, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return PageResult.slice(queries.payments(id), PageRequest.of(page, size));
	}

	@PostMapping("/plans/{id}/payments")
	@Operation(summary = "登记单位缴费（单位工会账簿的记账人）：organId；按尚未缴费的参保人数 × 每人金额计，记入该单位工会账簿的维权支出，只记一次")
	ResponseEntity<MutualAidPlans.Paid> pay(@PathVariable long id, @RequestBody MutualAidRequests.Payment body) {
		MutualAidPlans.Paid paid = commands.pay(id, body);
		return ResponseEntity.created(URI.create("/api/v1/care/mutual-aid/plans/" + id + "/payments")).body(paid);
	}

	@ExceptionHandler(EnrolmentImport.Rejected.class)
	ResponseEntity<ProblemDetail> rejected(EnrolmentImport.Rejected ex) {
		ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, Texts.localized(ex));
		pd.setTitle(Texts.localized("mutualaid.import.failed"));
		pd.setType(URI.create("about:blank"));
		pd.setProperty("rows", ex.rows());
		pd.setProperty("errors", ex.errors());
		return ResponseEntity.badRequest().body(pd);
	}
}
