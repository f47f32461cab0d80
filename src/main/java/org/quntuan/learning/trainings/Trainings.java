package org.quntuan.learning.trainings;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.identity.PersonAccounts;
import org.quntuan.identity.RoleHolders;
import org.quntuan.learning.CompetitionFigures;
import org.quntuan.notification.Channel;
import org.quntuan.notification.NotificationRequest;
import org.quntuan.notification.Notifications;
import org.quntuan.organization.LeadershipHolders;
import org.quntuan.organization.OrgType;
import org.quntuan.organization.TargetOrgs;
import org.quntuan.organization.Targets;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.Coded;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.Role;
import org.quntuan.platform.ScopeGrant;
import org.quntuan.platform.SignedTokens;
import org.quntuan.platform.SqlCondition;
import org.quntuan.platform.TextInput;
import org.quntuan.platform.Zones;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Training classes (培训班): set up by an organizer with sessions and a quota, nominated by org admins
 * within the quota, confirmed by the organizer (the trainees are notified), attended by QR check-in per
 * session, and finished: those who attended enough sessions and passed the exam, if any, get a
 * numbered certificate.
 */
@Service
@Transactional
public class Trainings {

	static final int MAX_SESSIONS = 100;

	static final String OWNER = "LEARNING_TRAINING";

	/** The certificate's verification code, the key of its public page: 16 characters, 80 bits. */
	static final int CODE_LENGTH = 16;

	/** A session's check-in opens this long before it starts and stays open this long after it ends. */
	static final Duration CHECK_IN_MARGIN = Duration.ofHours(1);

	private final TrainingRepository trainings;

	private final TrainingAccess access;

	private final TargetOrgs targetOrgs;

	private final LeadershipHolders leaders;

	private final RoleHolders roles;

	private final CompetitionFigures competitions;

	private final PersonAccounts accounts;

	private final Notifications notifications;

	private final AuditLog audit;

	private final JsonMapper json;

	private final Clock clock;

	private final Duration tokenLifetime;

	Trainings(TrainingRepository trainings, TrainingAccess access, TargetOrgs targetOrgs, LeadershipHolders leaders,
			RoleHolders roles, CompetitionFigures competitions, PersonAccounts accounts, Notifications notifications,
			AuditLog audit, JsonMapper json, Clock clock,
			@Value("${quntuan.activity.check-in-token-lifetime:PT10M}") Duration tokenLifetime) {
		this.trainings = trainings;
		this.access = access;
		this.targetOrgs = targetOrgs;
		this.leaders = leaders;
		this.roles = roles;
		this.competitions = competitions;
		this.accounts = accounts;
		this.notifications = notifications;
		this.audit = audit;
		this.json = json;
		this.clock = clock;
		this.tokenLifetime = tokenLifetime;
	}

	Duration tokenLifetime() {
		return tokenLifetime;
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
	}

