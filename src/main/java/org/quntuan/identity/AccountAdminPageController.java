package org.quntuan.identity;

import org.quntuan.identity.AccountAdministration.Issued;
import org.quntuan.identity.AccountAdministration.NewAccount;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.ConflictException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.Texts;
import org.quntuan.platform.excel.ExcelDownload;
import org.quntuan.platform.web.PageActions;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 账号管理: the list, a new account, and one account with its roles. */
@Controller
class AccountAdminPageController {

	private final AccountAdminQueries queries;

	private final AccountAdministration administration;

	AccountAdminPageController(AccountAdminQueries queries, AccountAdministration administration) {
		this.queries = queries;
		this.administration = administration;
	}

	@GetMapping("/accounts")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
			@RequestParam(defaultValue = "false") boolean whole, Model model) {
		model.addAttribute("accounts", queries.list(q, PageRequest.of(page, 20), whole));
		model.addAttribute("q", q);
		model.addAttribute("whole", whole);
		return "identity/accounts";
	}

	@GetMapping("/accounts/export")
	ResponseEntity<byte[]> export(@RequestParam(required = false) String q) {
		byte[] file = queries.export(q);
		return ResponseEntity.ok().headers(ExcelDownload.headers(queries.exportFileName())).body(file);
	}

	@GetMapping("/accounts/new")
	String createForm(@RequestParam(required = false) Long personId, Model model) {
		queries.grantableRoles();
		model.addAttribute("form", new NewAccount(null, null, personId, null));
		return "identity/account-form";
	}

	@PostMapping("/accounts")
	String create(@ModelAttribute NewAccount form, Model model, RedirectAttributes flash) {
		try {
			Issued issued = administration.create(form);
			flash.addFlashAttribute("issued", issued);
			return "redirect:/accounts/" + issued.id();
		}
		catch (InvalidValueException | BusinessRuleException | ConflictException ex) {
			model.addAttribute("error", Texts.localized(ex));
			model.addAttribute("form", form);
			return "identity/account-form";
		}
	}

	@GetMapping("/accounts/{id}")
	String detail(@PathVariable long id, Model model) {
		AccountAdminQueries.AccountDetail account = queries.detail(id);
		model.addAttribute("account", account);
		if (!account.self()) {
			model.addAttribute("roles", queries.grantableRoles());
			model.addAttribute("orgs", queries.bindableOrgs());
		}
		return "identity/account";
	}

	@PostMapping("/accounts/{id}/roles")
	String bind(@PathVariable long id, @RequestParam(required = false) String role,
			@RequestParam(required = false) Long orgId, RedirectAttributes flash) {
		PageActions.run(flash, "identity.account.flash.role-granted", () -> administration.bind(id, role, orgId));
		return "redirect:/accounts/" + id;
	}

	@PostMapping("/accounts/{id}/roles/{bindingId}/delete")
	String unbind(@PathVariable long id, @PathVariable long bindingId, RedirectAttributes flash) {
		PageActions.run(flash, "identity.account.flash.role-revoked", () -> administration.unbind(id, bindingId));
		return "redirect:/accounts/" + id;
	}

	@PostMapping("/accounts/{id}/disable")
	String disable(@PathVariable long id, @RequestParam(required = false) Integer version, RedirectAttributes flash) {
		PageActions.run(flash, "identity.account.flash.disabled", () -> administration.disable(id, version));
		return "redirect:/accounts/" + id;
	}

	@PostMapping("/accounts/{id}/enable")
	String enable(@PathVariable long id, @RequestParam(required = false) Integer version, RedirectAttributes flash) {
		PageActions.run(flash, "identity.account.flash.enabled", () -> administration.enable(id, version));
		return "redirect:/accounts/" + id;
	}

	@PostMapping("/accounts/{id}/reset-password")
	String resetPassword(@PathVariable long id, @RequestParam(required = false) Integer version,
			RedirectAttributes flash) {
		PageActions.run(flash, "identity.account.flash.password-reset", () -> flash.addFlashAttribute("issued", administration.resetPassword(id, version)));
		return "redirect:/accounts/" + id;
	}
}
