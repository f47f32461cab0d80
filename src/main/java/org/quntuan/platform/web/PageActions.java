package org.quntuan.platform.web;

import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.ConflictException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.Text;
import org.quntuan.platform.Texts;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Runs a form action and puts a Chinese success or error message in the flash for the page it
 * redirects to. Not-found and forbidden still go to the error page.
 */
public final class PageActions {

	private PageActions() {
	}

	/** {@code success} is a bundle key (or a {@link org.quntuan.platform.Text}'s code) shown in the request's language. */
	public static boolean run(RedirectAttributes flash, String success, Runnable action) {
		return run(flash, success == null ? null : Text.of(success), action);
	}

	public static boolean run(RedirectAttributes flash, Text success, Runnable action) {
		try {
			action.run();
			if (success != null) {
				flash.addFlashAttribute("success", Texts.localized(success));
			}
			return true;
		}
		catch (InvalidValueException | BusinessRuleException | ConflictException ex) {
			flash.addFlashAttribute("error", Texts.localized(ex));
		}
		catch (DuplicateKeyException ex) {
			flash.addFlashAttribute("error", Texts.localized("platform.error.duplicate"));
		}
		return false;
	}
}
