package org.quntuan.learning.quizzes;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.quntuan.organization.OrganizationQueries;
import org.quntuan.organization.Targets;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.Text;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.quntuan.platform.excel.ExcelDownload;
import org.quntuan.platform.excel.ExcelFileException;
import org.quntuan.platform.web.PageActions;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The competition pages: the person's list, taking a competition (answers saved one by one from the
 * page, the countdown from the server's deadline), the result with the leaderboards, the review, and
 * for admins the banks with their import and a new competition.
 */
@Controller
class QuizPageController {

	private final QuizQueries queries;

	private final Quizzes quizzes;

	private final QuizAttempts attempts;

	private final QuestionBanks banks;

	private final LeaderboardExport export;

	private final OrganizationQueries orgs;

	private final MessageSource messages;

	QuizPageController(QuizQueries queries, Quizzes quizzes, QuizAttempts attempts, QuestionBanks banks,
			LeaderboardExport export, OrganizationQueries orgs, MessageSource messages) {
		this.queries = queries;
		this.quizzes = quizzes;
		this.attempts = attempts;
		this.banks = banks;
		this.export = export;
		this.orgs = orgs;
		this.messages = messages;
	}

	private String text(String key, Object... arguments) {
		return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
	}

	@GetMapping("/quizzes")
	String list(@RequestParam(required = false) Integer page, Model model) {
		model.addAttribute("quizzes", queries.list(PageRequest.of(page, 20)));
		return "quiz/list";
	}

	@GetMapping("/quizzes/{id}")
	String detail(@PathVariable long id, @RequestParam(defaultValue = "person") String by,
			@RequestParam(required = false) Integer page, Model model) {
		model.addAttribute("quiz", queries.detail(id));
		boolean byOrg = "org".equals(by);
		model.addAttribute("byOrg", byOrg);
		model.addAttribute("board", byOrg ? queries.byOrg(id, PageRequest.of(page, 20))
				: queries.byPerson(id, PageRequest.of(page, 20)));
		return "quiz/detail";
	}

	@PostMapping("/quizzes/{id}/start")
	String start(@PathVariable long id, RedirectAttributes flash) {
		long[] attempt = new long[1];
		boolean ok = PageActions.run(flash, text("quiz.started"), () -> {
			try {
				attempt[0] = attempts.start(id).attemptId();
			}
			catch (DuplicateKeyException raced) {
				attempt[0] = attempts.start(id).attemptId();
			}
		});
		return ok ? "redirect:/quizzes/attempts/" + attempt[0] : "redirect:/quizzes/" + id;
	}

	@GetMapping("/quizzes/attempts/{id}")
	String take(@PathVariable long id, Model model) {
		AttemptViews.Started attempt = queries.current(id);
		if (!queries.result(id).status().code().equals(AttemptStatus.OPEN.name())) {
			return "redirect:/quizzes/" + attempt.quizId();
		}
		model.addAttribute("attempt", attempt);
		model.addAttribute("graceSeconds", QuizAttempts.GRACE.toSeconds());
		return "quiz/take";
	}

	/** One answer from the page (choices as shown); answers 204, or 422 with the reason as plain text. */
	@PostMapping("/quizzes/attempts/{id}/answers/{questionId}")
	@ResponseBody
	ResponseEntity<String> answer(@PathVariable long id, @PathVariable long questionId,
			@RequestParam(name = "choices", required = false) List<String> choices) {
		try {
			attempts.answer(id, questionId, choices == null ? List.of() : choices);
			return ResponseEntity.noContent().build();
		}
		catch (BusinessRuleException | InvalidValueException ex) {
			return ResponseEntity.unprocessableContent().body(Texts.localized(ex));
		}
	}

	@PostMapping("/quizzes/attempts/{id}/submit")
	String submit(@PathVariable long id, RedirectAttributes flash) {
		QuizAttempts.Outcome outcome = attempts.submit(id);
		AttemptViews.Submitted r = outcome.result();
		if (outcome.late()) {
			flash.addFlashAttribute("error", text("quiz.submit.late", r.score(), r.maxScore()));
		}
		else {
			flash.addFlashAttribute("success", text("quiz.submit.done", r.score(), r.maxScore(), r.timeUsedSeconds()));
		}
		return "redirect:/quizzes/" + queries.current(id).quizId();
	}

	@GetMapping("/quizzes/attempts/{id}/review")
	String review(@PathVariable long id, Model model, RedirectAttributes flash) {
		try {
			model.addAttribute("review", queries.review(id));
		}
		catch (BusinessRuleException ex) {
			flash.addFlashAttribute("error", Texts.localized(ex));
			return "redirect:/quizzes/" + queries.current(id).quizId();
		}
		return "quiz/review";
	}

