package org.quntuan.notice.notices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.ConflictException;
import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.quntuan.platform.excel.ExcelDownload;
import org.quntuan.platform.files.FileResponses;
import org.quntuan.platform.web.PageActions;
import org.springframework.core.io.Resource;
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
class NoticePageController {

	/** What the publish form posts. */
	record PublishForm(String title, String body, String targetMode, String orgType, List<Long> groupIds,
			List<Long> orgIds, Boolean pinned, Boolean isPublic, LocalDate expiresOn) {

		NoticeTargetChoice.Form targets() {
			return new NoticeTargetChoice.Form(targetMode, orgType, groupIds, orgIds);
		}

		/** The end of the chosen day, in the business zone. */
		OffsetDateTime expiresAt() {
			return expiresOn == null ? null : expiresOn.plusDays(1).atStartOfDay(Zones.BUSINESS).toOffsetDateTime();
		}
	}

	private final Notices notices;

	private final NoticeTargetChoice targetChoice;

	private final CurrentUserProvider users;

	private final Clock clock;

	NoticePageController(Notices notices, NoticeTargetChoice targetChoice, CurrentUserProvider users,
			Clock clock) {
		this.clock = clock;
		this.notices = notices;
		this.targetChoice = targetChoice;
		this.users = users;
	}

	@GetMapping("/notices")
	String list(@RequestParam(required = false) String box, @RequestParam(required = false) Integer page, Model model) {
		boolean admin = users.current().scope().isAdmin();
		String shown = !admin ? "public" : "sent".equals(box) ? "sent" : "received";
		model.addAttribute("box", shown);
		model.addAttribute("admin", admin);
		PageRequest request = PageRequest.of(page, 20);
		switch (shown) {
			case "sent" -> model.addAttribute("notices", notices.sent(request));
			case "received" -> model.addAttribute("notices", notices.inbox(request));
			default -> model.addAttribute("publicNotices", notices.publicForMe(50));
		}
		return "notice/notices";
	}

	/** The public notices for the caller's organ, as a card on the home page (loaded by htmx). */
	@GetMapping("/notices/public-card")
	String publicCard(Model model) {
		model.addAttribute("publicNotices", notices.publicForMe(5));
		return "notice/notice-card :: card";
	}

	@GetMapping("/notices/new")
	String form(Model model) {
		Notices.senderOrg(users.current());
		model.addAttribute("form", new PublishForm(null, null, "ALL", null, List.of(), List.of(), false, false, null));
		model.addAttribute("options", targetChoice.options());
		return "notice/notice-form";
	}

	@PostMapping("/notices")
	String publish(PublishForm form, @RequestParam(required = false) List<MultipartFile> files, Model model,
			RedirectAttributes flash) {
		Notices.senderOrg(users.current());
		try {
			List<NoticeUpload> uploads = new ArrayList<>();
			for (MultipartFile f : files == null ? List.<MultipartFile>of() : files) {
				if (!f.isEmpty()) {
					uploads.add(new NoticeUpload(f.getOriginalFilename(), f.getInputStream(), f.getSize()));
				}
			}
			long id = notices.publishWith(new NoticeRequest(form.title(), form.body(), form.targets().toTargets(),
					form.pinned(), form.expiresAt(), form.isPublic()), uploads);
			flash.addFlashAttribute("success", Texts.localized("notice.notice.flash.published"));
			return "redirect:/notices/" + id;
		}
		catch (InvalidValueException | BusinessRuleException | ConflictException ex) {
			model.addAttribute("error", Texts.localized(ex));
			model.addAttribute("form", form);
			model.addAttribute("options", targetChoice.options());
			return "notice/notice-form";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@GetMapping("/notices/{id}")
	String detail(@PathVariable long id, Model model) {
		NoticeDetail notice = notices.open(id);
		model.addAttribute("notice", notice);
		if (notice.canManage()) {
			model.addAttribute("receipts", notices.receipts(id));
		}
		return "notice/notice-detail";
	}

	/** The read list of the notice as its sender sees it on the page, as an .xlsx file. */
	@GetMapping("/notices/{id}/receipts/export")
	ResponseEntity<byte[]> exportReceipts(@PathVariable long id) {
		Notices.ReadList list = notices.readList(id);
		return ResponseEntity.ok()
			.headers(ExcelDownload.headers(
					NoticeExports.receiptsFileName(list.title(), LocalDate.now(clock.withZone(Zones.BUSINESS)))))
			.body(NoticeExports.receipts(list.title(), list.receipts()));
	}

	@PostMapping("/notices/{id}/remind")
	String remind(@PathVariable long id, RedirectAttributes flash) {
		int[] count = new int[1];
		PageActions.run(flash, "", () -> count[0] = notices.remindUnread(id));
		if (!flash.getFlashAttributes().containsKey("error")) {
			flash.addFlashAttribute("success", count[0] == 0 ? Texts.localized("notice.notice.flash.all-read")
					: Texts.localized("notice.notice.flash.reminded", count[0]));
		}
		return "redirect:/notices/" + id;
	}

	@PostMapping("/notices/{id}/withdraw")
	String withdraw(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes flash) {
		PageActions.run(flash, "notice.notice.flash.withdrawn", () -> notices.withdraw(id, reason));
		return "redirect:/notices/" + id;
	}

	@GetMapping("/notices/{id}/attachments/{fileId}")
	ResponseEntity<Resource> download(@PathVariable long id, @PathVariable long fileId) {
		return FileResponses.attachment(notices.attachment(id, fileId));
	}
}
