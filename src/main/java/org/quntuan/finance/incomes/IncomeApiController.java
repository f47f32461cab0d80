package org.quntuan.finance.incomes;

import java.net.URI;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.quntuan.finance.FinanceAccess;
import org.quntuan.finance.expenses.Uploads;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.files.StoredFile;
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
@RequestMapping("/api/v1/finance/incomes")
@Tag(name = "收入登记", description = "拨缴经费、上级补助、其他收入：登记即记账")
class IncomeApiController {

	record IncomeBody(Long orgId, String category, String amount, LocalDate date, String counterparty, String memo) {
	}

	private final Incomes incomes;

	private final IncomeQueries queries;

	private final FinanceAccess access;

	IncomeApiController(Incomes incomes, IncomeQueries queries, FinanceAccess access) {
		this.incomes = incomes;
		this.queries = queries;
		this.access = access;
	}

	@PostMapping
	@Operation(summary = "登记一笔收入并记账（拨缴经费收入、上级补助收入、其他收入；会费收入请走会费收缴）")
	ResponseEntity<IncomeQueries.View> record(@RequestBody(required = false) IncomeBody body) {
		IncomeBody b = body == null ? new IncomeBody(null, null, null, null, null, null) : body;
		IncomeQueries.View view = incomes.record(
				new Incomes.Input(b.orgId(), b.category(), b.amount(), b.date(), b.counterparty(), b.memo()), null);
		return ResponseEntity.created(URI.create("/api/v1/finance/incomes/" + view.id())).body(view);
	}

	@GetMapping
	@Operation(summary = "一个账簿登记的收入（不指定 orgId 时为本人默认账簿），按收入日期倒序")
	PageResult<IncomeQueries.View> list(@RequestParam(required = false) Long orgId,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		long book = orgId == null ? access.defaultBook().id() : orgId;
		return queries.list(book, PageRequest.of(page, size));
	}

	@GetMapping("/{id}")
	@Operation(summary = "一笔登记的收入及其附件")
	IncomeQueries.View get(@PathVariable long id) {
		return queries.view(id);
	}

	@PostMapping("/{id}/documents")
	@Operation(summary = "上传收入凭据（PDF、PNG、JPEG、Word、Excel）")
	ResponseEntity<IncomeQueries.Document> document(@PathVariable long id,
			@RequestParam(name = "file", required = false) MultipartFile file) {
		StoredFile stored = incomes.attach(id, Uploads.of(file));
		return ResponseEntity.created(URI.create("/finance/incomes/" + id + "/documents/" + stored.id()))
			.body(new IncomeQueries.Document(stored.id(), stored.originalName(), stored.kind().label(),
					stored.sizeBytes()));
	}
}
