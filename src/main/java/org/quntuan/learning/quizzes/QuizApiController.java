package org.quntuan.learning.quizzes;

import java.net.URI;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.Texts;
import org.quntuan.platform.excel.ExcelDownload;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/quizzes")
@Tag(name = "知识竞赛", description = "竞赛设置、开始答题（随机抽题、选项乱序、服务器计时）、排行榜与导出")
class QuizApiController {

	private final Quizzes quizzes;

	private final QuizAttempts attempts;

	private final QuizQueries queries;

	private final LeaderboardExport export;

	QuizApiController(Quizzes quizzes, QuizAttempts attempts, QuizQueries queries, LeaderboardExport export) {
		this.quizzes = quizzes;
		this.attempts = attempts;
		this.queries = queries;
		this.export = export;
	}

	/** Too few questions for the paper: 422 naming the type, the tag and the numbers, also as properties. */
	@ExceptionHandler(NotEnoughQuestions.class)
	ProblemDetail notEnough(NotEnoughQuestions ex) {
		ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, Texts.localized(ex));
		pd.setTitle(Texts.localized("quiz.problem.business-rule"));
		pd.setType(URI.create("about:blank"));
		pd.setProperty("questionType", ex.type().name());
		pd.setProperty("tag", ex.tag());
		pd.setProperty("available", ex.available());
		pd.setProperty("requested", ex.requested());
		return pd;
	}

	@GetMapping
	@Operation(summary = "我可参加或管理的知识竞赛（含我的答题次数和最好成绩）")
	PageResult<QuizViews.Summary> list(@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return queries.list(PageRequest.of(page, size));
	}

	@PostMapping
	@Operation(summary = "新建知识竞赛（题库所属组织的管理员；audience 同通知的发送对象；试卷二选一：draw 为每次各题型随机抽题数，"
			+ "可用 drawTag 只抽带该标签的题；或 questionIds 为固定试卷的题目，每次答题题目和选项顺序随机）")
	ResponseEntity<Map<String, Object>> create(@Valid @RequestBody QuizForm form) {
		long id = quizzes.create(form);
		return ResponseEntity.created(URI.create("/api/v1/quizzes/" + id)).body(Map.of("id", id));
	}

	@GetMapping("/{id}")
	@Operation(summary = "竞赛详情与我的答题记录")
	QuizViews.Detail get(@PathVariable long id) {
		return queries.detail(id);
	}

	/**
	 * Two starts at once by one person: the one that loses the attempt number fails with a duplicate
	 * key and is tried once more, which then takes up the attempt that won.
	 */
	@PostMapping("/{id}/attempts")
	@Operation(summary = "开始答题：201 新答卷（attemptId、deadline、questions，不含答案和解析）；已有未交的答卷时 200 继续该答卷")
	ResponseEntity<AttemptViews.Started> start(@PathVariable long id) {
		AttemptViews.Started started;
		try {
			started = attempts.start(id);
		}
		catch (DuplicateKeyException raced) {
			started = attempts.start(id);
		}
		return ResponseEntity.status(started.resumed() ? HttpStatus.OK : HttpStatus.CREATED).body(started);
	}

	@GetMapping("/{id}/leaderboard")
	@Operation(summary = "排行榜：by=person 每人最好成绩（同分按用时），by=org 各单位参与率和平均成绩（参赛对象和管理员可见）")
	PageResult<?> leaderboard(@PathVariable long id, @RequestParam(defaultValue = "person") String by,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return switch (by) {
			case "person" -> queries.byPerson(id, PageRequest.of(page, size));
			case "org" -> queries.byOrg(id, PageRequest.of(page, size));
			default -> throw new InvalidValueException("by", "quiz.error.by");
		};
	}

	@GetMapping("/{id}/leaderboard/export")
	@Operation(summary = "导出排行榜（.xlsx；by=person 或 org；竞赛所属组织的管理员，记入审计日志）")
	ResponseEntity<byte[]> exportLeaderboard(@PathVariable long id, @RequestParam(defaultValue = "person") String by) {
		if (!by.equals("person") && !by.equals("org")) {
			throw new InvalidValueException("by", "quiz.error.by");
		}
		LeaderboardExport.File file = export.export(id, by.equals("org"));
		return ResponseEntity.ok().headers(ExcelDownload.headers(file.name())).body(file.bytes());
	}
}
