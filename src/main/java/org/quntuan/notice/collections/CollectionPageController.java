package org.quntuan.notice.collections;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.quntuan.notice.notices.NoticeTargetChoice;
import org.quntuan.notice.notices.NoticeUpload;
import org.quntuan.notice.notices.Notices;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.ConflictException;
import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.quntuan.platform.files.FileKind;
import org.quntuan.platform.files.FileResponses;
import org.quntuan.platform.web.PageActions;
import org.springframework.core.io.Resource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class CollectionPageController {

	/** What the new-task form posts; the deadline is a local time in the business zone. */
	record CreateForm(String title, String instructions,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime deadline, String latePolicy,
			List<String> allowedKinds, String targetMode, String orgType, List<Long> groupIds, List<Long> orgIds) {

		CollectionRequest toRequest() {
			return new CollectionRequest(title, instructions,
					deadline == null ? null : deadline.atZone(Zones.BUSINESS).toOffsetDateTime(),
					new NoticeTargetChoice.Form(targetMode, orgType, groupIds, orgIds).toTargets(), latePolicy,
					allowedKinds);
		}

		/** Public: the form template reads it. */
		public NoticeTargetChoice.Form targets() {
			return new NoticeTargetChoice.Form(targetMode, orgType, groupIds, orgIds);
		}
	}

	private final CollectionTasks collections;

	private final CollectionExports exports;

	private final NoticeTargetChoice targetChoice;

	private final CurrentUserProvider users;

	CollectionPageController(CollectionTasks collections, CollectionExports exports, NoticeTargetChoice targetChoice,
			CurrentUserProvider users) {
		this.collections = collections;
		this.exports = exports;
		this.targetChoice = targetChoice;
		this.users = users;
	}

	@GetMapping("/collections")
	String list(@RequestParam(required = false) String box, @RequestParam(required = false) Integer page, Model model) {
		Notices.senderOrg(users.current());
		boolean sent = "sent".equals(box);
		model.addAttribute("box", sent ? "sent" : "received");
		model.addAttribute("tasks", collections.list(sent, !sent, PageRequest.of(page, 20)));
		return "notice/collections";
	}

	@GetMapping("/collections/new")
	String form(Model model) {
		Notices.senderOrg(users.current());
		model.addAttribute("form", new CreateForm(null, null, null, "ALLOW_LATE_MARKED", List.of(), "ALL", null,
				List.of(), List.of()));
		return formPage(model);
	}

	private String formPage(Model model) {
		model.addAttribute("options", targetChoice.options());
		model.addAttribute("policies", CollectionLatePolicy.values());
		model.addAttribute("kinds", Notices.ATTACHMENT_KINDS.stream().map(FileKind::name).toList());
		return "notice/collection-form";
	}

	@PostMapping("/collections")
	String create(CreateForm form, @RequestParam(required = false) MultipartFile template, Model model,
			RedirectAttributes flash) throws IOException {
		Notices.senderOrg(users.current());
		try {
			NoticeUpload upload = template == null || template.isEmpty() ? null
					: new NoticeUpload(template.getOriginalFilename(), template.getInputStream(), template.getSize());
			long id = collections.createWith(form.toRequest(), upload);
			flash.addFlashAttribute("success", Texts.localized("notice.collection.flash.published"));
			return "redirect:/collections/" + id;
		}
		catch (InvalidValueException | BusinessRuleException | ConflictException ex) {
			model.addAttribute("error", Texts.localized(ex));
			model.addAttribute("form", form);
			return formPage(model);
		}
	}

	@GetMapping("/collections/{id}")
	String detail(@PathVariable long id, Model model) {
		CollectionDetail task = collections.detail(id);
		model.addAttribute("task", task);
		model.addAttribute("instructionLines", task.instructions().split("\n"));
		if (task.canManage()) {
			model.addAttribute("rows", collections.status(id));
		}
		return "notice/collection-detail";
	}

	@GetMapping("/collections/{id}/submissions/{orgId}")
	String submission(@PathVariable long id, @PathVariable long orgId, Model model) {
		model.addAttribute("task", collections.detail(id));
		model.addAttribute("submission", collections.submission(id, orgId));
		return "notice/collection-submission";
	}

	@PostMapping("/collections/{id}/submissions")
	String submit(@PathVariable long id, @RequestParam(required = false) Long orgId,
			@RequestParam(required = false) MultipartFile file, RedirectAttributes flash) throws IOException {
		boolean none = file == null || file.isEmpty();
		PageActions.run(flash, "notice.collection.flash.uploaded", () -> {
			try {
				collections.submit(id, orgId, none ? null : file.getOriginalFilename(), none ? null : file.getInputStream(),
						none ? 0 : file.getSize());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		return "redirect:/collections/" + id;
	}

	@PostMapping("/collections/{id}/submissions/{orgId}/files/{fileId}/delete")
	String removeFile(@PathVariable long id, @PathVariable long orgId, @PathVariable long fileId,
			RedirectAttributes flash) {
		PageActions.run(flash, "notice.collection.flash.file-removed", () -> collections.removeFile(id, orgId, fileId));
		return "redirect:/collections/" + id;
	}

	@PostMapping("/collections/{id}/submissions/{orgId}/accept")
	String accept(@PathVariable long id, @PathVariable long orgId, RedirectAttributes flash) {
		PageActions.run(flash, "notice.collection.flash.accepted", () -> collections.accept(id, orgId));
		return "redirect:/collections/" + id;
	}

	@PostMapping("/collections/{id}/submissions/{orgId}/return")
	String returnSubmission(@PathVariable long id, @PathVariable long orgId,
			@RequestParam(required = false) String reason, RedirectAttributes flash) {
		PageActions.run(flash, "notice.common.flash.returned", () -> collections.returnSubmission(id, orgId, reason));
		return "redirect:/collections/" + id;
	}

	@GetMapping("/collections/{id}/export")
	void export(@PathVariable long id, HttpServletResponse response) throws IOException {
		exports.statusExcel(id, response);
	}

	@GetMapping("/collections/{id}/accepted-files")
	void acceptedFiles(@PathVariable long id, HttpServletResponse response) throws IOException {
		exports.acceptedZip(id, response);
	}

	@GetMapping("/collections/{id}/files/{fileId}")
	ResponseEntity<Resource> file(@PathVariable long id, @PathVariable long fileId) {
		return FileResponses.attachment(collections.file(id, fileId));
	}
}
