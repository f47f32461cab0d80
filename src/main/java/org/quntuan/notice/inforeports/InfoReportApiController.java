package org.quntuan.notice.inforeports;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.excel.ExcelDownload;
import org.quntuan.platform.files.FileResponses;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
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
@RequestMapping("/api/v1/info-reports")
@Tag(name = "信息报送", description = "信息员报送信息，工委标记收到、采用、刊发，年度积分排名")
class InfoReportApiController {

	record SubmitRequest(String title, String body, Long organId) {
	}

	/** status: RECEIVED / ADOPTED / PUBLISHED or 收到 / 采用 / 刊发; where: for 刊发, e.g. 简报. */
	record MarkRequest(String status, String where, Integer version) {
	}

	private final InfoReports reports;

	private final InfoReportExport export;

	InfoReportApiController(InfoReports reports, InfoReportExport export) {
		this.reports = reports;
		this.export = export;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "报送信息（信息员，照片另行上传）")
	ResponseEntity<InfoReportViews.Item> submit(@RequestBody SubmitRequest request) {
		long id = reports.submit(request.title(), request.body(), request.organId(), List.of());
		return ResponseEntity.created(URI.create("/api/v1/info-reports/" + id)).body(reports.detail(id));
	}

	@PostMapping("/{id}/photos")
	@Operation(summary = "上传照片（PNG/JPEG，报送人，处理前）")
	InfoReportViews.Item addPhoto(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file) {
		reports.addPhoto(id, file);
		return reports.detail(id);
	}

	@GetMapping
	@Operation(summary = "信息列表：信息员看本人报送，单位管理员看本单位，工委看管理范围内全部")
	PageResult<InfoReportViews.Item> list(@RequestParam(required = false) Integer year,
			@RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return reports.list(year, status, PageRequest.of(page, size));
	}

	@GetMapping("/{id}")
	@Operation(summary = "信息详情")
	InfoReportViews.Item get(@PathVariable long id) {
		return reports.detail(id);
	}

	@GetMapping("/{id}/photos/{fileId}")
	@Operation(summary = "下载照片")
	ResponseEntity<Resource> photo(@PathVariable long id, @PathVariable long fileId) {
		return FileResponses.attachment(reports.photo(id, fileId));
	}

	@PostMapping("/{id}/mark")
	@Operation(summary = "标记收到、采用或刊发（工委管理员，只能升级）")
	InfoReportViews.Item mark(@PathVariable long id, @RequestBody MarkRequest request) {
		reports.mark(id, request.status(), request.where(), request.version());
		return reports.detail(id);
	}

	@GetMapping("/ranking")
	@Operation(summary = "年度排名：信息员和单位的积分、条数")
	InfoReportViews.Ranking ranking(@RequestParam(required = false) Integer year) {
		return reports.ranking(year);
	}

	@GetMapping("/ranking/export")
	@Operation(summary = "导出年度排名 Excel")
	ResponseEntity<byte[]> exportRanking(@RequestParam(required = false) Integer year) {
		InfoReportViews.Ranking ranking = reports.ranking(year);
		return ResponseEntity.ok().headers(ExcelDownload.headers(InfoReportExport.fileName(ranking)))
			.body(export.write(ranking));
	}
}
