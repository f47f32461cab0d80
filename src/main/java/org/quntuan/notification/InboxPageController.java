package org.quntuan.notification;

import org.quntuan.platform.PageRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class InboxPageController {

	private final Inbox inbox;

	private final MessageSource messages;

	InboxPageController(Inbox inbox, MessageSource messages) {
		this.inbox = inbox;
		this.messages = messages;
	}

	@GetMapping("/inbox")
	String list(@RequestParam(defaultValue = "false") boolean unread, @RequestParam(required = false) Integer page,
			Model model) {
		model.addAttribute("notifications", inbox.list(unread, PageRequest.of(page, 20)));
		model.addAttribute("unreadOnly", unread);
		model.addAttribute("unreadCount", inbox.unread());
		return "notification/inbox";
	}

	/**
	 * Marks a notification read; with {@code open=true} goes on to its link, which was checked to be a
	 * path inside the application when the notification was sent.
	 */
	@PostMapping("/inbox/{id}/read")
	String read(@PathVariable long id, @RequestParam(defaultValue = "false") boolean open,
			@RequestParam(defaultValue = "false") boolean unread) {
		InboxItem item = inbox.markRead(id);
		if (open && item.link() != null) {
			return "redirect:" + item.link();
		}
		return unread ? "redirect:/inbox?unread=true" : "redirect:/inbox";
	}

	@PostMapping("/inbox/read-all")
	String readAll(RedirectAttributes flash) {
		int marked = inbox.markAllRead();
		flash.addFlashAttribute("success",
				messages.getMessage("inbox.markedAll", new Object[] { String.valueOf(marked) }, LocaleContextHolder.getLocale()));
		return "redirect:/inbox";
	}
}