	/** Creates the class in the name of the caller's widest admin grant; its audience is fixed now. */
	public long create(TrainingRequest r) {
		CurrentUser user = access.current();
		if (!user.scope().isAdmin()) {
			throw new ForbiddenException("只有工委或组织管理员可以举办培训班");
		}
		List<InvalidValueException.Problem> problems = new ArrayList<>();
		String title = name("title", r.title(), problems);
		if (title != null && title.isEmpty()) {
			title = null;
		}
		else if (title == null || title.length() > 200) {
			problems.add(new InvalidValueException.Problem("title", "请填写培训班名称（最多 200 个字）"));
		}
		String place = name("place", r.place(), problems);
		if (place != null && place.isEmpty()) {
			place = null;
		}
		else if (place == null || place.length() > 200) {
			problems.add(new InvalidValueException.Problem("place", "请填写培训地点（最多 200 个字）"));
		}
		String description = r.description() == null || r.description().isBlank() ? null : r.description().strip();
		if (description != null && description.length() > 2000) {
			problems.add(new InvalidValueException.Problem("description", "培训说明不能超过 2000 个字"));
		}
		if (r.startsOn() == null || r.endsOn() == null) {
			problems.add(new InvalidValueException.Problem("startsOn", "请填写培训开始和结束日期"));
		}
		else if (r.endsOn().isBefore(r.startsOn())) {
			problems.add(new InvalidValueException.Problem("endsOn", "结束日期不能早于开始日期"));
		}
		AudienceRule rule = parse(AudienceRule.class, "audienceRule", r.audienceRule(), AudienceRule.ANYONE, problems);
		QuotaUnit unit = parse(QuotaUnit.class, "quotaUnit", r.quotaUnit(), QuotaUnit.ORGAN, problems);
		if (r.quotaPerUnit() == null || r.quotaPerUnit() < 1 || r.quotaPerUnit() > 1000) {
			problems.add(new InvalidValueException.Problem("quotaPerUnit", "名额须在 1 至 1000 人之间"));
		}
		int share = r.attendancePercent() == null ? 80 : r.attendancePercent();
		if (share < 0 || share > 100) {
			problems.add(new InvalidValueException.Problem("attendancePercent", "结业出勤比例须在 0 至 100 之间"));
		}
		if (r.examQuizId() != null && (r.examPassScore() == null || r.examPassScore() < 0)) {
			problems.add(new InvalidValueException.Problem("examPassScore", "设置结业考试时请填写合格分数"));
		}
		List<SessionForm> forms = new ArrayList<>();
		List<TrainingRequest.Session> sessions = r.sessions() == null ? List.of() : r.sessions();
		for (int i = 0; i < sessions.size(); i++) {
			forms.add(checkSession(sessions.get(i), "sessions[" + i + "].", r.startsOn(), r.endsOn(), problems));
		}
		if (!problems.isEmpty()) {
			throw new InvalidValueException(problems);
		}
		if (r.examQuizId() != null) {
			CompetitionFigures.Exam exam = competitions.exam(r.examQuizId())
				.filter(e -> user.scope().adminGrants().stream().anyMatch(g -> e.ownerOrgPath().startsWith(g.orgPath())))
				.orElseThrow(() -> new InvalidValueException("examQuizId", "所选结业考试（知识竞赛）不存在或不在您的管理范围内"));
			if (exam.closesAt().atZoneSameInstant(Zones.BUSINESS).toLocalDate().isBefore(r.startsOn())) {
				throw new BusinessRuleException("结业考试「" + exam.title() + "」在培训开始前已结束，请另选一场竞赛");
			}
		}
		Targets targets = r.targets() == null ? Targets.everyone() : r.targets();
		List<TrainingRepository.AudienceRoot> audience = targetOrgs.roots(targets).stream()
			.map(o -> new TrainingRepository.AudienceRoot(o.id(), o.path(),
					o.type().isMassOrganization() ? o.organId() : null))
			.toList();
		if (audience.isEmpty()) {
			throw new InvalidValueException("targets", "所选范围内没有可参训的组织");
		}
		// the class belongs to a grant that covers its whole audience, so its organizers see only their own people
		ScopeGrant owner = user.scope().adminGrants().stream()
			.filter(g -> audience.stream().allMatch(root -> root.orgPath().startsWith(g.orgPath())))
			.min(Comparator.comparingInt((ScopeGrant g) -> g.orgPath().length()))
			.orElseThrow(() -> new BusinessRuleException("参训范围须在您的一个管理范围之内，请缩小参训范围"));
		OffsetDateTime now = now();
		long id = trainings.insert(new TrainingRepository.TrainingRow(0, title, description, place, r.startsOn(), r.endsOn(),
				rule, unit, r.quotaPerUnit(), share, r.examQuizId(), r.examQuizId() == null ? null : r.examPassScore(),
				TrainingStatus.NOMINATING, owner.orgId(), owner.orgName(), owner.orgPath(), user.displayName(), now, null, null),
				json.writeValueAsString(targets), user.accountId());
		trainings.insertAudience(id, audience);
		for (int i = 0; i < sessions.size(); i++) {
			trainings.insertSession(id, sessions.get(i), forms.get(i), SignedTokens.newSecret());
		}
		audit.record(AuditType.CREATE, OWNER, id, AuditLog.SUCCESS, "举办培训班：" + title + "，" + r.startsOn() + " 至 "
				+ r.endsOn() + "，" + unit.label() + "名额 " + r.quotaPerUnit() + " 人，" + sessions.size() + " 次课",
				owner.orgPath());
		return id;
	}

