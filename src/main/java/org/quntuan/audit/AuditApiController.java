package org.quntuan.audit;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.excel.ExcelDownload;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audit-log")
@Tag(name = "审计日志", description = "登录、个人信息查看、拒绝访问和增删改操作的记录；工委管理员看全部，组织管理员看本范围内的事件和本人的操作")
class AuditApiController {

	private static final String FILTERS = "type 为事件类型（代码或中文名称）；from、to 为日期（北京时间，含当天）或 ISO 8601 时间；"
			+ "actor 为操作人账号；objectType、objectId 为操作对象。按时间倒序。";

	private final AuditLogViewer viewer;

	private final AuditExport export;

	AuditApiController(AuditLogViewer viewer, AuditExport export) {
		this.viewer = viewer;
		this.export = export;
	}

	@GetMapping
	@Operation(summary = "查询审计日志", description = FILTERS)
	PageResult<AuditLogEntry> list(@RequestParam(required = false) String type, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String actor,
			@RequestParam(required = false) String objectType, @RequestParam(required = false) String objectId,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		AuditLogViewer.Query query = viewer.query(type, from, to, actor, objectType, objectId);
		return viewer.page(query, PageRequest.of(page, size));
	}

	@GetMapping("/export")
	@Operation(summary = "导出审计日志（.xlsx，筛选条件同查询，最多 100 万条）", description = FILTERS)
	void export(@RequestParam(required = false) String type, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String actor,
			@RequestParam(required = false) String objectType, @RequestParam(required = false) String objectId,
			HttpServletResponse response) throws IOException {
		AuditLogViewer.Query query = viewer.query(type, from, to, actor, objectType, objectId);
		ExcelDownload.prepare(response, export.fileName());
		export.write(query, response.getOutputStream());
	}
}
