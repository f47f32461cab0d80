package org.quntuan.learning.quizzes;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;

import org.quntuan.platform.BusinessRuleException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/attempts")
@Tag(name = "知识竞赛答卷", description = "逐题保存答案、交卷评分、结束后查看答案与解析")
class AttemptApiController {

	record AnswerRequest(@Size(max = 6) List<String> choices) {
	}

	private final QuizAttempts attempts;

	private final QuizQueries queries;

	AttemptApiController(QuizAttempts attempts, QuizQueries queries) {
		this.attempts = attempts;
		this.queries = queries;
	}

	@GetMapping("/{id}")
	@Operation(summary = "我的答卷（继续答题用：题目、已保存的选项、截止时间；不含答案和解析）")
	AttemptViews.Started get(@PathVariable long id) {
		return queries.current(id);
	}

	@PutMapping("/{id}/answers/{questionId}")
	@Operation(summary = "保存一题的答案（choices 为本答卷中显示的选项字母；空数组清除；截止时间加 5 秒宽限后拒绝）")
	AttemptViews.Saved answer(@PathVariable long id, @PathVariable long questionId, @RequestBody AnswerRequest request) {
		return attempts.answer(id, questionId, request.choices());
	}

	/** A late submission closes the attempt (committed) before the refusal is answered. */
	@PostMapping("/{id}/submit")
	@Operation(summary = "交卷并自动评分（score）；超过时限加 5 秒宽限后提交被拒绝（422），答卷按已保存的答案收卷评分")
	AttemptViews.Submitted submit(@PathVariable long id) {
		QuizAttempts.Outcome outcome = attempts.submit(id);
		if (outcome.late()) {
			throw new BusinessRuleException("quiz.error.submit-late", outcome.result().score(),
					outcome.result().maxScore());
		}
		return outcome.result();
	}

	@GetMapping("/{id}/review")
	@Operation(summary = "竞赛结束后查看本人答卷：我的选项、正确答案和解析")
	AttemptViews.Review review(@PathVariable long id) {
		return queries.review(id);
	}
}