	/** Adds a session to a class not yet finished. */
	public long addSession(long trainingId, TrainingRequest.Session s) {
		TrainingRepository.TrainingRow t = access.organized(trainingId);
		if (t.status() == TrainingStatus.FINISHED) {
			throw new BusinessRuleException("培训班已结业，不能再增加课程");
		}
		if (trainings.sessions(trainingId).size() >= MAX_SESSIONS) {
			throw new BusinessRuleException("一个培训班最多安排 " + MAX_SESSIONS + " 次课");
		}
		List<InvalidValueException.Problem> problems = new ArrayList<>();
		SessionForm form = checkSession(s, "", t.startsOn(), t.endsOn(), problems);
		if (!problems.isEmpty()) {
			throw new InvalidValueException(problems);
		}
		long id = trainings.insertSession(trainingId, s, form, SignedTokens.newSecret());
		audit.record(AuditType.CREATE, OWNER, trainingId, AuditLog.SUCCESS, "培训班「" + t.title() + "」增加课程："
				+ s.topic().strip() + "（" + s.teacher().strip() + "，" + form.label() + "）", t.ownerOrgPath());
		return id;
	}

	/**
	 * Nominates a person the caller administers, within the quota of the person's organ or 片组. The class
	 * is locked first, so two admins filling the last place at once cannot both get it.
	 */
	public long nominate(long trainingId, Long personId) {
		CurrentUser user = access.current();
		if (!user.scope().isAdmin()) {
			throw new ForbiddenException("只有组织管理员可以推荐参训人员");
		}
		access.visible(user, trainingId);
		if (personId == null) {
			throw new InvalidValueException("personId", "请选择参训人员");
		}
		TrainingRepository.TrainingRow t = trainings.lock(trainingId).orElseThrow(NotFoundException::new);
		if (t.status() != TrainingStatus.NOMINATING) {
			throw new BusinessRuleException("培训班「" + t.title() + "」的名单已确认，不能再推荐参训人员");
		}
		TrainingRepository.Nominee n = trainings.nominee(personId).filter(TrainingRepository.Nominee::active)
			.orElseThrow(() -> new InvalidValueException("personId", "所选人员不存在或已离职"));
		if (!trainings.personMatches(personId, access.administeredPeople())) {
			throw new ForbiddenException("「" + n.name() + "」不在您的管理范围内，不能推荐");
		}
		boolean inAudience = trainings.audience(trainingId).stream()
			.anyMatch(root -> n.organPath().startsWith(root.orgPath())
					|| root.memberOrganId() != null && root.memberOrganId() == n.organId());
		if (!inAudience) {
			throw new BusinessRuleException("「" + n.name() + "」所在的" + n.organName() + "不在本培训班的参训范围内");
		}
		switch (t.audienceRule()) {
			case WOMEN_HEADS -> {
				if (!leaders.heads(personId, OrgType.WOMEN)) {
					throw new BusinessRuleException("本培训班面向妇委会（女工委）负责人，「" + n.name() + "」不是现任妇委会主任或副主任");
				}
			}
			case FINANCE_OFFICERS -> {
				if (!roles.personHolds(personId, Role.FINANCE_OFFICER)) {
					throw new BusinessRuleException("本培训班面向财务人员，「" + n.name() + "」的账号没有财务人员角色");
				}
			}
			case ANYONE -> {
			}
		}
		if (trainings.trainee(trainingId, personId).isPresent()) {
			throw new BusinessRuleException("「" + n.name() + "」已在本培训班名单中");
		}
		long unitId = t.quotaUnit() == QuotaUnit.ORGAN ? n.organId()
				: trainings.groupOf(n.organPath())
					.orElseThrow(() -> new BusinessRuleException("「" + n.organName() + "」不属于任何片组，无法按片组计算名额"));
		int taken = trainings.countInUnit(trainingId, unitId);
		if (taken >= t.quotaPerUnit()) {
			throw new BusinessRuleException("名额已满：" + trainings.orgName(unitId) + "的名额为 " + t.quotaPerUnit()
					+ " 人，已推荐 " + taken + " 人");
		}
		long id = trainings.insertTrainee(trainingId, n, unitId, user.accountId(), user.displayName(), now());
		audit.record(AuditType.CREATE, OWNER, trainingId, AuditLog.SUCCESS, "推荐参训：" + n.name() + "（" + n.organName()
				+ "）参加「" + t.title() + "」", n.organPath());
		return id;
	}

