package org.quntuan.notice;

import java.util.function.LongUnaryOperator;

import org.quntuan.platform.Texts;
import org.quntuan.platform.web.PageActions;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The 催报 buttons of the collection and form pages (sender side). */
@Controller
class SubmissionReminderPageController {

	private final SubmissionReminders reminders;

	SubmissionReminderPageController(SubmissionReminders reminders) {
		this.reminders = reminders;
	}

	@PostMapping("/collections/{id}/reminders")
	String collection(@PathVariable long id, RedirectAttributes flash) {
		remind(id, reminders::collection, flash);
		return "redirect:/collections/" + id;
	}

	@PostMapping("/forms/{id}/reminders")
	String form(@PathVariable long id, RedirectAttributes flash) {
		remind(id, reminders::form, flash);
		return "redirect:/forms/" + id;
	}

	private static void remind(long id, LongUnaryOperator action, RedirectAttributes flash) {
		long[] count = new long[1];
		if (PageActions.run(flash, "", () -> count[0] = action.applyAsLong(id))) {
			flash.addFlashAttribute("success", count[0] == 0 ? Texts.localized("notice.reminder.flash.none-missing")
					: Texts.localized("notice.reminder.flash.sent", count[0]));
		}
	}
}
