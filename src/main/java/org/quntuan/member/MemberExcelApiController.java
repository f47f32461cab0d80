package org.quntuan.member;

import java.io.IOException;
import java.nio.file.Path;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.Texts;
import org.quntuan.platform.excel.ExcelDownload;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/members")
@Tag(name = "人员导入导出", description = "Excel 模板、批量导入（先校验后导入，全部成功或全部不导入）、名单导出")
class MemberExcelApiController {

	private final MemberImport imports;

	private final MemberExport export;

	MemberExcelApiController(MemberImport imports, MemberExport export) {
		this.imports = imports;
		this.export = export;
	}

	@GetMapping("/import-template")
	@Operation(summary = "下载人员导入模板（.xlsx，含填写说明和可导入的单位）")
	ResponseEntity<byte[]> template() {
		return ResponseEntity.ok().headers(ExcelDownload.headers(ImportTemplate.FILE_NAME)).body(imports.template());
	}

	/**
	 * The file is read only after the caller is known to be an admin; without a file it is 400 (also
	 * when the request is not multipart at all).
	 */
	@PostMapping("/import")
	@Operation(summary = "批量导入人员（multipart 字段 file；dryRun=true 只校验不写入）",
			description = "校验：200 {total, valid, invalid, errors:[{row, column, message}]}（errors 最多 1000 条，行号同 Excel，表头为第 1 行）。"
					+ "导入：全部无误时一次性写入，200 {imported}；任何一行有错误时不写入，422 ProblemDetail 带同样的 errors。")
	ResponseEntity<?> importPeople(@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(defaultValue = "false") boolean dryRun) {
		imports.requireAdmin();
		Path path = imports.receive(file);
		try {
			if (dryRun) {
				return ResponseEntity.ok(ImportReport.of(imports.check(path)));
			}
			ImportCheck.Result result = imports.importAll(path, file.getOriginalFilename());
			if (result.ok()) {
				return ResponseEntity.ok(new ImportReport.Imported(result.total()));
			}
			ImportReport report = ImportReport.of(result);
			ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
					Texts.localized("member.import.not-imported", report.summaryText()));
			pd.setTitle(Texts.localized("member.import.incomplete"));
			pd.setProperty("total", report.total());
			pd.setProperty("invalid", report.invalid());
			pd.setProperty("errors", report.errors());
			return ResponseEntity.unprocessableContent().body(pd);
		}
		finally {
			imports.discard(path);
		}
	}

	@GetMapping("/export")
	@Operation(summary = "导出人员名单（.xlsx；与人员名单相同的范围和筛选条件 q、orgId、status，身份证号和手机号脱敏）；"
			+ "whole=true 被拒绝（400）：含完整值的导出请用 POST")
	void export(@RequestParam(required = false) String q, @RequestParam(required = false) Long orgId,
			@RequestParam(required = false, defaultValue = "ACTIVE") String status, @RequestParam(defaultValue = "false") boolean whole, HttpServletResponse response)
			throws IOException {
		MemberExport.Plan plan = export.plan(q, orgId, !"INACTIVE".equalsIgnoreCase(status), false);
		if (whole) {
			throw new InvalidValueException("whole", "member.export.whole-needs-post");
		}
		ExcelDownload.prepare(response, export.fileName(plan));
		export.write(plan, response.getOutputStream());
	}

	@PostMapping("/export")
	@Operation(summary = "导出人员名单，含完整身份证号和手机号（.xlsx；筛选条件同 GET，每次导出记入审计日志）")
	void exportWhole(@RequestParam(required = false) String q, @RequestParam(required = false) Long orgId,
			@RequestParam(required = false, defaultValue = "ACTIVE") String status, HttpServletResponse response)
			throws IOException {
		MemberExport.Plan plan = export.plan(q, orgId, !"INACTIVE".equalsIgnoreCase(status), true);
		ExcelDownload.prepare(response, export.fileName(plan));
		export.write(plan, response.getOutputStream());
	}
}
