package org.quntuan.finance.audits;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.Text;
import org.quntuan.platform.TextInput;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.quntuan.platform.excel.ExcelDownload;
import org.quntuan.platform.files.FileResponses;
import org.quntuan.platform.web.PageActions;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of 审查监督: the audit board with the keepers' 整改事项, one audit with its forms. */
@Controller
class FinanceAuditPageController {

	private final FundsAuditPlanning planning;

	private final FundsAudits audits;

	private final FundsAuditFindings findings;

	private final FinanceAuditQueries queries;

	private final FundsAuditAccess access;

	private final Clock clock;

	FinanceAuditPageController(FundsAuditPlanning planning, FundsAudits audits, FundsAuditFindings findings, FinanceAuditQueries queries,
			FundsAuditAccess access, Clock clock) {
		this.planning = planning;
		this.audits = audits;
		this.findings = findings;
		this.queries = queries;
		this.access = access;
		this.clock = clock;
	}

	@GetMapping("/finance/audits")
	String board(@RequestParam(required = false) Integer year, @RequestParam(required = false) String status,
			Model model) {
		int current = today().getYear();
		int y = year == null ? current : year;
		List<FundsAuditViews.Row> rows = queries.board(y, status);
		List<Integer> years = new ArrayList<>(queries.years());
		if (!years.contains(y)) {
			years.add(y);
			years.sort(Comparator.reverseOrder());
		}
		model.addAttribute("rows", rows);
		model.addAttribute("year", y);
		model.addAttribute("currentYear", current);
		model.addAttribute("status", FinanceAuditQueries.parseStatus(status));
		model.addAttribute("years", years);
		model.addAttribute("statuses", Arrays.asList(FundsAuditStatus.values()));
		model.addAttribute("planner", access.isPlanner());
		model.addAttribute("responder", access.isResponder());
		model.addAttribute("rectify", queries.openFindingsToRectify());
		model.addAttribute("overdueAudits", rows.stream().filter(r -> r.overdueFindings() > 0).count());
		return "finance/audits";
	}

	@GetMapping("/finance/audits/export")
	ResponseEntity<byte[]> export(@RequestParam(required = false) Integer year,
			@RequestParam(required = false) String status) {
		int y = year == null ? today().getYear() : year;
		List<FundsAuditViews.Row> rows = queries.board(y, status);
		return ResponseEntity.ok().headers(ExcelDownload.headers(Texts.localized("finance.audit.export.file", y)))
			.body(FundsAuditBoardExport.write(rows));
	}

	@PostMapping("/finance/audit-plans/default")
	String planDefault(@RequestParam(required = false) Integer year, RedirectAttributes flash) {
		FundsAuditViews.Plan[] plan = new FundsAuditViews.Plan[1];
		boolean ok = PageActions.run(flash, "", () -> plan[0] = planning.planDefault(year));
		if (ok) {
			flash.addFlashAttribute("success", plan[0].created().isEmpty()
					? Texts.localized("finance.audit.flash.plan-unchanged", plan[0].year())
					: Texts.localized("finance.audit.flash.planned", plan[0].year(), plan[0].created().size()));
		}
		return "redirect:/finance/audits" + (year == null ? "" : "?year=" + year);
	}

	@GetMapping("/finance/audits/{id}")
	String detail(@PathVariable long id, Model model) {
		model.addAttribute("a", queries.detail(id));
		model.addAttribute("today", today());
		model.addAttribute("results", Arrays.asList(CheckResult.values()));
		model.addAttribute("severities", Arrays.asList(FindingSeverity.values()));
		return "finance/audit";
	}

	@PostMapping("/finance/audits/{id}/start")
	String start(@PathVariable long id, RedirectAttributes flash) {
		PageActions.run(flash, "finance.audit.flash.started", () -> audits.start(id));
		return back(id);
	}

	@PostMapping("/finance/audits/{id}/checks/{itemNo}")
	String check(@PathVariable long id, @PathVariable int itemNo, @RequestParam(required = false) String result,
			@RequestParam(required = false) String note, RedirectAttributes flash) {
		PageActions.run(flash, Text.of("finance.audit.flash.checked", itemNo), () -> audits.check(id, itemNo, result, note));
		return back(id) + "#checks";
	}

