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
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.organization.TargetOrgs;
import org.quntuan.platform.BusinessRuleException;
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
		boolean fixed = form.questionIds() != null;
		String tag = form.drawTag() == null || form.drawTag().isBlank() ? null : form.drawTag().strip();
		Map<QuestionType, Integer> draw = null;
		// the choice of paper is a rule (422), checked once the fields are well formed
		List<String> paperProblems = new ArrayList<>();
		if (fixed && form.draw() != null) {
			paperProblems.add("随机抽题（draw）和固定试卷（questionIds）只能选择其一");
		}
		else if (fixed) {
			paperShape(form.questionIds(), tag, paperProblems);
		}
		else if (form.draw() == null) {
			paperProblems.add("请选择试卷方式：随机抽题填写各题型抽题数 draw，固定试卷填写题目编号 questionIds");
		}
		else {
			draw = draw(form.draw(), problems);
			if (tag != null && tag.length() > QuestionImportCheck.MAX_TAG) {
				problems.add(new InvalidValueException.Problem("drawTag", "标签不能超过 " + QuestionImportCheck.MAX_TAG + " 个字"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidValueException(problems);
		}
		if (!paperProblems.isEmpty()) {
			throw new BusinessRuleException(String.join("；", paperProblems));
		}
		QuestionBankRepository.BankRef bank = banks.find(form.bankId())
			.filter(b -> access.administers(user, b.ownerPath()))
			.orElseThrow(() -> new InvalidValueException("bankId", "题库不存在或不在您的管理范围内"));
		if (fixed) {
			draw = paper(bank, form.questionIds());
		}
		else {
			for (Map.Entry<QuestionType, Integer> e : draw.entrySet()) {
				int available = e.getValue() == 0 ? 0 : quizzes.questionIds(bank.id(), e.getKey(), tag).size();
				if (available < e.getValue()) {
					throw new NotEnoughQuestions(bank.name(), e.getKey(), tag, available, e.getValue(),
							"，请减少抽题数或先补充题目");
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
		String paper = fixed ? "固定试卷 " + form.questionIds().size() + " 题"
				: "随机抽题" + (tag == null ? "" : "，标签“" + tag + "”");
		audit.record(AuditType.CREATE, "QUIZ", id, AuditLog.SUCCESS,
				"新建知识竞赛：" + title + "（题库「" + bank.name() + "」，" + paper + "）", bank.ownerPath());
		return id;
	}

	/** The form of a fixed paper's list: at least one question, at most {@link #MAX_QUESTIONS}, none twice, no tag. */
	private static void paperShape(List<Long> ids, String tag, List<String> problems) {
		if (ids.isEmpty()) {
			problems.add("固定试卷请至少选择一道题");
		}
		else if (ids.size() > MAX_QUESTIONS) {
			problems.add("固定试卷最多 " + MAX_QUESTIONS + " 道题");
		}
		else if (ids.contains(null)) {
			problems.add("题目编号不能为空");
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
				problems.add("题目重复：" + joined(twice));
			}
		}
		if (tag != null) {
			problems.add("固定试卷不按标签抽题，请不要填写 drawTag");
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
		List<String> problems = new ArrayList<>();
		if (!unknown.isEmpty()) {
			problems.add("题目不存在：" + joined(unknown));
		}
		if (!foreign.isEmpty()) {
			problems.add("题目不属于题库「" + bank.name() + "」：" + joined(foreign));
		}
		if (!problems.isEmpty()) {
			throw new BusinessRuleException("固定试卷有误：" + String.join("；", problems));
		}
		return counts;
	}

	private static String joined(Set<Long> ids) {
		return ids.stream().map(String::valueOf).collect(Collectors.joining("、"));
	}

	private static Map<QuestionType, Integer> draw(Map<String, Integer> given, List<InvalidValueException.Problem> problems) {
		Map<QuestionType, Integer> draw = new EnumMap<>(QuestionType.class);
		for (QuestionType t : QuestionType.values()) {
			draw.put(t, 0);
		}
		if (given.isEmpty()) {
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