	/** Takes a nomination back while the list is open: its nominating admins or the organizers. */
	public void withdraw(long trainingId, long traineeId) {
		CurrentUser user = access.current();
		access.visible(user, trainingId);
		TrainingRepository.TrainingRow t = trainings.lock(trainingId).orElseThrow(NotFoundException::new);
		TrainingRepository.TraineeRow tr = trainings.trainees(trainingId, access.rosterScope(user, t)).stream()
			.filter(x -> x.id() == traineeId).findFirst().orElseThrow(NotFoundException::new);
		if (t.status() != TrainingStatus.NOMINATING) {
			throw new BusinessRuleException("名单已确认，不能再撤回推荐");
		}
		trainings.deleteTrainee(traineeId);
		audit.record(AuditType.WITHDRAW, OWNER, trainingId, AuditLog.SUCCESS, "撤回参训推荐：" + tr.name() + "（"
				+ tr.organName() + "），培训班「" + t.title() + "」", t.ownerOrgPath());
	}

	/** The organizer confirms the list: nominations close and every trainee is notified with the schedule. */
	public int confirm(long trainingId) {
		access.organized(trainingId);
		TrainingRepository.TrainingRow t = trainings.lock(trainingId).orElseThrow(NotFoundException::new);
		if (t.status() != TrainingStatus.NOMINATING) {
			throw new BusinessRuleException("名单已确认过了");
		}
		if (trainings.sessions(trainingId).isEmpty()) {
			throw new BusinessRuleException("请先安排课程，再确认名单");
		}
		List<TrainingRepository.TraineeRow> list = trainings.trainees(trainingId, SqlCondition.ALL);
		if (list.isEmpty()) {
			throw new BusinessRuleException("还没有推荐参训人员，不能确认名单");
		}
		trainings.setStatus(trainingId, TrainingStatus.CONFIRMED, now());
		Map<Long, Long> recipients = accounts.accountsOf(list.stream().map(TrainingRepository.TraineeRow::personId).toList());
		if (!recipients.isEmpty()) {
			notifications.send(NotificationRequest.of("learning-training-" + trainingId + "-confirmed",
					"learning-training-confirmed", recipients.values(), t.title(), t.startsOn().toString(),
					t.endsOn().toString(), t.place())
				.withLink("/learning/trainings/" + trainingId)
				.via(Channel.INBOX, Channel.SMS));
		}
		audit.record(AuditType.DECIDE, OWNER, trainingId, AuditLog.SUCCESS, "确认培训班「" + t.title() + "」参训名单，共 "
				+ list.size() + " 人", t.ownerOrgPath());
		return list.size();
	}

	/** A trainee's own check-in from the session's QR code. */
	public void checkIn(long sessionId, String token) {
		CurrentUser user = access.current();
		TrainingRepository.SessionRow s = trainings.findSession(sessionId).orElseThrow(NotFoundException::new);
		OffsetDateTime now = now();
		switch (SignedTokens.verify("training-session-" + s.id(), s.checkinSecret(), token, now)) {
			case FORGED -> throw new InvalidValueException("token", "签到二维码无效，请扫描培训现场的签到二维码");
			case EXPIRED -> throw new BusinessRuleException("签到二维码已过期，请扫描现场最新的签到二维码");
			case VALID -> {
			}
		}
		// under the class's lock: a check-in and the class's end (or a double tap) cannot interleave
		TrainingRepository.TrainingRow t = trainings.lock(s.trainingId()).orElseThrow(NotFoundException::new);
		TrainingRepository.TraineeRow tr = user.personId() == null ? null
				: trainings.trainee(t.id(), user.personId()).orElse(null);
		if (tr == null) {
			throw new BusinessRuleException("您不在培训班「" + t.title() + "」的学员名单中");
		}
		if (t.status() != TrainingStatus.CONFIRMED) {
			throw new BusinessRuleException(t.status() == TrainingStatus.FINISHED ? "培训班已结业，签到已关闭"
					: "培训班名单尚未确认，暂不能签到");
		}
		if (now.isBefore(s.startsAt().minus(CHECK_IN_MARGIN)) || now.isAfter(s.endsAt().plus(CHECK_IN_MARGIN))) {
			throw new BusinessRuleException("不在本次课的签到时间内（开课前 1 小时至下课后 1 小时）");
		}
		if (trainings.checkIn(s.id(), tr.id(), now)) {
			audit.record(AuditType.CREATE, OWNER, t.id(), AuditLog.SUCCESS, "培训签到：" + tr.name() + "，「" + t.title()
					+ "」" + s.topic(), t.ownerOrgPath());
		}
	}

