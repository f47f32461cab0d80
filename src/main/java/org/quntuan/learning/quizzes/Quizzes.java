package org.quntuan.learning.quizzes;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.organization.TargetOrgs;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.TextInput;
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
			problems.add(new InvalidValueException.Problem("title", "请填写竞赛名称（最多 200 个字）"));
		}
		if (form.bankId() == null) {
			problems.add(new InvalidValueException.Problem("bankId", "请选择题库"));
		}
		if (form.audience() == null) {
			problems.add(new InvalidValueException.Problem("audience", "请选择参赛对象"));
		}
		if (form.opensAt() == null || form.closesAt() == null) {
			problems.add(new InvalidValueException.Problem("opensAt", "请填写开始和结束时间"));
		}
		else if (!form.closesAt().isAfter(form.opensAt())) {
			problems.add(new InvalidValueException.Problem("closesAt", "结束时间须晚于开始时间"));
		}
		if (form.timeLimitSeconds() == null || form.timeLimitSeconds() < 10 || form.timeLimitSeconds() > MAX_TIME_LIMIT) {
			problems.add(new InvalidValueException.Problem("timeLimitSeconds", "每次答题限时须在 10 秒至 24 小时之间"));
		}
		if (form.attemptsAllowed() == null || form.attemptsAllowed() < 1 || form.attemptsAllowed() > MAX_ATTEMPTS) {
			problems.add(new InvalidValueException.Problem("attemptsAllowed", "每人答题次数须在 1 至 " + MAX_ATTEMPTS + " 次之间"));
		}
		Map<QuestionType, Integer> draw = draw(form.draw(), problems);
		if (!problems.isEmpty()) {
			throw new InvalidValueException(problems);
		}
		QuestionBankRepository.BankRef bank = banks.find(form.bankId())
			.filter(b -> access.administers(user, b.ownerPath()))
			.orElseThrow(() -> new InvalidValueException("bankId", "题库不存在或不在您的管理范围内"));
		Map<QuestionType, Integer> available = banks.counts(bank.id());
		for (Map.Entry<QuestionType, Integer> e : draw.entrySet()) {
			if (available.get(e.getKey()) < e.getValue()) {
				throw new InvalidValueException("draw", "题库「" + bank.name() + "」中只有 " + available.get(e.getKey()) + " 道"
						+ e.getKey().label() + "题，不够每次抽取 " + e.getValue() + " 道");
			}
		}
		List<QuizRepository.AudienceRoot> audience = targets.roots(form.audience()).stream()
			.map(o -> new QuizRepository.AudienceRoot(o.id(), o.path(), o.type().isMassOrganization() ? o.organId() : null))
			.toList();
		long id = quizzes.insert(title, bank.id(), bank.ownerOrgId(), json.writeValueAsString(form.audience()),
				form.opensAt(), form.closesAt(), form.timeLimitSeconds(), form.attemptsAllowed(), draw, user.accountId(),
				OffsetDateTime.now(clock));
		quizzes.insertAudience(id, audience);
		audit.record(AuditType.CREATE, "QUIZ", id, AuditLog.SUCCESS, "新建知识竞赛：" + title + "（题库「" + bank.name() + "」）",
				bank.ownerPath());
		return id;
	}

	private static Map<QuestionType, Integer> draw(Map<String, Integer> given, List<InvalidValueException.Problem> problems) {
		Map<QuestionType, Integer> draw = new EnumMap<>(QuestionType.class);
		for (QuestionType t : QuestionType.values()) {
			draw.put(t, 0);
		}
		if (given == null || given.isEmpty()) {
			problems.add(new InvalidValueException.Problem("draw", "请填写每次抽取的题数，如 {\"SINGLE\": 10}"));
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
				problems.add(new InvalidValueException.Problem("draw", "题型“" + e.getKey() + "”无效，须为 SINGLE、MULTIPLE 或 TRUE_FALSE"));
			}
			else if (e.getValue() == null || e.getValue() < 0 || e.getValue() > MAX_QUESTIONS) {
				problems.add(new InvalidValueException.Problem("draw", type.label() + "题的抽取题数须在 0 至 " + MAX_QUESTIONS + " 之间"));
			}
			else {
				draw.put(type, e.getValue());
			}
		}
		int total = draw.values().stream().mapToInt(Integer::intValue).sum();
		if (problems.isEmpty() && (total < 1 || total > MAX_QUESTIONS)) {
			problems.add(new InvalidValueException.Problem("draw", "每次答题的题数须在 1 至 " + MAX_QUESTIONS + " 之间"));
		}
		return draw;
	}
}
