package org.quntuan.learning.materials;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.Texts;
import org.quntuan.platform.files.StoredFile;
import org.springframework.core.io.Resource;
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
@RequestMapping("/api/v1/learning")
@Tag(name = "学习资料", description = "学习资料、学习任务、学完记录与学习进度")
class LearningApiController {

	record Created(long id) {
	}

	record FileCreated(long id, String name, long size) {
	}

	private final Materials materials;

	private final Assignments assignments;

	private final LearningQueries queries;

	private final ProgressExport export;

	LearningApiController(Materials materials, Assignments assignments, LearningQueries queries, ProgressExport export) {
		this.materials = materials;
		this.assignments = assignments;
		this.queries = queries;
		this.export = export;
	}

	/** 学完 too early: 422 with the seconds still to study, for the page's countdown. */
	@ExceptionHandler(ReadingTooShort.class)
	ProblemDetail tooEarly(ReadingTooShort ex) {
		ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, Texts.localized(ex));
		pd.setTitle(Texts.localized("learning.problem.business-rule"));
		pd.setType(URI.create("about:blank"));
		pd.setProperty("secondsLeft", ex.secondsLeft());
		return pd;
	}

	@PostMapping("/materials")
	@Operation(summary = "发布学习资料（kind：ARTICLE 文章、PDF、VIDEO 视频、LINK 链接；文章正文在服务器端清洗）")
	ResponseEntity<Created> create(@RequestBody MaterialRequest request) {
		long id = materials.create(request);
		return ResponseEntity.created(URI.create("/api/v1/learning/materials/" + id)).body(new Created(id));
	}

	@GetMapping("/materials")
	@Operation(summary = "我可以看到的学习资料：本单位发布的、公开的、布置给我的")
	PageResult<LearningViews.MaterialItem> list(@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return queries.list(PageRequest.of(page, size));
	}

	@GetMapping("/materials/{id}")
	@Operation(summary = "学习资料（body 为清洗后的 HTML；secondsLeft 为本人还需学习的秒数）")
	LearningViews.MaterialDetail get(@PathVariable long id) {
		return queries.material(id);
	}

	@PutMapping("/materials/{id}")
	@Operation(summary = "修改学习资料的标题、正文（重新清洗）和标签（发布单位的管理员或发布人；version 可选，过期时 409）")
	LearningViews.MaterialDetail update(@PathVariable long id, @RequestBody MaterialUpdate request) {
		materials.update(id, request);
		return queries.material(id);
	}

	/** {@code version}: the one read (optional; 409 if the material changed since). */
	record Withdrawal(Integer version) {
	}

	@PostMapping("/materials/{id}/withdrawal")
	@Operation(summary = "撤回学习资料：未学完的人不再看到，不能再布置；已学完的记录和积分保留")
	LearningViews.MaterialDetail withdraw(@PathVariable long id, @RequestBody(required = false) Withdrawal request) {
		materials.withdraw(id, request == null ? null : request.version());
		return queries.material(id);
	}

	@PostMapping("/materials/{id}/file")
	@Operation(summary = "上传 PDF 或 MP4 视频文件（PDF 按页数计算最少学习时间）")
	ResponseEntity<FileCreated> upload(@PathVariable long id,
			@RequestParam(name = "file", required = false) MultipartFile file) {
		try {
			boolean none = file == null || file.isEmpty();
			StoredFile stored = materials.attachFile(id, none ? null : file.getOriginalFilename(),
					none ? null : file.getInputStream(), none ? 0 : file.getSize());
			return ResponseEntity.status(201).body(new FileCreated(stored.id(), stored.originalName(), stored.sizeBytes()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@GetMapping("/materials/{id}/file")
	@Operation(summary = "资料文件（支持 Range 分段请求，视频可拖动播放）")
	ResponseEntity<Resource> file(@PathVariable long id) {
		return MaterialFiles.inline(queries.download(id));
	}

	@PostMapping("/materials/{id}/open")
	@Operation(summary = "打开资料：记录本人首次打开的时间（服务器时间），返回还需学习的秒数")
	Map<String, Long> open(@PathVariable long id) {
		return Map.of("secondsLeft", materials.open(id));
	}

	@PostMapping("/materials/{id}/completion")
	@Operation(summary = "学完：学习时间足够才记录（不足时 422，secondsLeft 为剩余秒数）；积分只计一次")
	Materials.Completion complete(@PathVariable long id) {
		return materials.complete(id);
	}

	@GetMapping("/mine")
	@Operation(summary = "我的学习：待学习（含期限）、本年已学完、本年积分")
	LearningViews.MyStudy mine() {
		return queries.mine();
	}

	@PostMapping("/assignments")
	@Operation(summary = "布置学习任务（materialIds、targets 同通知的发送对象、dueDate）")
	ResponseEntity<Created> assign(@RequestBody AssignmentRequest request) {
		long id = assignments.create(request);
		return ResponseEntity.created(URI.create("/api/v1/learning/assignments/" + id + "/progress")).body(new Created(id));
	}

	@GetMapping("/assignments/{id}/progress")
	@Operation(summary = "学习进度：按单位的完成率和未完成人员（仅本人管理范围内的人员），整张表 {rows, totals}")
	LearningViews.Progress progress(@PathVariable long id) {
		return queries.progress(id);
	}

	@GetMapping("/assignments/{id}/progress/export")
	@Operation(summary = "导出学习进度 Excel（记入审计日志）")
	ResponseEntity<byte[]> exportProgress(@PathVariable long id) {
		return export.download(id);
	}
}