	/** The organizer corrects one trainee's attendance at one session, with the reason (in the audit log). */
	public void correctAttendance(long trainingId, long sessionId, long traineeId, Boolean present, String reason) {
		access.organized(trainingId);
		TrainingRepository.TrainingRow t = trainings.lock(trainingId).orElseThrow(NotFoundException::new);
		if (t.status() != TrainingStatus.CONFIRMED) {
			throw new BusinessRuleException(t.status() == TrainingStatus.FINISHED ? "培训班已结业，不能再修改考勤"
					: "名单确认后才能修改考勤");
		}
		if (present == null) {
			throw new InvalidValueException("present", "请选择出勤（true）或缺勤（false）");
		}
		String why = reason == null ? "" : reason.strip();
		if (why.isEmpty() || why.length() > 500) {
			throw new InvalidValueException("reason", "请填写修改考勤的原因（最多 500 个字）");
		}
		TrainingRepository.SessionRow s = trainings.findSession(sessionId).filter(x -> x.trainingId() == trainingId)
			.orElseThrow(() -> new InvalidValueException("sessionId", "本培训班没有这次课"));
		TrainingRepository.TraineeRow tr = trainings.traineeById(traineeId)
			.filter(x -> trainings.trainee(trainingId, x.personId()).map(y -> y.id() == traineeId).orElse(false))
			.orElseThrow(() -> new InvalidValueException("traineeId", "该学员不在本培训班名单中"));
		boolean was = trainings.attendance(sessionId, traineeId).isPresent();
		if (was == present) {
			return;
		}
		if (present) {
			trainings.markPresent(sessionId, traineeId, why, now());
		}
		else {
			trainings.markAbsent(sessionId, traineeId);
		}
		audit.record(AuditType.UPDATE, OWNER, trainingId, AuditLog.SUCCESS, "修改考勤：" + tr.name() + "，「" + s.topic()
				+ "」由" + (was ? "出勤" : "缺勤") + "改为" + (present ? "出勤" : "缺勤") + "，原因：" + why, t.ownerOrgPath());
	}

	/** The outcome of finishing a class. */
	public record Finish(int trainees, int completed) {
	}

	/**
	 * Finishes the class once its last session is over (and its exam closed): a trainee completes with
	 * attendance at the class's share of sessions and, if there is an exam, a best score at the pass
	 * mark; each one who completes gets a numbered certificate.
	 */
	public Finish finish(long trainingId) {
		access.organized(trainingId);
		TrainingRepository.TrainingRow t = trainings.lock(trainingId).orElseThrow(NotFoundException::new);
		if (t.status() != TrainingStatus.CONFIRMED) {
			throw new BusinessRuleException(t.status() == TrainingStatus.FINISHED ? "培训班已结业" : "请先确认参训名单");
		}
		OffsetDateTime now = now();
		List<TrainingRepository.SessionRow> sessions = trainings.sessions(trainingId);
		OffsetDateTime last = sessions.stream().map(TrainingRepository.SessionRow::endsAt).max(Comparator.naturalOrder())
			.orElseThrow(() -> new BusinessRuleException("培训班还没有课程"));
		if (now.isBefore(last.plus(CHECK_IN_MARGIN))) {
			throw new BusinessRuleException("最后一次课结束 1 小时后（签到关闭后）才能结业");
		}
		List<TrainingRepository.TraineeRow> list = trainings.trainees(trainingId, SqlCondition.ALL);
		Map<Long, Integer> best = Map.of();
		if (t.examQuizId() != null) {
			CompetitionFigures.Exam exam = competitions.exam(t.examQuizId())
				.orElseThrow(() -> new BusinessRuleException("结业考试（知识竞赛）已不存在，无法判定结业"));
			if (now.isBefore(exam.closesAt())) {
				throw new BusinessRuleException("结业考试「" + exam.title() + "」尚未结束，结束后才能结业");
			}
			if (competitions.openAttempts(t.examQuizId()) > 0) {
				throw new BusinessRuleException("结业考试「" + exam.title() + "」还有未交卷的答卷，请稍后再结业");
			}
			best = competitions.bestScores(t.examQuizId(), list.stream().map(TrainingRepository.TraineeRow::personId).toList());
		}
		LocalDate today = LocalDate.now(clock.withZone(Zones.BUSINESS));
		int seq = trainings.certificateCount(trainingId);
		List<Long> done = new ArrayList<>();
		for (TrainingRepository.TraineeRow tr : list) {
			boolean attended = tr.attended() * 100L >= (long) t.attendancePercent() * sessions.size();
			boolean passed = t.examQuizId() == null || best.getOrDefault(tr.personId(), -1) >= t.examPassScore();
			boolean completed = attended && passed;
			trainings.setCompleted(tr.id(), completed);
			if (completed) {
				seq++;
				String number = String.format("%d-%04d-%03d", t.endsOn().getYear(), trainingId, seq);
				trainings.insertCertificate(trainingId, tr.personId(), number, SignedTokens.newCode(CODE_LENGTH), tr.name(), tr.organName(), today, now);
				done.add(tr.personId());
			}
		}
		trainings.setStatus(trainingId, TrainingStatus.FINISHED, now);
		Map<Long, Long> recipients = accounts.accountsOf(done);
		if (!recipients.isEmpty()) {
			notifications.send(NotificationRequest.of("learning-training-" + trainingId + "-certificate",
					"learning-training-certificate", recipients.values(), t.title())
				.withLink("/learning/trainings/" + trainingId));
		}
		audit.record(AuditType.DECIDE, OWNER, trainingId, AuditLog.SUCCESS, "培训班「" + t.title() + "」结业：学员 "
				+ list.size() + " 人，结业 " + done.size() + " 人，颁发证书 " + done.size() + " 份", t.ownerOrgPath());
		return new Finish(list.size(), done.size());
	}