	@GetMapping("/quizzes/{id}/leaderboard/export")
	ResponseEntity<byte[]> exportBoard(@PathVariable long id, @RequestParam(defaultValue = "person") String by) {
		LeaderboardExport.File file = export.export(id, "org".equals(by));
		return ResponseEntity.ok().headers(ExcelDownload.headers(file.name())).body(file.bytes());
	}

	@GetMapping("/quizzes/manage")
	String manage(Model model) {
		model.addAttribute("banks", banks.list(new PageRequest(0, PageRequest.MAX_SIZE)));
		model.addAttribute("organs", orgs.administeredOrgans());
		return "quiz/manage";
	}

	@PostMapping("/quizzes/banks")
	String createBank(@RequestParam(required = false) String name, RedirectAttributes flash) {
		PageActions.run(flash, text("quiz.bank.created", name), () -> banks.create(name, null));
		return "redirect:/quizzes/manage";
	}

	@GetMapping("/quizzes/banks/template")
	ResponseEntity<byte[]> template() {
		return ResponseEntity.ok().headers(ExcelDownload.headers(QuestionTemplate.FILE_NAME)).body(banks.template());
	}

	@PostMapping("/quizzes/banks/{id}/import")
	String importBank(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(defaultValue = "false") boolean dryRun, RedirectAttributes flash) {
		try {
			QuestionImportCheck.Result result = banks.importFile(id, file, dryRun);
			if (result.ok()) {
				flash.addFlashAttribute("success", text(dryRun ? "quiz.import.checked" : "quiz.import.done", result.total()));
			}
			else {
				flash.addFlashAttribute("importErrors", result.errors().size() > 200 ? result.errors().subList(0, 200)
						: result.errors());
				flash.addFlashAttribute("error", text("quiz.import.failed", result.total(), result.invalidRows()));
			}
		}
		catch (BusinessRuleException | InvalidValueException | ExcelFileException ex) {
			flash.addFlashAttribute("error", Texts.localized(ex));
		}
		return "redirect:/quizzes/manage";
	}

	@PostMapping("/quizzes")
	String create(@RequestParam(required = false) String title, @RequestParam(required = false) Long bankId,
			@RequestParam(required = false) List<Long> orgIds, @RequestParam(required = false) String opensAt,
			@RequestParam(required = false) String closesAt, @RequestParam(required = false) Integer timeLimitMinutes,
			@RequestParam(required = false) Integer attemptsAllowed, @RequestParam(defaultValue = "DRAW") String paper,
			@RequestParam(required = false) Integer single, @RequestParam(required = false) Integer multiple,
			@RequestParam(required = false) Integer trueFalse, @RequestParam(required = false) String drawTag,
			@RequestParam(required = false) String questionIds, RedirectAttributes flash) {
		long[] created = new long[1];
		boolean ok = PageActions.run(flash, text("quiz.created", title), () -> {
			boolean fixed = "FIXED".equals(paper);
			Map<String, Integer> draw = null;
			if (!fixed) {
				draw = new LinkedHashMap<>();
				draw.put(QuestionType.SINGLE.name(), single == null ? 0 : single);
				draw.put(QuestionType.MULTIPLE.name(), multiple == null ? 0 : multiple);
				draw.put(QuestionType.TRUE_FALSE.name(), trueFalse == null ? 0 : trueFalse);
			}
			Targets audience = orgIds == null || orgIds.isEmpty() ? Targets.everyone() : Targets.orgs(orgIds);
			created[0] = quizzes.create(new QuizForm(title, bankId, audience, local("opensAt", opensAt),
					local("closesAt", closesAt), timeLimitMinutes == null ? null : timeLimitMinutes * 60, attemptsAllowed,
					draw, fixed ? ids(questionIds) : null, fixed ? null : drawTag));
		});
		return ok ? "redirect:/quizzes/" + created[0] : "redirect:/quizzes/manage";
	}

	/** Question numbers typed one a line or separated by commas or spaces. */
	private List<Long> ids(String value) {
		List<Long> ids = new ArrayList<>();
		if (value == null) {
			return ids;
		}
		for (String token : value.strip().split("[\\s,，、;；]+")) {
			if (token.isEmpty()) {
				continue;
			}
			try {
				ids.add(Long.valueOf(token));
			}
			catch (NumberFormatException ex) {
				throw new InvalidValueException("questionIds", Text.of("quiz.form.badQuestionId", token));
			}
		}
		return ids;
	}

	/** A datetime-local field, read in Beijing time. */
	private OffsetDateTime local(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(value).atZone(Zones.BUSINESS).toOffsetDateTime();
		}
		catch (DateTimeParseException ex) {
			throw new InvalidValueException(field, "quiz.form.badTime");
		}
	}
}
