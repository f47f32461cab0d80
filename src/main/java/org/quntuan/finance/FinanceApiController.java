package org.quntuan.finance;

import java.net.URI;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.Text;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/finance")
@Tag(name = "工会经费", description = "账簿、收支情况表、冲销、结账")
class FinanceApiController {

	record ReversalRequest(String reason) {
	}

	record ReversalAnswer(long reversalId, JournalQueries.Entry reversal) {
	}

	record CloseRequest(Long orgId, Integer year) {
	}

	private final JournalQueries journal;

	private final Statements statements;

	private final Bookkeeping bookkeeping;

	private final Categories categories;

	private final FinanceAccess access;

	FinanceApiController(JournalQueries journal, Statements statements, Bookkeeping bookkeeping,
			Categories categories, FinanceAccess access) {
		this.journal = journal;
		this.statements = statements;
		this.bookkeeping = bookkeeping;
		this.categories = categories;
		this.access = access;
	}

	@GetMapping("/categories")
	@Operation(summary = "收支科目（按排序号分页）")
	PageResult<Category> categories(@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return categories.all(PageRequest.of(page, size));
	}

	record CategoryRequest(String code, String name, String kind) {
	}

	record CategoryState(Boolean active) {
	}

	@PostMapping("/categories")
	@Operation(summary = "新增收支科目（工委管理员；kind 为 INCOME 或 EXPENSE）")
	ResponseEntity<Category> addCategory(@RequestBody CategoryRequest request) {
		access.requireFederationAdmin();
		Category.Kind kind;
		try {
			kind = request.kind() == null ? null : Category.Kind.valueOf(request.kind().strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidValueException("kind", "finance.common.error.category-kind");
		}
		Category c = categories.add(request.code(), request.name(), kind);
		return ResponseEntity.created(URI.create("/api/v1/finance/categories/" + c.code())).body(c);
	}

	@PutMapping("/categories/{code}")
	@Operation(summary = "停用或启用收支科目（工委管理员；已记账的凭证不受影响）")
	Category setCategory(@PathVariable String code, @RequestBody CategoryState request) {
		access.requireFederationAdmin();
		if (request.active() == null) {
			throw new InvalidValueException("active", "finance.common.error.category-active");
		}
		return categories.setActive(code, request.active());
	}

	@GetMapping("/books")
	@Operation(summary = "本人可查阅的账簿（工会、片组、机关工委），机关工委在前、按组织层级分页")
	PageResult<FinanceAccess.Book> books(@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return access.readableBooks(PageRequest.of(page, size));
	}

	@GetMapping("/journal")
	@Operation(summary = "账簿凭证（按日期倒序分页；from、to 为含当日的日期）")
	PageResult<JournalQueries.Entry> journal(@RequestParam long orgId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String category, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		String code = category == null || category.isBlank() ? null
				: categories.find(category).map(Category::code)
					.orElseThrow(() -> new InvalidValueException("category",
							Text.of("finance.common.error.category-unknown", category)));
		return journal.entries(orgId, from, to, code, PageRequest.of(page, size));
	}

	@GetMapping("/entries/{id}")
	@Operation(summary = "一张凭证及其分录")
	JournalQueries.Entry entry(@PathVariable long id) {
		return journal.entry(id);
	}

	@PostMapping("/entries/{id}/reversal")
	@Operation(summary = "冲销凭证：生成金额相反的凭证（原凭证年度已结账时记入今天），原凭证不变")
	ResponseEntity<ReversalAnswer> reverse(@PathVariable long id, @RequestBody(required = false) ReversalRequest request) {
		long reversal = bookkeeping.reverse(id, request == null ? null : request.reason());
		return ResponseEntity.created(URI.create("/api/v1/finance/entries/" + reversal))
			.body(new ReversalAnswer(reversal, journal.entry(reversal)));
	}

	@GetMapping("/statement")
	@Operation(summary = "收支情况表：按科目的收入、支出、结余，期初期末银行存款，预算执行；片组和机关工委默认合并下级")
	Statements.Statement statement(@RequestParam long orgId, @RequestParam int year,
			@RequestParam(required = false) Integer fromMonth, @RequestParam(required = false) Integer toMonth,
			@RequestParam(required = false) Boolean consolidated) {
		return statements.statement(orgId, year, fromMonth, toMonth, consolidated);
	}

	@PostMapping("/year-closes")
	@Operation(summary = "年度结账：此后不再接受该年度日期的凭证")
	ResponseEntity<Map<String, Object>> close(@RequestBody CloseRequest request) {
		if (request.orgId() == null || request.year() == null) {
			throw new InvalidValueException("orgId", "finance.common.error.book-and-year");
		}
		bookkeeping.closeYear(request.orgId(), request.year());
		return ResponseEntity.status(201).body(Map.of("orgId", request.orgId(), "year", request.year(), "closed", true));
	}
}
