package org.quntuan.learning.materials;

import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.web.PageActions;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The federation admins' page of topic tags: add, rename, retire and restore. */
@Controller
class TagPageController {

	private final TopicTags tags;

	private final MessageSource messages;

	TagPageController(TopicTags tags, MessageSource messages) {
		this.tags = tags;
		this.messages = messages;
	}

	private String text(String key, Object... arguments) {
		return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
	}

	@GetMapping("/learning/tags")
	String list(Model model) {
		if (!tags.configurable()) {
			throw new ForbiddenException("learning.error.tags-forbidden");
		}
		model.addAttribute("tags", tags.all());
		return "learning/tags";
	}

	@PostMapping("/learning/tags")
	String add(@RequestParam(required = false) String name, RedirectAttributes flash) {
		PageActions.run(flash, text("learning.tags.added", name), () -> tags.add(name));
		return "redirect:/learning/tags";
	}

	@PostMapping("/learning/tags/{id}")
	String rename(@PathVariable long id, @RequestParam(required = false) String name, RedirectAttributes flash) {
		PageActions.run(flash, text("learning.tags.renamed", name), () -> tags.rename(id, name));
		return "redirect:/learning/tags";
	}

	@PostMapping("/learning/tags/{id}/active")
	String setActive(@PathVariable long id, @RequestParam(defaultValue = "false") boolean active, RedirectAttributes flash) {
		PageActions.run(flash, text(active ? "learning.tags.restored" : "learning.tags.retired"),
				() -> tags.setActive(id, active));
		return "redirect:/learning/tags";
	}
}