	@PostMapping("/finance/audits/{id}/samples")
	String sample(@PathVariable long id, @RequestParam(required = false) String count,
			@RequestParam(required = false) String txnId, RedirectAttributes flash) {
		List<?>[] added = new List<?>[1];
		boolean ok = PageActions.run(flash, "", () -> {
			Long n = number("count", count, Text.of("finance.audit.field.sample-count"));
			added[0] = audits.sample(id, n == null ? null : n.intValue(), number("txnId", txnId, Text.of("finance.audit.field.txn-id")), null);
		});
		if (ok) {
			flash.addFlashAttribute("success", Texts.localized("finance.audit.flash.sampled", added[0].size()));
		}
		return back(id) + "#samples";
	}

	@PostMapping("/finance/audits/{id}/findings")
	String raise(@PathVariable long id, @RequestParam(required = false) String severity,
			@RequestParam(required = false) String description, @RequestParam(required = false) String rectification,
			@RequestParam(required = false) String deadline, @RequestParam(required = false) String txnIds,
			RedirectAttributes flash) {
		PageActions.run(flash, "finance.audit.flash.raised", () -> findings.raise(id,
				new FundsAuditFindings.FindingInput(severity, description, rectification, deadline, txnIdList(txnIds))));
		return back(id) + "#findings";
	}

	@PostMapping("/finance/findings/{id}/response")
	String respond(@PathVariable long id, @RequestParam(required = false) String response,
			@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes flash) {
		long audit = queries.auditOf(id);
		PageActions.run(flash, "finance.audit.flash.responded",
				() -> findings.respond(id, response, FinanceAuditApiController.upload(file)));
		return back(audit) + "#finding-" + id;
	}

	@PostMapping("/finance/findings/{id}/decision")
	String decide(@PathVariable long id, @RequestParam(required = false) Boolean accept,
			@RequestParam(required = false) String comment, RedirectAttributes flash) {
		long audit = queries.auditOf(id);
		PageActions.run(flash, Boolean.TRUE.equals(accept) ? "finance.audit.flash.accepted" : "finance.audit.flash.returned",
				() -> findings.decide(id, accept, comment));
		return back(audit) + "#finding-" + id;
	}

	@GetMapping("/finance/findings/{id}/evidence/{fileId}")
	ResponseEntity<Resource> evidence(@PathVariable long id, @PathVariable long fileId) {
		return FileResponses.attachment(queries.evidence(id, fileId));
	}

	@PostMapping("/finance/audits/{id}/close")
	String close(@PathVariable long id, @RequestParam(required = false) String conclusion, RedirectAttributes flash) {
		PageActions.run(flash, "finance.audit.flash.closed", () -> audits.close(id, conclusion));
		return back(id);
	}

	private static String back(long auditId) {
		return "redirect:/finance/audits/" + auditId;
	}

	private static Long number(String field, String text, Text what) {
		String t = TextInput.compact(text);
		if (t == null) {
			return null;
		}
		try {
			long n = Long.parseLong(t);
			if (field.equals("count") && (n < 1 || n > FundsAudits.MAX_SAMPLE)) {
				throw new InvalidValueException(field, Text.of("finance.audit.error.sample-count", FundsAudits.MAX_SAMPLE));
			}
			return n;
		}
		catch (NumberFormatException ex) {
			throw new InvalidValueException(field, Text.of("finance.audit.error.not-a-number", what, text.strip()));
		}
	}

	/** Entry numbers as typed in the page form, separated by commas (half or full width), 、 or spaces. */
	static List<Long> txnIdList(String text) {
		String t = TextInput.normalize(text);
		if (t == null) {
			return List.of();
		}
		List<Long> ids = new ArrayList<>();
		for (String part : t.split("[,，、;；\\s]+")) {
			if (part.isEmpty()) {
				continue;
			}
			try {
				ids.add(Long.valueOf(part));
			}
			catch (NumberFormatException ex) {
				throw new InvalidValueException("txnIds", Text.of("finance.audit.error.txn-ids", part));
			}
		}
		return ids;
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.BUSINESS));
	}
}
