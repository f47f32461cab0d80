package org.quntuan.organization;

import java.time.LocalDate;
import java.util.List;

import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.web.PageActions;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class OrgPageController {

	private final OrganizationQueries queries;

	private final OrganizationManagement management;

	OrgPageController(OrganizationQueries queries, OrganizationManagement management) {
		this.queries = queries;
		this.management = management;
	}

	@GetMapping("/orgs")
	String tree(Model model) {
		model.addAttribute("roots", queries.tree());
		return "organization/tree";
	}

	/** The children of one node of the tree, drawn when it is opened (the page draws two levels). */
	@GetMapping("/orgs/{id}/branch")
	String branch(@PathVariable long id, Model model) {
		model.addAttribute("children", queries.branch(id));
		return "organization/tree :: branch";
	}

	@GetMapping("/orgs/{id}")
	String detail(@PathVariable long id, Model model) {
		OrgDetail org = queries.detail(id);
		model.addAttribute("org", org);
		model.addAttribute("childTypes", OrgType.valueOf(org.type().code()).allowedChildren());
		model.addAttribute("possibleParents", org.manageable() ? queries.possibleParents(id) : List.of());
		return "organization/detail";
	}

	@PostMapping("/orgs/{id}/children")
	String createChild(@PathVariable long id, @RequestParam(required = false) String type,
			@RequestParam(required = false) String name, @RequestParam(defaultValue = "false") boolean allowDuplicate,
			RedirectAttributes flash) {
		long[] created = new long[1];
		boolean ok = PageActions.run(flash, "organization.org.flash.created",
				() -> created[0] = management.create(id, type, name, allowDuplicate));
		return "redirect:/orgs/" + (ok ? created[0] : id);
	}

	@PostMapping("/orgs/{id}/rename")
	String rename(@PathVariable long id, @RequestParam(required = false) String name, @RequestParam int version,
			RedirectAttributes flash) {
		PageActions.run(flash, "organization.org.flash.renamed", () -> management.rename(id, name, version));
		return "redirect:/orgs/" + id;
	}

	@PostMapping("/orgs/{id}/move")
	String move(@PathVariable long id, @RequestParam(required = false) Long newParentId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveDate,
			@RequestParam(required = false) String reason, @RequestParam int version,
			@RequestParam(defaultValue = "false") boolean allowDuplicate, RedirectAttributes flash) {
		PageActions.run(flash, "organization.org.flash.moved", () -> {
			if (newParentId == null) {
				throw new InvalidValueException("newParentId", "organization.org.error.new-parent-required");
			}
			management.move(id, newParentId, effectiveDate, reason, version, allowDuplicate);
		});
		return "redirect:/orgs/" + id;
	}

	@PostMapping("/orgs/{id}/deactivate")
	String deactivate(@PathVariable long id, @RequestParam int version, RedirectAttributes flash) {
		PageActions.run(flash, "organization.org.flash.deactivated", () -> management.deactivate(id, version));
		return "redirect:/orgs/" + id;
	}
}
