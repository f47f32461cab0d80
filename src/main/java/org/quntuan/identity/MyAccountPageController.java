package org.quntuan.identity;

import org.quntuan.audit.AuditQueries;
import org.quntuan.audit.AuditType;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.web.PageActions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 我的: own data, own password, own sign-in history; and the public "forgot password" pages. */
@Controller
class MyAccountPageController {

	private final CurrentUserProvider users;

	private final AccountRepository accounts;

	private final AuditQueries auditLog;

	private final PasswordChanges changes;

	private final PasswordResets resets;

	private final MobileChanges mobiles;

	MyAccountPageController(CurrentUserProvider users, AccountRepository accounts, AuditQueries auditLog,
			PasswordChanges changes, PasswordResets resets, MobileChanges mobiles) {
		this.mobiles = mobiles;
		this.users = users;
		this.accounts = accounts;
		this.auditLog = auditLog;
		this.changes = changes;
		this.resets = resets;
	}

	@GetMapping("/me")
	String me(Model model) {
		CurrentUser user = users.current();
		model.addAttribute("account", accounts.findById(user.accountId()).orElseThrow());
		model.addAttribute("grants", user.scope().grants());
		model.addAttribute("signIns", auditLog.signInsOf(user.accountId(), 20));
		return "identity/me";
	}

	@PostMapping("/me/password")
	String changePassword(@RequestParam(required = false) String currentPassword,
			@RequestParam(required = false) String newPassword, @RequestParam(required = false) String confirmPassword,
			RedirectAttributes flash) {
		PageActions.run(flash, "密码已修改", () -> {
			if (newPassword == null || !newPassword.equals(confirmPassword)) {
				throw new InvalidValueException("confirmPassword", "两次输入的新密码不一致");
			}
			changes.change(users.current().accountId(), currentPassword, newPassword);
		});
		return "redirect:/me";
	}

	@PostMapping("/me/mobile/code")
	String sendMobileCode(@RequestParam(required = false) String mobile, RedirectAttributes flash) {
		String[] sentTo = new String[1];
		if (PageActions.run(flash, "验证码已发送，10 分钟内有效", () -> sentTo[0] = mobiles.sendCode(users.current(), mobile))) {
			flash.addFlashAttribute("pendingMobile", sentTo[0]);
		}
		return "redirect:/me";
	}

	@PostMapping("/me/mobile")
	String changeMobile(@RequestParam(required = false) String mobile, @RequestParam(required = false) String code,
			RedirectAttributes flash) {
		if (!PageActions.run(flash, "手机号已更换", () -> mobiles.confirm(users.current(), mobile, code))) {
			flash.addFlashAttribute("pendingMobile", mobile);
		}
		return "redirect:/me";
	}

	@GetMapping("/password/forgot")
	String forgot() {
		return "identity/forgot";
	}

	@PostMapping("/password/forgot")
	String sendCode(@RequestParam(required = false) String username, Model model) {
		try {
			resets.sendCode(username);
			model.addAttribute("success", MyAccountApiController.CODE_SENT.get("message"));
		}
		catch (BusinessRuleException ex) {
			model.addAttribute("error", ex.getMessage());
		}
		model.addAttribute("username", username);
		return "identity/forgot";
	}

	@PostMapping("/password/reset")
	String reset(@RequestParam(required = false) String username, @RequestParam(required = false) String code,
			@RequestParam(required = false) String newPassword, @RequestParam(required = false) String confirmPassword,
			Model model) {
		try {
			if (newPassword == null || !newPassword.equals(confirmPassword)) {
				throw new InvalidValueException("confirmPassword", "两次输入的新密码不一致");
			}
			resets.reset(username, code, newPassword);
			return "redirect:/login?reset";
		}
		catch (InvalidValueException ex) {
			model.addAttribute("error", ex.getMessage());
			model.addAttribute("username", username);
			return "identity/forgot";
		}
	}
}
