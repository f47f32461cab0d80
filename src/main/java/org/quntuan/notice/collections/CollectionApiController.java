package org.quntuan.notice.collections;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.files.FileResponses;
import org.quntuan.platform.files.StoredFile;
import org.quntuan.platform.StatusBoard;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/collections")
@Tag(name = "材料报送", description = "报送任务、上传材料、审核（通过或退回）、报送情况、导出与打包下载")
class CollectionApiController {

	record Created(long id) {
	}

	record ReturnRequest(String reason) {
	}

	private final CollectionTasks collections;

	private final CollectionExports exports;

	CollectionApiController(CollectionTasks collections, CollectionExports exports) {
		this.collections = collections;
		this.exports = exports;
	}

	@PostMapping
	@Operation(summary = "发起报送任务（deadline 为带时区的 ISO-8601 时间；latePolicy 为 ALLOW_LATE_MARKED 或 REFUSE_LATE）")
	ResponseEntity<Created> create(@RequestBody CollectionRequest request) {
		long id = collections.create(request);
		return ResponseEntity.created(URI.create("/api/v1/collections/" + id)).body(new Created(id));
	}

	@GetMapping
	@Operation(summary = "我的报送任务：本人或本管理范围发起的，以及本管理范围内组织需报送的")
	PageResult<CollectionListItem> list(@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return collections.list(true, true, PageRequest.of(page, size));
	}

	@GetMapping("/{id}")
	@Operation(summary = "任务详情（报送单位的管理员另见本单位的报送）")
	CollectionDetail get(@PathVariable long id) {
		return collections.detail(id);
	}

	@PostMapping("/{id}/template")
	@Operation(summary = "上传模板文件（发起单位）")
	ResponseEntity<CollectionDetail.TemplateFile> template(@PathVariable long id,
			@RequestParam(name = "file", required = false) MultipartFile file) throws IOException {
		boolean none = file == null || file.isEmpty();
		StoredFile stored = collections.attachTemplate(id, none ? null : file.getOriginalFilename(),
				none ? null : file.getInputStream(), none ? 0 : file.getSize());
		return ResponseEntity.status(201)
			.body(new CollectionDetail.TemplateFile(stored.id(), stored.originalName(), stored.kind().label()));
	}

	@PostMapping("/{id}/submissions")
	@Operation(summary = "上传报送材料（报送单位的管理员；管理多个报送单位时用 orgId 指明）")
	ResponseEntity<SubmissionView> submit(@PathVariable long id, @RequestParam(required = false) Long orgId,
			@RequestParam(name = "file", required = false) MultipartFile file) throws IOException {
		boolean none = file == null || file.isEmpty();
		SubmissionView view = collections.submit(id, orgId, none ? null : file.getOriginalFilename(),
				none ? null : file.getInputStream(), none ? 0 : file.getSize());
		return ResponseEntity.status(201).body(view);
	}

	@GetMapping("/{id}/submissions/{orgId}")
	@Operation(summary = "某单位的报送（发起单位，或该单位的管理员）")
	SubmissionView submission(@PathVariable long id, @PathVariable long orgId) {
		return collections.submission(id, orgId);
	}

	@DeleteMapping("/{id}/submissions/{orgId}/files/{fileId}")
	@Operation(summary = "删除已上传的文件（审核通过前；至少保留一个）")
	ResponseEntity<Void> removeFile(@PathVariable long id, @PathVariable long orgId, @PathVariable long fileId) {
		collections.removeFile(id, orgId, fileId);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{id}/submissions/{orgId}/accept")
	@Operation(summary = "审核通过")
	SubmissionView accept(@PathVariable long id, @PathVariable long orgId) {
		collections.accept(id, orgId);
		return collections.submission(id, orgId);
	}

	@PostMapping("/{id}/submissions/{orgId}/return")
	@Operation(summary = "退回（须填写原因，报送单位修改后重新报送）")
	SubmissionView returnSubmission(@PathVariable long id, @PathVariable long orgId, @RequestBody ReturnRequest request) {
		collections.returnSubmission(id, orgId, request.reason());
		return collections.submission(id, orgId);
	}

	@GetMapping("/{id}/status")
	@Operation(summary = "报送情况：每个报送单位一行（未报送、已报送、已退回、已通过、已逾期），整张表 {rows, totals}")
	StatusBoard<CollectionStatusRow> status(@PathVariable long id) {
		return StatusBoard.of(collections.status(id), CollectionStatusRow::state);
	}

	@GetMapping("/{id}/status/export")
	@Operation(summary = "导出报送情况（Excel）")
	void export(@PathVariable long id, HttpServletResponse response) throws IOException {
		exports.statusExcel(id, response);
	}

	@GetMapping("/{id}/accepted-files")
	@Operation(summary = "打包下载全部已通过的材料（zip，按单位分文件夹）")
	void acceptedFiles(@PathVariable long id, HttpServletResponse response) throws IOException {
		exports.acceptedZip(id, response);
	}

	@GetMapping("/{id}/files/{fileId}")
	@Operation(summary = "下载模板或报送文件（按任务和报送单位授权）")
	ResponseEntity<Resource> file(@PathVariable long id, @PathVariable long fileId) {
		return FileResponses.attachment(collections.file(id, fileId));
	}
}
