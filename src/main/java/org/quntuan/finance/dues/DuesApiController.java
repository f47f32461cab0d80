package org.quntuan.finance.dues;

import java.net.URI;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.Texts;
import org.quntuan.platform.excel.ExcelDownload;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
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
@RequestMapping("/api/v1/finance")
@Tag(name = "会费收缴", description = "月工资基数（仅本会财务人员）、会费收缴表的生成、调整、确认、入账，欠缴情况")
class DuesApiController {

	record PayRequest(String monthlyBase) {
	}

	record SheetRequest(Long orgId, Integer year, Integer month) {
	}

	record LineRequest(String amountPaid, String basePay) {
	}

	private final BasePay pay;

	private final DuesSheets sheets;

	private final DuesQueries queries;

	private final DuesAccess access;

	DuesApiController(BasePay pay, DuesSheets sheets, DuesQueries queries, DuesAccess access) {
		this.pay = pay;
		this.sheets = sheets;
		this.queries = queries;
		this.access = access;
	}

	@GetMapping("/pay")
	@Operation(summary = "本会会员及其月工资基数（仅本会财务人员；未登记的 monthlyBase 为 null；不指定 orgId 时为本人财务的第一个工会）")
	PageResult<BasePay.PayLine> pay(@RequestParam(required = false) Long orgId,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return pay.list(orgId == null ? access.defaultPayUnion().id() : orgId, PageRequest.of(page, size));
	}

	@PutMapping("/pay/{personId}")
	@Operation(summary = "登记或修改一名会员的月工资基数（仅其所在单位工会的财务人员；金额为两位小数以内的字符串）")
	BasePay.PayLine setPay(@PathVariable long personId, @RequestBody(required = false) PayRequest request) {
		return pay.set(personId, request == null ? null : request.monthlyBase());
	}

	@PostMapping("/pay/import")
	@Operation(summary = "导入工资表（multipart 字段 file；列：姓名、身份证号、月工资基数）",
			description = "全部无误时一次写入，200 {imported}；任何一行有错误时什么也不改，400 ProblemDetail，errors 列出每行的错误 [{row, column, message}]（行号同 Excel，表头为第 1 行）。")
	Map<String, Object> importPay(@RequestParam(required = false) Long orgId,
			@RequestParam(name = "file", required = false) MultipartFile file) {
		long union = orgId == null ? access.defaultPayUnion().id() : orgId;
		return Map.of("imported", pay.importFile(union, file, file == null ? null : file.getOriginalFilename()));
	}

	@GetMapping("/pay/import-template")
	@Operation(summary = "工资表导入模板（.xlsx；财务人员）")
	ResponseEntity<byte[]> template() {
		access.requirePayImporter();
		return ResponseEntity.ok().headers(ExcelDownload.headers(DuesExport.TEMPLATE_NAME)).body(DuesExport.template());
	}

	@PostMapping("/dues-sheets")
	@Operation(summary = "生成一个工会一个月的会费收缴表（本会财务人员）：每名会员一行，应缴 = 月工资基数 × 会费比例（四舍五入到分），实缴默认等于应缴；该月已有收缴表时 409")
	ResponseEntity<DuesQueries.SheetView> generate(@RequestBody(required = false) SheetRequest request) {
		if (request == null || request.orgId() == null) {
			throw new InvalidValueException("orgId", "finance.dues.error.noUnion");
		}
		long id = sheets.generate(request.orgId(), request.year(), request.month());
		return ResponseEntity.created(URI.create("/api/v1/finance/dues-sheets/" + id)).body(queries.sheet(id));
	}

	@GetMapping("/dues-sheets")
	@Operation(summary = "会费收缴表及合计：工会为本会各月；片组、机关工委为下属各工会（可按 year 筛选）；不指定 orgId 时为本人的默认账簿")
	PageResult<DuesQueries.SheetView> list(@RequestParam(required = false) Long orgId,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return queries.sheets(orgId == null ? access.finance().defaultBook().id() : orgId, year,
				PageRequest.of(page, size));
	}

	@GetMapping("/dues-sheets/{id}")
	@Operation(summary = "一张会费收缴表：合计；本会财务人员另见每人的月工资基数、应缴、实缴（lines）")
	DuesQueries.SheetView sheet(@PathVariable long id) {
		return queries.sheet(id);
	}

	@PutMapping("/dues-sheets/{id}/lines/{personId}")
	@Operation(summary = "调整一名会员的实缴金额（草稿状态；本会财务人员）；可同时更正 basePay，应缴随之重算")
	DuesQueries.SheetView adjust(@PathVariable long id, @PathVariable long personId,
			@RequestBody(required = false) LineRequest request) {
		sheets.adjust(id, personId, request == null ? null : request.amountPaid(), request == null ? null : request.basePay());
		return queries.sheet(id);
	}

	@PostMapping("/dues-sheets/{id}/import")
	@Operation(summary = "用工资表更新草稿收缴表（multipart 字段 file；列：姓名、身份证号、月工资基数，可选实缴金额）",
			description = "全部无误时一次更新，200 收缴表；任何一行有错误时什么也不改，400 ProblemDetail 带 errors。")
	DuesQueries.SheetView importSheet(@PathVariable long id,
			@RequestParam(name = "file", required = false) MultipartFile file) {
		sheets.importFile(id, file, file == null ? null : file.getOriginalFilename());
		return queries.sheet(id);
	}

	@PostMapping("/dues-sheets/{id}/confirm")
	@Operation(summary = "确认收缴表（草稿 → 已确认；本会财务人员、工会或上级管理员）")
	DuesQueries.SheetView confirm(@PathVariable long id) {
		sheets.confirm(id);
		return queries.sheet(id);
	}

	@PostMapping("/dues-sheets/{id}/post")
	@Operation(summary = "入账（已确认 → 已入账）：按实缴合计记一笔会费收入，日期为该月最后一天；重复入账返回同一凭证；该年度已结账时 422")
	DuesQueries.SheetView post(@PathVariable long id) {
		sheets.post(id);
		return queries.sheet(id);
	}

	@GetMapping("/dues-arrears")
	@Operation(summary = "欠缴情况（已入账的收缴表）：工会为合计及（本会财务人员）每名会员；片组、机关工委为下属各工会合计；不指定 orgId 时为本人的默认账簿")
	DuesQueries.Arrears arrears(@RequestParam(required = false) Long orgId) {
		return queries.arrears(orgId == null ? access.finance().defaultBook().id() : orgId);
	}

	@ExceptionHandler(PayrollRejected.class)
	ResponseEntity<ProblemDetail> rejected(PayrollRejected ex) {
		ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, Texts.localized(ex));
		pd.setTitle(Texts.localized("finance.pay.import.failed"));
		pd.setType(URI.create("about:blank"));
		pd.setProperty("rows", ex.rows());
		pd.setProperty("errors", ex.errors());
		return ResponseEntity.badRequest().body(pd);
	}
}
