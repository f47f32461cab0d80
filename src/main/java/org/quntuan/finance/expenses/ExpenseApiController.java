package org.quntuan.finance.expenses;

import java.net.URI;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.quntuan.finance.FinanceAccess;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.files.StoredFile;
import org.springframework.http.ResponseEntity;
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
@RequestMapping("/api/v1/finance/expenses")
@Tag(name = "经费支出", description = "支出申请、审批后记账、票据")
class ExpenseApiController {

	/** amount: a decimal string such as "1280.50"; date: the expense date (default today). */
	record FileBody(Long orgId, String category, String amount, String purpose, LocalDate date, Long activityId) {
	}

	record EditBody(String category, String amount, String purpose, LocalDate date, Long activityId, Integer version) {
	}

	record CommentBody(String comment) {
	}

	record ReasonBody(String reason) {
	}

	private final Expenses expenses;

	private final ExpenseQueries queries;

	private final FinanceAccess access;

	ExpenseApiController(Expenses expenses, ExpenseQueries queries, FinanceAccess access) {
		this.expenses = expenses;
		this.queries = queries;
		this.access = access;
	}

	@PostMapping
	@Operation(summary = "申请经费支出（科目为支出科目的名称或代码，金额为两位小数以内的字符串），随即提交审批；返回预算预警")
	ResponseEntity<ExpenseViews.View> file(@RequestBody(required = false) FileBody body) {
		FileBody b = body == null ? new FileBody(null, null, null, null, null, null) : body;
		ExpenseViews.View view = expenses.file(
				new ExpenseViews.Input(b.orgId(), b.category(), b.amount(), b.purpose(), b.date(), b.activityId()), null);
		return ResponseEntity.created(URI.create("/api/v1/finance/expenses/" + view.id())).body(view);
	}

	@GetMapping
	@Operation(summary = "一个账簿的支出申请（不指定 orgId 时为本人默认账簿），按提交时间倒序；status 可为 PENDING、APPROVED、REJECTED、RETURNED、WITHDRAWN")
	PageResult<ExpenseViews.Item> list(@RequestParam(required = false) Long orgId,
			@RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		long book = orgId == null ? access.defaultBook().id() : orgId;
		return queries.list(book, status, PageRequest.of(page, size));
	}

	@GetMapping("/{id}")
	@Operation(summary = "一笔支出申请：金额、审批状态、凭证号、票据、预算预警")
	ExpenseViews.View get(@PathVariable long id) {
		return queries.view(id);
	}

	@PutMapping("/{id}")
	@Operation(summary = "申请人修改被退回的支出申请（须带上读取时的 version）")
	ExpenseViews.View edit(@PathVariable long id, @RequestBody(required = false) EditBody body) {
		EditBody b = body == null ? new EditBody(null, null, null, null, null, null) : body;
		return expenses.edit(id, new ExpenseViews.Input(null, b.category(), b.amount(), b.purpose(), b.date(),
				b.activityId()), b.version());
	}

	@PostMapping("/{id}/resubmit")
	@Operation(summary = "申请人重新提交被退回的支出申请")
	ExpenseViews.View resubmit(@PathVariable long id, @RequestBody(required = false) CommentBody body) {
		return expenses.resubmit(id, body == null ? null : body.comment());
	}

	@PostMapping("/{id}/withdraw")
	@Operation(summary = "申请人撤回尚未审批完毕的支出申请")
	ExpenseViews.View withdraw(@PathVariable long id, @RequestBody(required = false) ReasonBody body) {
		return expenses.withdraw(id, body == null ? null : body.reason());
	}

	@PostMapping("/{id}/receipts")
	@Operation(summary = "上传支出票据（PDF、PNG、JPEG）")
	ResponseEntity<ExpenseViews.Receipt> receipt(@PathVariable long id,
			@RequestParam(name = "file", required = false) MultipartFile file) {
		StoredFile stored = expenses.attach(id, Uploads.of(file));
		return ResponseEntity.created(URI.create("/finance/expenses/" + id + "/receipts/" + stored.id()))
			.body(new ExpenseViews.Receipt(stored.id(), stored.originalName(), stored.kind().label(),
					stored.sizeBytes()));
	}
}
