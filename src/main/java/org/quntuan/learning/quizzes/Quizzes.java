package org.quntuan.learning.quizzes;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.json.JsonMapper;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.learning.LearningTexts;
import org.quntuan.organization.TargetOrgs;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.Text;
import org.quntuan.platform.TextInput;
import org.quntuan.platform.Texts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Setting up a competition: its bank, audience, window, time limit, attempts and the paper drawn per attempt. */
@Service
@Transactional
class Quizzes {

	static final int MAX_TIME_LIMIT = 24 * 3600;

	static final int MAX_ATTEMPTS = 100;

	static final int MAX_QUESTIONS = 200;

	private final QuizRepository quizzes;

	private final QuestionBankRepository banks;

	private final QuizAccess access;

	private final TargetOrgs targets;

	private final AuditLog audit;

	private final Clock clock;

	private final JsonMapper json;

	Quizzes(QuizRepository quizzes, QuestionBankRepository banks, QuizAccess access, TargetOrgs targets, AuditLog audit,
			Clock clock, JsonMapper json) {
		this.quizzes = quizzes;
		this.banks = banks;
		this.access = access;
		this.targets = targets;
		this.audit = audit;
		this.clock = clock;
		this.json = json;
	}

	long create(QuizForm form) {
		CurrentUser user = access.requireAdmin();
		List<InvalidValueException.Problem> problems = new ArrayList<>();
		String title = TextInput.name("title", form.title());
		if (title == null || title.length() > 200) {
			problems.add(new InvalidValueException.Problem("title", "quiz.error.title"));
		}
		if (form.bankId() == null) {
			problems.add(new InvalidValueException.Problem("bankId", "quiz.error.bank-required"));
		}
		if (form.audience() == null) {
			problems.add(new InvalidValueException.Problem("audience", "quiz.error.audience-required"));
		}
		if (form.opensAt() == null || form.closesAt() == null) {
			problems.add(new InvalidValueException.Problem("opensAt", "quiz.error.times-required"));
		}
		else if (!form.closesAt().isAfter(form.opensAt())) {
			problems.add(new InvalidValueException.Problem("closesAt", "quiz.error.closes-before-opens"));
		}
		if (form.timeLimitSeconds() == null || form.timeLimitSeconds() < 10 || form.timeLimitSeconds() > MAX_TIME_LIMIT) {
			problems.add(new InvalidValueException.Problem("timeLimitSeconds", "quiz.error.time-limit"));
		}
		if (form.attemptsAllowed() == null || form.attemptsAllowed() < 1 || form.attemptsAllowed() > MAX_ATTEMPTS) {
			problems.add(new InvalidValueException.Problem("attemptsAllowed", Text.of("quiz.error.attempts-range", MAX_ATTEMPTS)));
		}
		boolean fixed = form.questionIds() != null;
		String tag = form.drawTag() == null || form.drawTag().isBlank() ? null : form.drawTag().strip();
		Map<QuestionType, Integer> draw = null;
		// the choice of paper is a rule (422), checked once the fields are well formed
		List<Text> paperProblems = new ArrayList<>();
		if (fixed && form.draw() != null) {
			paperProblems.add(Text.of("quiz.error.paper-both"));
		}
		else if (fixed) {
			paperShape(form.questionIds(), tag, paperProblems);
		}
		else if (form.draw() == null) {
			paperProblems.add(Text.of("quiz.error.paper-none"));
		}
		else {
			draw = draw(form.draw(), problems);
			if (tag != null && tag.length() > QuestionImportCheck.MAX_TAG) {
				problems.add(new InvalidValueException.Problem("drawTag", Text.of("quiz.error.draw-tag-too-long", QuestionImportCheck.MAX_TAG)));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidValueException(problems);
		}
		if (!paperProblems.isEmpty()) {
			throw new BusinessRuleException(LearningTexts.sentences(paperProblems));
		}
		QuestionBankRepository.BankRef bank = banks.find(form.bankId())
			.filter(b -> access.administers(user, b.ownerPath()))
			.orElseThrow(() -> new InvalidValueException("bankId", "quiz.error.bank-unknown"));
		if (fixed) {
			draw = paper(bank, form.questionIds());
		}
		else {
			for (Map.Entry<QuestionType, Integer> e : draw.entrySet()) {
				int available = e.getValue() == 0 ? 0 : quizzes.questionIds(bank.id(), e.getKey(), tag).size();
				if (available < e.getValue()) {
					throw new NotEnoughQuestions(bank.name(), e.getKey(), tag, available, e.getValue(),
							"quiz.error.not-enough.reduce");
				}
			}
		}
		List<QuizRepository.AudienceRoot> audience = targets.roots(form.audience()).stream()
			.map(o -> new QuizRepository.AudienceRoot(o.id(), o.path(), o.type().isMassOrganization() ? o.organId() : null))
			.toList();
		long id = quizzes.insert(title, bank.id(), bank.ownerOrgId(), json.writeValueAsString(form.audience()),
				form.opensAt(), form.closesAt(), form.timeLimitSeconds(), form.attemptsAllowed(), draw, fixed ? null : tag,
				fixed, user.accountId(), OffsetDateTime.now(clock));
		quizzes.insertAudience(id, audience);
		if (fixed) {
			quizzes.insertPaper(id, form.questionIds());
		}
		String paper = fixed ? Texts.chinese("quiz.audit.paper.fixed", form.questionIds().size())
				: tag == null ? Texts.chinese("quiz.audit.paper.draw") : Texts.chinese("quiz.audit.paper.draw-tag", tag);
		audit.record(AuditType.CREATE, "QUIZ", id, AuditLog.SUCCESS,
				Texts.chinese("quiz.audit.created", title, bank.name(), paper), bank.ownerPath());
		return id;
	}

	/** The form of a fixed paper's list: at least one question, at most {@link #MAX_QUESTIONS}, none twice, no tag. */
	private static void paperShape(List<Long> ids, String tag, List<Text> problems) {
		if (ids.isEmpty()) {
			problems.add(Text.of("quiz.error.paper-empty"));
		}
		else if (ids.size() > MAX_QUESTIONS) {
			problems.add(Text.of("quiz.error.paper-too-long", MAX_QUESTIONS));
		}
		else if (ids.contains(null)) {
			problems.add(Text.of("quiz.error.paper-blank-id"));
		}
		else {
			Set<Long> seen = new HashSet<>();
			Set<Long> twice = new TreeSet<>();
			for (Long id : ids) {
				if (!seen.add(id)) {
					twice.add(id);
				}
			}
			if (!twice.isEmpty()) {
				problems.add(Text.of("quiz.error.paper-twice", LearningTexts.list(twice)));
			}
		}
		if (tag != null) {
			problems.add(Text.of("quiz.error.paper-tag"));
		}
	}

	/** Checks that every listed question is one of the bank's; the paper's questions counted by type. */
	private Map<QuestionType, Integer> paper(QuestionBankRepository.BankRef bank, List<Long> ids) {
		Map<Long, QuizRepository.QuestionRef> refs = quizzes.questionRefs(ids);
		Set<Long> unknown = new TreeSet<>();
		Set<Long> foreign = new TreeSet<>();
		Map<QuestionType, Integer> counts = new EnumMap<>(QuestionType.class);
		for (QuestionType t : QuestionType.values()) {
			counts.put(t, 0);
		}
		for (long id : ids) {
			QuizRepository.QuestionRef ref = refs.get(id);
			if (ref == null) {
				unknown.add(id);
			}
			else if (ref.bankId() != bank.id()) {
				foreign.add(id);
			}
			else {
				counts.merge(ref.type(), 1, Integer::sum);
			}
		}
		List<Text> problems = new ArrayList<>();
		if (!unknown.isEmpty()) {
			problems.add(Text.of("quiz.error.paper-unknown", LearningTexts.list(unknown)));
		}
		if (!foreign.isEmpty()) {
			problems.add(Text.of("quiz.error.paper-foreign", bank.name(), LearningTexts.list(foreign)));
		}
		if (!problems.isEmpty()) {
			throw new BusinessRuleException("quiz.error.paper-invalid", LearningTexts.sentences(problems));
		}
		return counts;
	}

	private static Map<QuestionType, Integer> draw(Map<String, Integer> given, List<InvalidValueException.Problem> problems) {
		Map<QuestionType, Integer> draw = new EnumMap<>(QuestionType.class);
		for (QuestionType t : QuestionType.values()) {
			draw.put(t, 0);
		}
		if (given.isEmpty()) {
			problems.add(new InvalidValueException.Problem("draw", "quiz.error.draw-required"));
			return draw;
		}
		for (Map.Entry<String, Integer> e : given.entrySet()) {
			QuestionType type = null;
			for (QuestionType t : QuestionType.values()) {
				if (t.name().equalsIgnoreCase(e.getKey()) || t.label().equals(e.getKey())) {
					type = t;
				}
			}
			if (type == null) {
				problems.add(new InvalidValueException.Problem("draw", Text.of("quiz.error.draw-type", e.getKey())));
			}
			else if (e.getValue() == null || e.getValue() < 0 || e.getValue() > MAX_QUESTIONS) {
				problems.add(new InvalidValueException.Problem("draw", Text.of("quiz.error.draw-count", type, MAX_QUESTIONS)));
			}
			else {
				draw.put(type, e.getValue());
			}
		}
		int total = draw.values().stream().mapToInt(Integer::intValue).sum();
		if (problems.isEmpty() && (total < 1 || total > MAX_QUESTIONS)) {
			problems.add(new InvalidValueException.Problem("draw", Text.of("quiz.error.draw-total", MAX_QUESTIONS)));
		}
		return draw;
	}
}
