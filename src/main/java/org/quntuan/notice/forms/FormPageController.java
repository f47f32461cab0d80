package org.quntuan.notice.forms;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.quntuan.organization.OrgTreeNode;
import org.quntuan.organization.OrgType;
import org.quntuan.organization.OrganizationQueries;
import org.quntuan.organization.Targets;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.ConflictException;
import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.Text;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.quntuan.platform.excel.ExcelDownload;
import org.quntuan.platform.web.PageActions;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class FormPageController {

	/** Rows of the definition page; blank rows are left out. */
	static final int FIELD_ROWS = 10;

	/** The definition page: fields as parallel lists, options separated by 、 or commas. */
	record DefinitionForm(String title, String instructions,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime deadline, String target, String orgType,
			List<Long> groupIds, List<String> fieldLabel, List<String> fieldType, List<String> fieldRequired,
			List<String> fieldMin, List<String> fieldMax, List<String> fieldMaxLength, List<String> fieldOptions) {
	}

	private final FormQueries queries;

	private final FormManagement management;

	private final FormExport export;

	private final OrganizationQueries orgs;

	private final CurrentUserProvider users;

	FormPageController(FormQueries queries, FormManagement management, FormExport export, OrganizationQueries orgs,
			CurrentUserProvider users) {
		this.queries = queries;
		this.management = management;
		this.export = export;
		this.orgs = orgs;
		this.users = users;
	}

	@GetMapping("/forms")
	String list(Model model) {
		requireAdmin();
		model.addAttribute("sent", queries.sent());
		model.addAttribute("tasks", queries.toFill());
		return "notice/forms";
	}

	@GetMapping("/forms/new")
	String newForm(Model model) {
		requireAdmin();
		return definition(model, null);
	}

	@PostMapping("/forms")
	String create(@ModelAttribute DefinitionForm form, Model model, RedirectAttributes flash) {
		requireAdmin();
		try {
			long id = management.create(input(form));
			flash.addFlashAttribute("success", Texts.localized("notice.form.flash.sent"));
			return "redirect:/forms/" + id;
		}
		catch (InvalidValueException | BusinessRuleException | ConflictException ex) {
			model.addAttribute("error", Texts.localized(ex));
			return definition(model, form);
		}
	}

	@GetMapping("/forms/{id}")
	String detail(@PathVariable long id, Model model) {
		FormViews.Detail form = queries.detail(id);
		model.addAttribute("form", form);
		if (form.sender()) {
			model.addAttribute("statuses", queries.statuses(id));
			model.addAttribute("aggregate", queries.aggregate(id));
		}
		else {
			model.addAttribute("tasks", queries.toFill().stream().filter(t -> t.id() == id).toList());
		}
		return "notice/form-detail";
	}

	@GetMapping("/forms/{id}/responses/{orgId}")
	String response(@PathVariable long id, @PathVariable long orgId, Model model) {
		model.addAttribute("form", queries.detail(id));
		model.addAttribute("response", queries.response(id, orgId));
		return "notice/form-response";
	}

	@PostMapping("/forms/{id}/responses/{orgId}")
	String fill(@PathVariable long id, @PathVariable long orgId, @RequestParam Map<String, String> params,
			Model model, RedirectAttributes flash) {
		boolean submit = "true".equals(params.get("submit"));
		Integer version = params.get("version") == null || params.get("version").isBlank() ? null
				: Integer.valueOf(params.get("version"));
		Map<Long, String> values = new LinkedHashMap<>();
		params.forEach((k, v) -> {
			if (k.startsWith("value-")) {
				values.put(Long.valueOf(k.substring(6)), v);
			}
		});
		try {
			management.save(id, orgId, values, submit, version);
			flash.addFlashAttribute("success",
					Texts.localized(submit ? "notice.form.flash.submitted" : "notice.form.flash.draft-saved"));
			return "redirect:/forms/" + id + "/responses/" + orgId;
		}
		catch (FormValuesRejected ex) {
			Map<String, String> errors = new LinkedHashMap<>();
			ex.problems().forEach(p -> errors.put(p.field(), p.localized()));
			model.addAttribute("fieldErrors", errors);
			model.addAttribute("error", Texts.localized("notice.form.error.values-rejected"));
		}
		catch (InvalidValueException | BusinessRuleException | ConflictException ex) {
			model.addAttribute("error", Texts.localized(ex));
		}
		FormViews.Response current = queries.response(id, orgId);
		model.addAttribute("form", queries.detail(id));
		// what was typed stays in the fields
		model.addAttribute("response", new FormViews.Response(current.id(), current.formId(), current.formTitle(),
				current.orgId(), current.orgName(), current.groupName(), current.status(), current.returnReason(),
				current.savedAt(), current.submittedAt(), current.late(), current.version(), values, current.editable(),
				current.returnable()));
		return "notice/form-response";
	}

	@PostMapping("/forms/{id}/responses/{orgId}/return")
	String returnForCorrection(@PathVariable long id, @PathVariable long orgId,
			@RequestParam(required = false) String reason, @RequestParam(required = false) Integer version,
			RedirectAttributes flash) {
		PageActions.run(flash, "notice.common.flash.returned", () -> management.returnForCorrection(id, orgId, reason, version));
		return "redirect:/forms/" + id + "/responses/" + orgId;
	}

	@GetMapping("/forms/{id}/export")
	ResponseEntity<byte[]> exportExcel(@PathVariable long id) {
		FormQueries.Sheet sheet = queries.sheet(id);
		return ResponseEntity.ok().headers(ExcelDownload.headers(FormExport.fileName(sheet))).body(export.write(sheet));
	}

	private String definition(Model model, DefinitionForm form) {
		model.addAttribute("def", form);
		model.addAttribute("rows", FIELD_ROWS);
		model.addAttribute("fieldTypes", FormFieldType.values());
		model.addAttribute("orgTypes", List.of(OrgType.UNION, OrgType.LEAGUE, OrgType.WOMEN));
		List<OrgTreeNode> groups = new ArrayList<>();
		orgs.tree().forEach(n -> collectGroups(n, groups));
		model.addAttribute("groups", groups);
		return "notice/form-new";
	}

	private static void collectGroups(OrgTreeNode node, List<OrgTreeNode> groups) {
		if ("GROUP".equals(node.type().code()) && node.active()) {
			groups.add(node);
		}
		node.children().forEach(c -> collectGroups(c, groups));
	}

	static FormInput input(DefinitionForm f) {
		Targets targets = switch (f.target() == null ? "" : f.target()) {
			case "all" -> Targets.everyone();
			case "type" -> new Targets(null, null, null, f.orgType() == null || f.orgType().isBlank() ? null
					: OrgType.valueOf(f.orgType()));
			case "groups" -> new Targets(null, null, f.groupIds() == null ? List.of() : f.groupIds(), null);
			default -> throw new InvalidValueException("targets", "notice.common.error.targets-required");
		};
		List<FormInput.FieldInput> fields = new ArrayList<>();
		List<String> labels = f.fieldLabel() == null ? List.of() : f.fieldLabel();
		for (int i = 0; i < labels.size(); i++) {
			if (labels.get(i) == null || labels.get(i).isBlank()) {
				continue;
			}
			String options = at(f.fieldOptions(), i);
			fields.add(new FormInput.FieldInput(labels.get(i), at(f.fieldType(), i),
					f.fieldRequired() != null && f.fieldRequired().contains(String.valueOf(i)), number(at(f.fieldMin(), i)),
					number(at(f.fieldMax(), i)), integer(at(f.fieldMaxLength(), i)),
					options == null || options.isBlank() ? null
							: Arrays.stream(options.split("[、,，;；]")).map(String::strip).filter(s -> !s.isEmpty()).toList()));
		}
		OffsetDateTime deadline = f.deadline() == null ? null : f.deadline().atZone(Zones.BUSINESS).toOffsetDateTime();
		return new FormInput(f.title(), f.instructions(), deadline, fields, targets);
	}

	private static String at(List<String> list, int i) {
		return list == null || i >= list.size() ? null : list.get(i);
	}

	private static BigDecimal number(String s) {
		if (s == null || s.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(s.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidValueException("fields", Text.of("notice.form.error.range-not-number", s));
		}
	}

	private static Integer integer(String s) {
		if (s == null || s.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(s.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidValueException("fields", Text.of("notice.form.error.length-not-integer", s));
		}
	}

	private void requireAdmin() {
		if (!users.current().scope().isAdmin()) {
			throw new ForbiddenException("notice.form.error.admins-only");
		}
	}
}
