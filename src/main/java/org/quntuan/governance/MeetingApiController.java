package org.quntuan.governance;

import jakarta.validation.constraints.Size;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.quntuan.platform.Coded;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.files.FileResponses;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "会议", description = "例会等会议：安排、出席、纪要、决议事项、附件")
class MeetingApiController {

	record AttendanceEntry(Long personId, String attendance) {
	}

	record AttendanceRequest(@Size(max = 2000) List<AttendanceEntry> entries, Integer version) {
	}

	record MinutesRequest(String minutes, Boolean publish, Integer version) {
	}

	record VersionRequest(Integer version) {
	}

	record CloseRequest(String closingNote, Integer version) {
	}

	record Created(long id) {
	}

	private final Meetings meetings;

	private final MeetingQueries queries;

	MeetingApiController(Meetings meetings, MeetingQueries queries) {
		this.meetings = meetings;
		this.queries = queries;
	}

	@GetMapping("/api/v1/meetings")
	@Operation(summary = "会议列表：管理的组织的全部会议，受邀的会议，本单位已发布纪要的会议")
	PageResult<MeetingViews.Summary> list(@RequestParam(required = false) Long orgId,
			@RequestParam(defaultValue = "false") boolean published, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return queries.list(orgId, published, PageRequest.of(page, size));
	}

	@PostMapping("/api/v1/meetings")
	@Operation(summary = "安排会议并通知参会人员（参会人员须为该组织所在单位的在职人员）")
	ResponseEntity<MeetingViews.Detail> create(@RequestBody MeetingForm form) {
		long id = meetings.schedule(form);
		return ResponseEntity.created(URI.create("/api/v1/meetings/" + id)).body(queries.detail(id));
	}

	@GetMapping("/api/v1/meetings/{id}")
	@Operation(summary = "会议详情（未发布的纪要仅管理员可见）")
	MeetingViews.Detail get(@PathVariable long id) {
		return queries.detail(id);
	}

	@PostMapping("/api/v1/meetings/{id}/cancel")
	@Operation(summary = "取消尚未召开的会议并通知参会人员")
	MeetingViews.Detail cancel(@PathVariable long id, @RequestBody VersionRequest request) {
		meetings.cancel(id, request.version());
		return queries.detail(id);
	}

	@PutMapping("/api/v1/meetings/{id}/attendance")
	@Operation(summary = "登记出席情况（PRESENT 出席 / ABSENT 缺席 / EXCUSED 请假），会议开始后")
	MeetingViews.Detail attendance(@PathVariable long id, @RequestBody AttendanceRequest request) {
		if (request.entries() == null) {
			throw new InvalidValueException("entries", "governance.meeting.error.attendance-required");
		}
		Map<Long, String> values = new LinkedHashMap<>();
		request.entries().forEach(e -> values.put(e.personId(), e.attendance()));
		meetings.recordAttendance(id, values, request.version());
		return queries.detail(id);
	}

	@PutMapping("/api/v1/meetings/{id}/minutes")
	@Operation(summary = "保存会议纪要（publish=true 发布给本单位人员），会议开始后；带版本号")
	MeetingViews.Detail minutes(@PathVariable long id, @RequestBody MinutesRequest request) {
		meetings.saveMinutes(id, request.minutes(), Boolean.TRUE.equals(request.publish()), request.version());
		return queries.detail(id);
	}

	@PostMapping("/api/v1/meetings/{id}/resolutions")
	@Operation(summary = "登记决议事项（内容、责任人、完成期限）")
	ResponseEntity<Created> addResolution(@PathVariable long id, @RequestBody ResolutionForm form) {
		long resolutionId = meetings.addResolution(id, form);
		return ResponseEntity.created(URI.create("/api/v1/resolutions/" + resolutionId)).body(new Created(resolutionId));
	}

	@PostMapping(path = "/api/v1/meetings/{id}/attachments")
	@Operation(summary = "上传会议附件（PDF、Word、Excel、PNG、JPEG）")
	ResponseEntity<MeetingViews.FileRef> attach(@PathVariable long id,
			@RequestParam(name = "file", required = false) MultipartFile file) {
		var stored = meetings.attach(id, file);
		return ResponseEntity.created(URI.create("/api/v1/meetings/" + id + "/attachments/" + stored.id()))
			.body(new MeetingViews.FileRef(stored.id(), stored.originalName(), stored.kind().label(), stored.sizeBytes()));
	}

	@GetMapping("/api/v1/meetings/{id}/attachments/{fileId}")
	@Operation(summary = "下载会议附件")
	ResponseEntity<Resource> download(@PathVariable long id, @PathVariable long fileId) {
		return FileResponses.attachment(queries.attachment(id, fileId));
	}

	@GetMapping("/api/v1/resolutions")
	@Operation(summary = "决议事项（status=OPEN 未办结 / CLOSED 已办结），逾期标出；未办结在前、按办结期限分页")
	PageResult<MeetingViews.Resolution> resolutions(@RequestParam(required = false) String status,
			@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return queries.resolutions(Coded.parse(ResolutionStatus.class, status), orgId, PageRequest.of(page, size));
	}

	@PostMapping("/api/v1/resolutions/{id}/close")
	@Operation(summary = "办结决议事项（办结情况必填），组织管理员或责任人")
	ResponseEntity<Void> close(@PathVariable long id, @RequestBody CloseRequest request) {
		meetings.closeResolution(id, request.closingNote(), request.version());
		return ResponseEntity.noContent().build();
	}
}
