package org.quntuan.member;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.quntuan.organization.OrganizationQueries;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.ConflictException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.Texts;
import org.quntuan.platform.web.PageActions;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class MemberPageController {

	private final MemberQueries queries;

	private final MemberManagement management;

	private final OrganizationQueries orgs;

	MemberPageController(MemberQueries queries, MemberManagement management, OrganizationQueries orgs) {
		this.queries = queries;
		this.management = management;
		this.orgs = orgs;
	}

	@GetMapping("/members")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) Long orgId,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) String status, Model model) {
		fillTable(q, orgId, page, status, model);
		if (orgId != null) {
			model.addAttribute("filterOrg", orgs.visible(orgId));
		}
		return "member/list";
	}

	/** The table alone, for htmx: search as you type, paging, the people of an org detail page. */
	@GetMapping("/members/table")
	String table(@RequestParam(required = false) String q, @RequestParam(required = false) Long orgId,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) String status, Model model) {
		fillTable(q, orgId, page, status, model);
		return "member/list :: table";
	}

	private void fillTable(String q, Long orgId, Integer page, String status, Model model) {
		boolean inactive = "INACTIVE".equalsIgnoreCase(status);
		model.addAttribute("people", queries.list(q, orgId, !inactive, PageRequest.of(page, 20)));
		model.addAttribute("status", inactive ? "INACTIVE" : null);
		model.addAttribute("q", q);
		model.addAttribute("orgId", orgId);
	}

	/** A short list of people to choose one from (the new-account form): radio buttons, for htmx. */
	@GetMapping("/members/picker")
	String picker(@RequestParam(required = false) String q, Model model) {
		queries.requireAdministersPeople();
		model.addAttribute("choices", q == null || q.isBlank() ? List.of()
				: queries.list(q, null, PageRequest.of(0, 10)).content());
		return "member/picker :: options";
	}

	@GetMapping("/members/{id}")
	String detail(@PathVariable long id, @RequestParam(defaultValue = "false") boolean reveal, Model model) {
		PersonDetail person = queries.detail(id, reveal);
		model.addAttribute("person", person);
		if (person.editable() && person.active()) {
			model.addAttribute("transferOrgans", orgs.administeredOrgans().stream()
				.filter(o -> o.id() != person.organId()).toList());
		}
		return "member/detail";
	}

	@PostMapping("/members/{id}/transfer")
	String transfer(@PathVariable long id, @RequestParam(required = false) Long toOrganId,
			@RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveDate,
			@RequestParam(required = false) String reason, @RequestParam(required = false) Integer version,
			RedirectAttributes flash) {
		PageActions.run(flash, "member.flash.transferred",
				() -> management.transfer(id, toOrganId, effectiveDate, reason, version));
		return "redirect:/members/" + id;
	}

	@PostMapping("/members/{id}/leave")
	String leave(@PathVariable long id, @RequestParam(required = false) String type,
			@RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveDate,
			@RequestParam(required = false) String reason, @RequestParam(required = false) Integer version,
			RedirectAttributes flash) {
		PageActions.run(flash, "member.flash.left", () -> management.leave(id, type, effectiveDate, reason, version));
		return "redirect:/members/" + id;
	}

	@GetMapping("/members/new")
	String createForm(Model model) {
		queries.requireAdministersPeople();
		model.addAttribute("form", PersonForm.empty());
		return form(model, null);
	}

	@GetMapping("/members/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		model.addAttribute("form", queries.formFor(id));
		return form(model, id);
	}

	private String form(Model model, Long id) {
		model.addAttribute("personId", id);
		if (id != null) {
			// shown, not edited: the union status changes only through the union's steps (member.union)
			model.addAttribute("unionNow", queries.detail(id, false));
		}
		model.addAttribute("organs", orgs.organsForPeopleAdministration());
		model.addAttribute("genders", Gender.values());
		model.addAttribute("politicalStatuses", PoliticalStatus.values());
		model.addAttribute("unionStatuses", UnionStatus.values());
		model.addAttribute("employmentStatuses", EmploymentStatus.values());
		return "member/form";
	}

	@PostMapping("/members")
	String create(@ModelAttribute PersonForm form, Model model, RedirectAttributes flash) {
		try {
			long id = management.create(form);
			flash.addFlashAttribute("success", Texts.localized("member.flash.created", form.name()));
			return "redirect:/members/" + id;
		}
		catch (InvalidValueException | BusinessRuleException | ConflictException ex) {
			refused(ex, form, model);
			return form(model, null);
		}
	}

	@PostMapping("/members/{id}")
	String update(@PathVariable long id, @ModelAttribute PersonForm form, Model model, RedirectAttributes flash) {
		try {
			management.update(id, form);
			flash.addFlashAttribute("success", Texts.localized("member.flash.saved"));
			return "redirect:/members/" + id;
		}
		catch (InvalidValueException | BusinessRuleException | ConflictException ex) {
			refused(ex, form, model);
			return form(model, id);
		}
	}

	/**
	 * The form again with what was typed: every invalid field marked with its own message (as the
	 * API lists them), and at the top how many there are; other refusals at the top alone.
	 */
	private static void refused(RuntimeException ex, PersonForm form, Model model) {
		model.addAttribute("form", form);
		if (ex instanceof InvalidValueException invalid && !invalid.problems().isEmpty()) {
			Map<String, String> fields = new LinkedHashMap<>();
			invalid.problems().forEach(p -> fields.putIfAbsent(p.field(), p.localized()));
			model.addAttribute("fieldErrors", fields);
			model.addAttribute("error", fields.size() == 1 ? fields.values().iterator().next()
					: Texts.localized("member.form.errors", fields.size(), String.join("；", fields.values())));
			return;
		}
		model.addAttribute("error", Texts.localized(ex));
	}
}
