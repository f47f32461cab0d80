package org.quntuan.audit;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.excel.ExcelDownload;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The log viewer page: filters, a page of events, the export of what the filters select. */
@Controller
class AuditPageController {

	private static final int PAGE_SIZE = 50;

	private final AuditLogViewer viewer;

	private final AuditExport export;

	AuditPageController(AuditLogViewer viewer, AuditExport export) {
		this.viewer = viewer;
		this.export = export;
	}

	@GetMapping("/audit")
	String log(@RequestParam(required = false) String type, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String actor,
			@RequestParam(required = false) String objectType, @RequestParam(required = false) String objectId,
			@RequestParam(required = false) Integer page, Model model, HttpServletResponse response) {
		model.addAttribute("types", Arrays.asList(AuditType.values()));
		model.addAttribute("objectTypes", AuditLabels.objectTypes());
		model.addAttribute("f", new Filters(type, from, to, actor, objectType, objectId));
		AuditLogViewer.Query query = viewer.query(null, null, null, null, null, null); // 403 first
		try {
			query = viewer.query(type, from, to, actor, objectType, objectId);
			model.addAttribute("events", viewer.page(query, PageRequest.of(page, PAGE_SIZE)));
		}
		catch (InvalidValueException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("error", ex.getMessage());
			model.addAttribute("events", PageResult.of(List.of(), PageRequest.of(0, PAGE_SIZE), 0));
		}
		return "audit/log";
	}

	@GetMapping("/audit/export")
	void export(@RequestParam(required = false) String type, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String actor,
			@RequestParam(required = false) String objectType, @RequestParam(required = false) String objectId,
			HttpServletResponse response) throws IOException {
		AuditLogViewer.Query query = viewer.query(type, from, to, actor, objectType, objectId);
		ExcelDownload.prepare(response, export.fileName());
		export.write(query, response.getOutputStream());
	}

	/** The filters as typed, to fill the form again and to build the paging links. */
	record Filters(String type, String from, String to, String actor, String objectType, String objectId) {
	}
}
