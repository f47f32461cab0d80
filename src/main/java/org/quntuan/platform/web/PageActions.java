package org.quntuan.platform.web;

import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.ConflictException;
import org.quntuan.platform.InvalidValueException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Runs a form action and puts a Chinese success or error message in the flash for the page it
 * redirects to. Not-found and forbidden still go to the error page.
 */
public final class PageActions {

	private PageActions() {
	}

	public static boolean run(RedirectAttributes flash, String success, Runnable action) {
		try {
			action.run();
			flash.addFlashAttribute("success", success);
			return true;
		}
		catch (InvalidValueException | BusinessRuleException | ConflictException ex) {
			flash.addFlashAttribute("error", ex.getMessage());
		}
		catch (DuplicateKeyException ex) {
			flash.addFlashAttribute("error", "数据与已有记录重复");
		}
		return false;
	}
}
