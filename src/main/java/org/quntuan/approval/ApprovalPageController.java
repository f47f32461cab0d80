package org.quntuan.approval;

import java.util.ArrayList;
import java.util.List;

import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.ConflictException;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.Text;
import org.quntuan.platform.Texts;
import org.quntuan.platform.web.PageActions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class ApprovalPageController {

	private final ApprovalQueries queries;

	private final ApprovalManagement management;

	ApprovalPageController(ApprovalQueries queries, ApprovalManagement management) {
		this.queries = queries;
		this.management = management;
	}

	@GetMapping("/approvals")
	String pending(@RequestParam(required = false) String type, @RequestParam(defaultValue = "false") boolean overdue,
			@RequestParam(required = false) Integer page, Model model) {
		String chosen = type == null || type.isBlank() ? null : type;
		model.addAttribute("items", queries.pending(chosen, overdue, PageRequest.of(page, 20)));
		model.addAttribute("types", queries.subjectTypes());
		model.addAttribute("type", chosen);
		model.addAttribute("overdue", overdue);
		return "approval/pending";
	}

	@GetMapping("/approvals/requests")
	String requests(@RequestParam(required = false) ApprovalStatus status, @RequestParam(required = false) Integer page,
			Model model) {
		model.addAttribute("items", queries.requests(status, PageRequest.of(page, 20)));
		model.addAttribute("statuses", ApprovalStatus.values());
		model.addAttribute("status", status);
		return "approval/requests";
	}

	@GetMapping("/approvals/{id}")
	String show(@PathVariable long id, Model model) {
		model.addAttribute("approval", queries.detail(id));
		return "approval/detail";
	}

	@PostMapping("/approvals/{id}/decision")
	String decide(@PathVariable long id, @RequestParam(required = false) Decision decision,
			@RequestParam(required = false) String comment, RedirectAttributes flash) {
		Text done = decision == null ? null : Text.of("approval.flash.decided", decision);
		PageActions.run(flash, done, () -> management.decide(id, decision, comment));
		return "redirect:/approvals/" + id;
	}

	@PostMapping("/approvals/{id}/withdraw")
	String withdraw(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes flash) {
		PageActions.run(flash, "approval.flash.withdrawn", () -> management.withdrawHere(id, reason));
		return "redirect:/approvals/" + id;
	}

	@PostMapping("/approvals/{id}/resubmit")
	String resubmit(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes flash) {
		PageActions.run(flash, "approval.flash.resubmitted", () -> management.resubmitHere(id, reason));
		return "redirect:/approvals/" + id;
	}

	/**
	 * Approves the chosen items one by one, each in its own transaction, so that one that was decided
	 * meanwhile does not undo the others; only flows that allow it.
	 */
	@PostMapping("/approvals/bulk-approve")
	String bulkApprove(@RequestParam(name = "ids", required = false) List<Long> ids, RedirectAttributes flash) {
		if (ids == null || ids.isEmpty()) {
			flash.addFlashAttribute("error", Texts.localized("approval.flash.bulk-none-picked"));
			return "redirect:/approvals";
		}
		int approved = 0;
		List<String> failed = new ArrayList<>();
		for (Long id : ids.stream().distinct().limit(200).toList()) {
			try {
				ApprovalViews.Detail detail = queries.detail(id);
				if (!queries.bulkApprovable(detail.subjectType())) {
					failed.add(Texts.localized("approval.flash.bulk-not-allowed", detail.title()));
					continue;
				}
				management.decide(id, Decision.APPROVE, null);
				approved++;
			}
			catch (ConflictException | ForbiddenException | BusinessRuleException | InvalidValueException
					| NotFoundException ex) {
				String why = Texts.localized(ex);
				failed.add(Texts.localized("approval.flash.bulk-failed-item", id,
						why == null ? Texts.localized("approval.flash.bulk-cannot-decide") : why));
			}
		}
		flash.addFlashAttribute("success", Texts.localized("approval.flash.bulk-approved", approved));
		if (!failed.isEmpty()) {
			flash.addFlashAttribute("error", String.join(Texts.localized("approval.flash.bulk-separator"), failed));
		}
		return "redirect:/approvals";
	}
}
