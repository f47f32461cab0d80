package org.quntuan.governance.mailbox;

import java.net.URI;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

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
@RequestMapping("/api/v1/mailbox")
@Tag(name = "主席信箱", description = "会员写信给本单位工会主席或市直机关工委（可匿名），交办、限期答复、逾期上报、写信人评价、年度分类汇总")
class MailboxApiController {

	/** @param to "union" (default) or "federation" */
	record Letter(String category, String text, Boolean anonymous, String to) {
	}

	record Assignment(Long assigneeAccountId, Integer version) {
	}

	record Reply(String text, Integer version) {
	}

	record Rating(Integer score, String comment) {
	}

	private final Letters letters;

	private final LetterQueries queries;

	private final MailboxSummaryExport export;

	MailboxApiController(Letters letters, LetterQueries queries, MailboxSummaryExport export) {
		this.letters = letters;
		this.queries = queries;
		this.export = export;
	}

	@PostMapping("/letters")
	@Operation(summary = "写信（category：RIGHTS 权益维护 / WELFARE 福利待遇 / WORK 工作环境 / SUGGESTION 意见建议 / COMPLAINT 投诉反映 / "
			+ "OTHER 其他事项；anonymous 为 true 时对答复方匿名；to 为 federation 时写给市直机关工委，否则写给本单位工会主席）")
	ResponseEntity<Map<String, Object>> write(@RequestBody Letter body) {
		long id = letters.write(body.category(), body.text(), body.anonymous(), body.to());
		return ResponseEntity.created(URI.create("/api/v1/mailbox/letters/" + id)).body(Map.of("id", id));
	}

	@GetMapping("/letters")
	@Operation(summary = "写给我所在主席办公室的来信（工会的组织管理员；工委管理员另见写给工委和逾期上报的来信），新的在前；匿名来信不显示写信人")
	PageResult<LetterView> board(@RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return queries.board(status, PageRequest.of(page, size));
	}

	@GetMapping("/letters/mine")
	@Operation(summary = "我写的信")
	PageResult<LetterView> mine(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return queries.mine(PageRequest.of(page, size));
	}

	@GetMapping("/letters/{id}")
	@Operation(summary = "一封来信（写信人或答复方）")
	LetterView get(@PathVariable long id) {
		return queries.letter(id);
	}

	@PostMapping("/letters/{id}/assignment")
	@Operation(summary = "交办给主席办公室的一位管理员（assigneeAccountId，version）")
	LetterView assign(@PathVariable long id, @RequestBody Assignment body) {
		letters.assign(id, body.assigneeAccountId(), body.version());
		return queries.letter(id);
	}

	@PostMapping("/letters/{id}/reply")
	@Operation(summary = "答复来信（答复方，text，version）")
	LetterView reply(@PathVariable long id, @RequestBody Reply body) {
		letters.reply(id, body.text(), body.version());
		return queries.letter(id);
	}

	@PostMapping("/letters/{id}/rating")
	@Operation(summary = "写信人评价答复（score 1–5，comment 可选；答复后一次）")
	LetterView rate(@PathVariable long id, @RequestBody Rating body) {
		letters.rate(id, body.score(), body.comment());
		return queries.letter(id);
	}

	@GetMapping("/summary")
	@Operation(summary = "年度分类汇总（year，默认本年）：来信数、已答复、逾期、已评价、平均评分")
	LetterQueries.Summary summary(@RequestParam(required = false) Integer year) {
		return queries.summary(year);
	}

	@GetMapping("/summary/export")
	@Operation(summary = "年度分类汇总导出（.xlsx）")
	ResponseEntity<byte[]> export(@RequestParam(required = false) Integer year) {
		return export.download(year);
	}
}
