package org.quntuan.member;

import java.io.IOException;
import java.nio.file.Path;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.quntuan.platform.ConflictException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.excel.ExcelDownload;
import org.quntuan.platform.excel.ExcelFileException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The import page (upload, preview with the problems under their cells, confirm) and the export of
 * the list as it is filtered on screen. The uploaded file stays on the server between preview and
 * confirmation in the database, the session and the page carry only its token ({@link PendingImport},
 * {@link PendingImports}): a preview checked on one node may be confirmed on another.
 */
@Controller
class MemberExcelPageController {

	private final MemberImport imports;

	private final MemberExport export;

	private final MessageSource messages;

	MemberExcelPageController(MemberImport imports, MemberExport export, MessageSource messages) {
		this.imports = imports;
		this.export = export;
		this.messages = messages;
	}

	@GetMapping("/members/import")
	String page(HttpServletRequest request, Model model) {
		imports.requireAdmin();
		HttpSession session = request.getSession(false);
		if (session != null && session.getAttribute(PendingImport.SESSION_KEY) instanceof PendingImport pending) {
			model.addAttribute("token", pending.token());
			model.addAttribute("preview", pending.preview());
		}
		model.addAttribute("firstRows", ImportPreview.FIRST_ROWS);
		model.addAttribute("maxRows", imports.settings().maxRows());
		model.addAttribute("maxMegabytes", imports.settings().maxFileSize().toMegabytes());
		return "member/import";
	}

	@GetMapping("/members/import/template")
	ResponseEntity<byte[]> template() {
		return ResponseEntity.ok().headers(ExcelDownload.headers(ImportTemplate.FILE_NAME)).body(imports.template());
	}

	/** Checks the file and keeps it for the confirmation; the page then shows what the check found. */
	@PostMapping("/members/import")
	String upload(@RequestParam(name = "file", required = false) MultipartFile file, HttpSession session,
			RedirectAttributes flash) {
		imports.requireAdmin();
		forget(session, null);
		try {
			Path path = imports.receive(file);
			try {
				String name = file.getOriginalFilename();
				ImportPreview preview = ImportPreview.of(imports.check(path), name);
				session.setAttribute(PendingImport.SESSION_KEY, new PendingImport(imports.keep(path, name), name, preview));
			}
			finally {
				imports.discard(path);
			}
		}
		catch (ExcelFileException | InvalidValueException ex) {
			flash.addFlashAttribute("error", ex.getMessage());
		}
		return "redirect:/members/import";
	}

	/**
	 * Imports the kept file, all or nothing; the check runs again, as the registry may have changed.
	 * The token comes from the form, so another node (or a new session of the same account) may confirm.
	 */
	@PostMapping("/members/import/confirm")
	String confirm(@RequestParam(required = false) String token, HttpSession session, RedirectAttributes flash) {
		imports.requireAdmin();
		MemberImport.Confirmed confirmed;
		try {
			confirmed = imports.importPending(token);
		}
		catch (PendingImportGone ex) {
			if (ex.expired()) {
				forget(session, token);
			}
			flash.addFlashAttribute("error", ex.expired()
					? message("member.import.timedout", imports.settings().pendingLifetime().toMinutes())
					: message("member.import.expired"));
			return "redirect:/members/import";
		}
		catch (ExcelFileException | ConflictException ex) {
			flash.addFlashAttribute("error", ex.getMessage());
			return "redirect:/members/import";
		}
		ImportCheck.Result result = confirmed.result();
		if (result.ok()) {
			session.removeAttribute(PendingImport.SESSION_KEY);
			flash.addFlashAttribute("success", message("member.import.done", result.total()));
			return "redirect:/members";
		}
		ImportPreview preview = ImportPreview.of(result, confirmed.fileName());
		session.setAttribute(PendingImport.SESSION_KEY, new PendingImport(token, confirmed.fileName(), preview));
		flash.addFlashAttribute("error",
				message("member.import.failed", message("member.import.summary", preview.total(), preview.invalid())));
		return "redirect:/members/import";
	}

	@PostMapping("/members/import/cancel")
	String cancel(@RequestParam(required = false) String token, HttpSession session) {
		imports.requireAdmin();
		forget(session, token);
		return "redirect:/members/import";
	}

	/** Drops the session's kept file and the one the form names (the caller's own only). */
	private void forget(HttpSession session, String token) {
		if (session.getAttribute(PendingImport.SESSION_KEY) instanceof PendingImport pending) {
			imports.dropPending(pending.token());
			session.removeAttribute(PendingImport.SESSION_KEY);
		}
		if (token != null) {
			imports.dropPending(token);
		}
	}

	/**
	 * The list as filtered on screen, masked: the search form submits here with its current values. A
	 * link from elsewhere must not start a download of whole numbers, so {@code whole=true} is refused
	 * here and served only by the POST below (with the CSRF token).
	 */
	@GetMapping("/members/export")
	String export(@RequestParam(required = false) String q, @RequestParam(required = false) Long orgId,
			@RequestParam(required = false) String status, @RequestParam(defaultValue = "false") boolean whole,
			HttpServletResponse response, RedirectAttributes flash) throws IOException {
		MemberExport.Plan plan = export.plan(q, orgId, !"INACTIVE".equalsIgnoreCase(status), false);
		if (whole) {
			flash.addFlashAttribute("error", message("member.export.whole.post"));
			if (orgId != null) {
				flash.addAttribute("orgId", orgId);
			}
			if (status != null) {
				flash.addAttribute("status", status);
			}
			return "redirect:/members";
		}
		ExcelDownload.prepare(response, export.fileName(plan));
		export.write(plan, response.getOutputStream());
		return null;
	}

	/** The list as filtered on screen with whole ID numbers and mobiles: a form with the CSRF token, audited. */
	@PostMapping("/members/export")
	void exportWhole(@RequestParam(required = false) String q, @RequestParam(required = false) Long orgId,
			@RequestParam(required = false) String status, HttpServletResponse response) throws IOException {
		MemberExport.Plan plan = export.plan(q, orgId, !"INACTIVE".equalsIgnoreCase(status), true);
		ExcelDownload.prepare(response, export.fileName(plan));
		export.write(plan, response.getOutputStream());
	}

	private String message(String key, Object... args) {
		return messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}
}
