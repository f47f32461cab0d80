package org.quntuan.learning.trainings;

import java.net.URI;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "培训班", description = "培训班设置、名额内推荐、确认名单、课程签到与考勤、结业与证书")
class TrainingApiController {

	record Nomination(Long personId) {
	}

	record AttendanceChange(Boolean present, String reason) {
	}

	record CheckIn(String token) {
	}

	private final Trainings trainings;

	private final TrainingQueries queries;

	private final RosterExport export;

	private final CertificateDownload certificates;

	TrainingApiController(Trainings trainings, TrainingQueries queries, RosterExport export,
			CertificateDownload certificates) {
		this.certificates = certificates;
		this.trainings = trainings;
		this.queries = queries;
		this.export = export;
	}

	@GetMapping("/trainings")
	@Operation(summary = "我参加、主办或可推荐人员的培训班")
	PageResult<TrainingViews.Summary> list(@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return PageResult.slice(queries.list(), PageRequest.of(page, size));
	}

	@PostMapping("/trainings")
	@Operation(summary = "举办培训班（管理员；audienceRule：ANYONE / WOMEN_HEADS 妇委会负责人 / FINANCE_OFFICERS 财务人员；"
			+ "targets 同通知的发送对象；quotaUnit：ORGAN 每个单位 / GROUP 每个片组，quotaPerUnit 名额；sessions 课程；"
			+ "examQuizId、examPassScore 结业考试）")
	ResponseEntity<Map<String, Object>> create(@Valid @RequestBody TrainingRequest request) {
		long id = trainings.create(request);
		return ResponseEntity.created(URI.create("/api/v1/trainings/" + id)).body(Map.of("id", id));
	}

	@GetMapping("/trainings/{id}")
	@Operation(summary = "培训班详情：课程、名额使用、我的出勤，以及我可见的名单")
	TrainingViews.Detail get(@PathVariable long id) {
		return queries.detail(id);
	}

	@PostMapping("/trainings/{id}/sessions")
	@Operation(summary = "增加一次课（主办单位管理员；form：LECTURE 专题讲座 / FIELD 现场教学 / CASE 案例分析 / OUTWARD 拓展训练）")
	ResponseEntity<Map<String, Object>> addSession(@PathVariable long id, @RequestBody TrainingRequest.Session session) {
		long sessionId = trainings.addSession(id, session);
		return ResponseEntity.created(URI.create("/api/v1/trainings/" + id)).body(Map.of("id", sessionId));
	}

	@PostMapping("/trainings/{id}/nominations")
	@Operation(summary = "推荐参训人员（本人管理范围内、符合参训条件、不超过本单位或本片组名额；超额时 422 并写明名额）")
	ResponseEntity<Map<String, Object>> nominate(@PathVariable long id, @RequestBody Nomination body) {
		long traineeId = trainings.nominate(id, body.personId());
		return ResponseEntity.created(URI.create("/api/v1/trainings/" + id + "/roster")).body(Map.of("id", traineeId));
	}

	@DeleteMapping("/trainings/{id}/nominations/{traineeId}")
	@Operation(summary = "撤回推荐（名单确认前）")
	ResponseEntity<Void> withdraw(@PathVariable long id, @PathVariable long traineeId) {
		trainings.withdraw(id, traineeId);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/trainings/{id}/confirmation")
	@Operation(summary = "确认参训名单（主办单位管理员）：停止推荐，通知学员并附课程表")
	Map<String, Object> confirm(@PathVariable long id) {
		return Map.of("trainees", trainings.confirm(id));
	}

	@GetMapping("/trainings/{id}/roster")
	@Operation(summary = "参训名单：出勤次数、是否结业、证书编号（主办单位看全部，其他管理员看本人管理范围内人员）")
	PageResult<TrainingViews.Trainee> roster(@PathVariable long id, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return PageResult.slice(queries.roster(id), PageRequest.of(page, size));
	}

	@GetMapping("/trainings/{id}/roster/export")
	@Operation(summary = "导出参训名单（.xlsx，记入审计日志）")
	ResponseEntity<byte[]> exportRoster(@PathVariable long id) {
		return export.download(id);
	}

	@PutMapping("/trainings/{id}/sessions/{sessionId}/attendance/{traineeId}")
	@Operation(summary = "修改考勤（主办单位管理员，须填写原因，记入审计日志）")
	ResponseEntity<Void> correct(@PathVariable long id, @PathVariable long sessionId, @PathVariable long traineeId,
			@RequestBody AttendanceChange body) {
		trainings.correctAttendance(id, sessionId, traineeId, body.present(), body.reason());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/trainings/sessions/{id}/check-in")
	@Operation(summary = "学员扫码签到（token 为签到二维码中的短时签名）")
	ResponseEntity<Void> checkIn(@PathVariable("id") long sessionId, @RequestBody CheckIn body) {
		trainings.checkIn(sessionId, body.token());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/trainings/{id}/completion")
	@Operation(summary = "结业（最后一次课和结业考试结束后）：按出勤比例和考试成绩判定结业并颁发编号证书")
	Trainings.Finish finish(@PathVariable long id) {
		return trainings.finish(id);
	}

	@GetMapping("/trainings/{id}/schedule.ics")
	@Operation(summary = "课程表（iCalendar）")
	ResponseEntity<byte[]> schedule(@PathVariable long id) {
		return TrainingPageController.ics(id, queries);
	}

	@GetMapping("/certificates/{code}/pdf")
	@Operation(summary = "结业证书 PDF（本人及可见该学员的管理员）")
	ResponseEntity<byte[]> certificate(@PathVariable String code) {
		return certificates.download(code);
	}
}
