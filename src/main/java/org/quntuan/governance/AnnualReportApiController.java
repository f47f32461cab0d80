package org.quntuan.governance;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.quntuan.platform.excel.ExcelDownload;
import org.quntuan.platform.files.FileResponses;
import org.springframework.core.io.Resource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "年度报告", description = "工会、团组织、妇委会每年向党组织报告工作")
class AnnualReportApiController {

	record Reminded(int orgs) {
	}

	private final AnnualReports reports;

	AnnualReportApiController(AnnualReports reports) {
		this.reports = reports;
	}

	@PostMapping(path = "/api/v1/orgs/{id}/annual-reports")
	@Operation(summary = "报送年度工作报告（PDF 或 Word，报告日期必填；工委确认前可重新报送以替换，201 新报送 / 200 替换）")
	ResponseEntity<AnnualReports.Submitted> submit(@PathVariable long id,
			@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate reportedOn,
			@RequestParam(required = false) Integer year) {
		AnnualReports.Submitted result = reports.submit(id, year, reportedOn, file);
		return ResponseEntity.status(result.replaced() ? HttpStatus.OK : HttpStatus.CREATED).body(result);
	}

	@GetMapping("/api/v1/annual-reports/board")
	@Operation(summary = "年度报告情况：管理范围内每个工会、团组织、妇委会是否已报告（可按片组、类型筛选）；"
			+ "整张表一次给出 {year, rows, totals}")
	AnnualReportBoard board(@RequestParam(required = false) Integer year,
			@RequestParam(required = false) Long groupId, @RequestParam(required = false) String type) {
		return AnnualReportBoard.of(year == null ? reports.today().getYear() : year, reports.board(year, groupId, type));
	}

	@GetMapping("/api/v1/annual-reports/board/export")
	@Operation(summary = "导出年度报告情况（Excel）")
	ResponseEntity<byte[]> export(@RequestParam(required = false) Integer year,
			@RequestParam(required = false) Long groupId, @RequestParam(required = false) String type) {
		int y = year == null ? reports.today().getYear() : year;
		byte[] bytes = AnnualReportExcel.write(y, reports.board(y, groupId, type));
		return ResponseEntity.ok().headers(ExcelDownload.headers(AnnualReportExcel.fileName(y))).body(bytes);
	}

	@PostMapping("/api/v1/annual-reports/remind")
	@Operation(summary = "提醒管理范围内尚未报告的组织（每个组织每天至多提醒一次）")
	Reminded remind(@RequestParam(required = false) Integer year) {
		return new Reminded(reports.remindUnreported(year));
	}

	@PostMapping("/api/v1/annual-reports/{id}/confirm")
	@Operation(summary = "工委确认年度报告（确认后不能再替换）")
	ResponseEntity<Void> confirm(@PathVariable long id) {
		reports.confirm(id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/annual-reports/{id}/file")
	@Operation(summary = "下载年度报告文件")
	ResponseEntity<Resource> file(@PathVariable long id) {
		return FileResponses.attachment(reports.file(id));
	}
}