	private static SessionForm checkSession(TrainingRequest.Session s, String prefix, LocalDate startsOn, LocalDate endsOn,
			List<InvalidValueException.Problem> problems) {
		if (s == null) {
			problems.add(new InvalidValueException.Problem(prefix + "startsAt", "课程信息不完整"));
			return SessionForm.LECTURE;
		}
		if (s.startsAt() == null || s.endsAt() == null) {
			problems.add(new InvalidValueException.Problem(prefix + "startsAt", "请填写上课的开始和结束时间"));
		}
		else if (!s.endsAt().isAfter(s.startsAt())) {
			problems.add(new InvalidValueException.Problem(prefix + "endsAt", "下课时间须晚于上课时间"));
		}
		else if (startsOn != null && endsOn != null) {
			LocalDate day = s.startsAt().atZoneSameInstant(Zones.BUSINESS).toLocalDate();
			if (day.isBefore(startsOn) || day.isAfter(endsOn)) {
				problems.add(new InvalidValueException.Problem(prefix + "startsAt", "上课日期须在培训日期（" + startsOn + " 至 "
						+ endsOn + "）之内"));
			}
		}
		for (String[] f : new String[][] { { "place", s.place(), "上课地点" }, { "topic", s.topic(), "课程主题" },
				{ "teacher", s.teacher(), "授课人" } }) {
			String problem = f[1] == null ? null : TextInput.nameProblem(f[1]);
			if (problem != null && !f[1].isBlank()) {
				problems.add(new InvalidValueException.Problem(prefix + f[0], problem));
			}
			else if (f[1] == null || f[1].isBlank() || f[1].strip().length() > (f[0].equals("teacher") ? 100 : 200)) {
				problems.add(new InvalidValueException.Problem(prefix + f[0], "请填写" + f[2] + "（最多 "
						+ (f[0].equals("teacher") ? 100 : 200) + " 个字）"));
			}
		}
		try {
			SessionForm form = Coded.parse(SessionForm.class, s.form());
			return form == null ? SessionForm.LECTURE : form;
		}
		catch (InvalidValueException ex) {
			problems.add(new InvalidValueException.Problem(prefix + "form", "授课形式须为专题讲座、现场教学、案例分析或拓展训练"));
			return SessionForm.LECTURE;
		}
	}

	/** A name as {@link TextInput#name} cleans it; null when it is blank or unusable (reported with the other fields). */
	private static String name(String field, String value, List<InvalidValueException.Problem> problems) {
		try {
			return TextInput.name(field, value);
		}
		catch (InvalidValueException ex) {
			problems.add(new InvalidValueException.Problem(field, ex.getMessage()));
			return "";
		}
	}

	private static <E extends Enum<E> & Coded> E parse(Class<E> type, String field, String value, E fallback,
			List<InvalidValueException.Problem> problems) {
		try {
			E e = Coded.parse(type, value);
			return e == null ? fallback : e;
		}
		catch (InvalidValueException ex) {
			problems.add(new InvalidValueException.Problem(field, "无效的取值：" + value));
			return fallback;
		}
	}
}
