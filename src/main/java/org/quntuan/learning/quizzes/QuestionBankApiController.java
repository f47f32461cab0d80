package org.quntuan.learning.quizzes;

import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;

import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.Texts;
import org.quntuan.platform.excel.ExcelDownload;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/question-banks")
@Tag(name = "知识竞赛题库", description = "题库、单题录入、Excel 批量导入（先校验后导入，全部成功或全部不导入）与导入模板")
class QuestionBankApiController {

	record BankRequest(String name, Long orgId) {
	}

	/** A question as the template's row: type 单选/多选/判断 (or its code), options A…F, answer letters (判断: 对/错). */
	record QuestionRequest(String type, String text, @Size(max = 6) List<String> options, String answer, String explanation,
			Integer score, String tags) {
	}

	record ImportAnswer(int total, int valid, int invalid, List<QuestionImportCheck.RowError> errors, Integer imported) {
	}

	private final QuestionBanks banks;

	QuestionBankApiController(QuestionBanks banks) {
		this.banks = banks;
	}

	@GetMapping
	@Operation(summary = "我管理的题库（各题型题数）")
	PageResult<QuestionBankRepository.BankSummary> list(@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return banks.list(PageRequest.of(page, size));
	}

	@PostMapping
	@Operation(summary = "新建题库（管理员；orgId 可选，默认为本人管理范围最大的组织）")
	ResponseEntity<Map<String, Object>> create(@RequestBody BankRequest request) {
		long id = banks.create(request.name(), request.orgId());
		return ResponseEntity.created(URI.create("/api/v1/question-banks/" + id)).body(Map.of("id", id));
	}

	@GetMapping("/import-template")
	@Operation(summary = "下载题库导入模板（.xlsx：题型、题干、选项A–F、答案、解析、分值、标签，含填写说明）")
	ResponseEntity<byte[]> template() {
		return ResponseEntity.ok().headers(ExcelDownload.headers(QuestionTemplate.FILE_NAME)).body(banks.template());
	}

	@GetMapping("/{id}/questions")
	@Operation(summary = "题库中的题目（含答案和解析，仅题库所属组织的管理员）")
	PageResult<QuestionBankRepository.QuestionRow> questions(@PathVariable long id,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return banks.questions(id, PageRequest.of(page, size));
	}

	@PostMapping("/{id}/questions")
	@Operation(summary = "录入一道题（规则同导入：单选一个答案，多选至少两个，判断题答案为对或错）")
	ResponseEntity<Map<String, Object>> addQuestion(@PathVariable long id, @RequestBody QuestionRequest request) {
		Map<QuestionColumn, String> cells = new EnumMap<>(QuestionColumn.class);
		put(cells, QuestionColumn.TYPE, request.type());
		put(cells, QuestionColumn.TEXT, request.text());
		if (request.options() != null) {
			for (int i = 0; i < request.options().size(); i++) {
				put(cells, QuestionColumn.option(i), request.options().get(i));
			}
		}
		put(cells, QuestionColumn.ANSWER, request.answer());
		put(cells, QuestionColumn.EXPLANATION, request.explanation());
		put(cells, QuestionColumn.SCORE, request.score() == null ? null : request.score().toString());
		put(cells, QuestionColumn.TAGS, request.tags());
		banks.addQuestion(id, cells);
		return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("bankId", id, "counts", banks.counts(id)));
	}

	private static void put(Map<QuestionColumn, String> cells, QuestionColumn column, String value) {
		if (value != null && !value.isBlank()) {
			cells.put(column, value);
		}
	}

	@PostMapping("/{id}/import")
	@Operation(summary = "从 Excel 导入题目（multipart 字段 file；dryRun=true 只校验不写入）",
			description = "校验：200 {total, valid, invalid, errors:[{row, column, message}]}（行号同 Excel，表头为第 1 行）。"
					+ "导入：全部无误时一次性写入，200 {…, imported}；任何一行有错误时不写入，422 ProblemDetail 带同样的 errors。")
	ResponseEntity<?> importQuestions(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(defaultValue = "false") boolean dryRun) {
		QuestionImportCheck.Result result = banks.importFile(id, file, dryRun);
		List<QuestionImportCheck.RowError> errors = result.errors().size() > 1000 ? result.errors().subList(0, 1000)
				: result.errors();
		if (result.ok() || dryRun) {
			return ResponseEntity.ok(new ImportAnswer(result.total(), result.total() - result.invalidRows(),
					result.invalidRows(), errors, dryRun ? null : result.values().size()));
		}
		ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
				Texts.localized("quiz.import.failed", result.total(), result.invalidRows()));
		pd.setTitle(Texts.localized("quiz.problem.import-failed"));
		pd.setProperty("total", result.total());
		pd.setProperty("invalid", result.invalidRows());
		pd.setProperty("errors", errors);
		return ResponseEntity.unprocessableContent().body(pd);
	}
}
