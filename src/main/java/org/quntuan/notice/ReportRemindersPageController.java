package org.quntuan.notice;

import org.quntuan.platform.web.PageActions;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The 催报 buttons of the collection and form pages. */
@Controller
class ReportRemindersPageController {

	private final CollectionTasks collections;

	private final FormReminders forms;

	ReportRemindersPageController(CollectionTasks collections, FormReminders forms) {
		this.collections = collections;
		this.forms = forms;
	}

	@PostMapping("/collections/{id}/remind")
	String remindCollection(@PathVariable long id, RedirectAttributes flash) {
		int[] n = new int[1];
		if (PageActions.run(flash, "", () -> n[0] = collections.remindUnsubmitted(id))) {
			flash.addFlashAttribute("success", n[0] == 0 ? "所有单位均已报送" : "已提醒 " + n[0] + " 个尚未报送的单位");
		}
		return "redirect:/collections/" + id;
	}

	@PostMapping("/forms/{id}/remind")
	String remindForm(@PathVariable long id, RedirectAttributes flash) {
		int[] n = new int[1];
		if (PageActions.run(flash, "", () -> n[0] = forms.remindUnsubmitted(id))) {
			flash.addFlashAttribute("success", n[0] == 0 ? "所有单位均已提交" : "已提醒 " + n[0] + " 个尚未提交的单位");
		}
		return "redirect:/forms/" + id;
	}
}
