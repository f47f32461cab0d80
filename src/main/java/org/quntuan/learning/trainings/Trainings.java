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
import org.quntuan.platform.Text;
import org.quntuan.platform.TextInput;
import org.quntuan.platform.Texts;
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
			throw new ForbiddenException("training.error.organize-forbidden");
		}
		List<InvalidValueException.Problem> problems = new ArrayList<>();
		String title = name("title", r.title(), problems);
		if (title != null && title.isEmpty()) {
			title = null;
		}
		else if (title == null || title.length() > 200) {
			problems.add(new InvalidValueException.Problem("title", "training.error.title"));
		}
		String place = name("place", r.place(), problems);
		if (place != null && place.isEmpty()) {
			place = null;
		}
		else if (place == null || place.length() > 200) {
			problems.add(new InvalidValueException.Problem("place", "training.error.place"));
		}
		String description = r.description() == null || r.description().isBlank() ? null : r.description().strip();
		if (description != null && description.length() > 2000) {
			problems.add(new InvalidValueException.Problem("description", "training.error.description-too-long"));
		}
		if (r.startsOn() == null || r.endsOn() == null) {
			problems.add(new InvalidValueException.Problem("startsOn", "training.error.dates-required"));
		}
		else if (r.endsOn().isBefore(r.startsOn())) {
			problems.add(new InvalidValueException.Problem("endsOn", "training.error.ends-before-starts"));
		}
		AudienceRule rule = parse(AudienceRule.class, "audienceRule", r.audienceRule(), AudienceRule.ANYONE, problems);
		QuotaUnit unit = parse(QuotaUnit.class, "quotaUnit", r.quotaUnit(), QuotaUnit.ORGAN, problems);
		if (r.quotaPerUnit() == null || r.quotaPerUnit() < 1 || r.quotaPerUnit() > 1000) {
			problems.add(new InvalidValueException.Problem("quotaPerUnit", "training.error.quota-range"));
		}
		int share = r.attendancePercent() == null ? 80 : r.attendancePercent();
		if (share < 0 || share > 100) {
			problems.add(new InvalidValueException.Problem("attendancePercent", "training.error.share-range"));
		}
		if (r.examQuizId() != null && (r.examPassScore() == null || r.examPassScore() < 0)) {
			problems.add(new InvalidValueException.Problem("examPassScore", "training.error.pass-score-required"));
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
				.orElseThrow(() -> new InvalidValueException("examQuizId", "training.error.exam-unknown"));
			if (exam.closesAt().atZoneSameInstant(Zones.BUSINESS).toLocalDate().isBefore(r.startsOn())) {
				throw new BusinessRuleException("training.error.exam-closed-before", exam.title());
			}
		}
		Targets targets = r.targets() == null ? Targets.everyone() : r.targets();
		List<TrainingRepository.AudienceRoot> audience = targetOrgs.roots(targets).stream()
			.map(o -> new TrainingRepository.AudienceRoot(o.id(), o.path(),
					o.type().isMassOrganization() ? o.organId() : null))
			.toList();
		if (audience.isEmpty()) {
			throw new InvalidValueException("targets", "training.error.targets-empty");
		}
		// the class belongs to a grant that covers its whole audience, so its organizers see only their own people
		ScopeGrant owner = user.scope().adminGrants().stream()
			.filter(g -> audience.stream().allMatch(root -> root.orgPath().startsWith(g.orgPath())))
			.min(Comparator.comparingInt((ScopeGrant g) -> g.orgPath().length()))
			.orElseThrow(() -> new BusinessRuleException("training.error.targets-too-wide"));
		OffsetDateTime now = now();
		long id = trainings.insert(new TrainingRepository.TrainingRow(0, title, description, place, r.startsOn(), r.endsOn(),
				rule, unit, r.quotaPerUnit(), share, r.examQuizId(), r.examQuizId() == null ? null : r.examPassScore(),
				TrainingStatus.NOMINATING, owner.orgId(), owner.orgName(), owner.orgPath(), user.displayName(), now, null, null),
				json.writeValueAsString(targets), user.accountId());
		trainings.insertAudience(id, audience);
		for (int i = 0; i < sessions.size(); i++) {
			trainings.insertSession(id, sessions.get(i), forms.get(i), SignedTokens.newSecret());
		}
		audit.record(AuditType.CREATE, OWNER, id, AuditLog.SUCCESS, Texts.chinese("training.audit.created", title, r.startsOn().toString(),
				r.endsOn().toString(), unit, r.quotaPerUnit(), sessions.size()),
				owner.orgPath());
		return id;
	}

	/** Adds a session to a class not yet finished. */
	public long addSession(long trainingId, TrainingRequest.Session s) {
		TrainingRepository.TrainingRow t = access.organized(trainingId);
		if (t.status() == TrainingStatus.FINISHED) {
			throw new BusinessRuleException("training.error.finished-no-session");
		}
		if (trainings.sessions(trainingId).size() >= MAX_SESSIONS) {
			throw new BusinessRuleException("training.error.sessions-too-many", MAX_SESSIONS);
		}
		List<InvalidValueException.Problem> problems = new ArrayList<>();
		SessionForm form = checkSession(s, "", t.startsOn(), t.endsOn(), problems);
		if (!problems.isEmpty()) {
			throw new InvalidValueException(problems);
		}
		long id = trainings.insertSession(trainingId, s, form, SignedTokens.newSecret());
		audit.record(AuditType.CREATE, OWNER, trainingId, AuditLog.SUCCESS, Texts.chinese("training.audit.session-added", t.title(),
				s.topic().strip(), s.teacher().strip(), form), t.ownerOrgPath());
		return id;
	}

	/**
	 * Nominates a person the caller administers, within the quota of the person's organ or 片组. The class
	 * is locked first, so two admins filling the last place at once cannot both get it.
	 */
	public long nominate(long trainingId, Long personId) {
		CurrentUser user = access.current();
		if (!user.scope().isAdmin()) {
			throw new ForbiddenException("training.error.nominate-forbidden");
		}
		access.visible(user, trainingId);
		if (personId == null) {
			throw new InvalidValueException("personId", "training.error.person-required");
		}
		TrainingRepository.TrainingRow t = trainings.lock(trainingId).orElseThrow(NotFoundException::new);
		if (t.status() != TrainingStatus.NOMINATING) {
			throw new BusinessRuleException("training.error.list-confirmed-no-nominate", t.title());
		}
		TrainingRepository.Nominee n = trainings.nominee(personId).filter(TrainingRepository.Nominee::active)
			.orElseThrow(() -> new InvalidValueException("personId", "training.error.person-unknown"));
		if (!trainings.personMatches(personId, access.administeredPeople())) {
			throw new ForbiddenException("training.error.person-outside", n.name());
		}
		boolean inAudience = trainings.audience(trainingId).stream()
			.anyMatch(root -> n.organPath().startsWith(root.orgPath())
					|| root.memberOrganId() != null && root.memberOrganId() == n.organId());
		if (!inAudience) {
			throw new BusinessRuleException("training.error.person-not-in-audience", n.name(), n.organName());
		}
		switch (t.audienceRule()) {
			case WOMEN_HEADS -> {
				if (!leaders.heads(personId, OrgType.WOMEN)) {
					throw new BusinessRuleException("training.error.not-women-head", n.name());
				}
			}
			case FINANCE_OFFICERS -> {
				if (!roles.personHolds(personId, Role.FINANCE_OFFICER)) {
					throw new BusinessRuleException("training.error.not-finance-officer", n.name());
				}
			}
			case ANYONE -> {
			}
		}
		if (trainings.trainee(trainingId, personId).isPresent()) {
			throw new BusinessRuleException("training.error.already-nominated", n.name());
		}
		long unitId = t.quotaUnit() == QuotaUnit.ORGAN ? n.organId()
				: trainings.groupOf(n.organPath())
					.orElseThrow(() -> new BusinessRuleException("training.error.no-group", n.organName()));
		int taken = trainings.countInUnit(trainingId, unitId);
		if (taken >= t.quotaPerUnit()) {
			throw new BusinessRuleException("training.error.quota-full", trainings.orgName(unitId), t.quotaPerUnit(),
					taken);
		}
		long id = trainings.insertTrainee(trainingId, n, unitId, user.accountId(), user.displayName(), now());
		audit.record(AuditType.CREATE, OWNER, trainingId, AuditLog.SUCCESS, Texts.chinese("training.audit.nominated", n.name(), n.organName(),
				t.title()), n.organPath());
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
			throw new BusinessRuleException("training.error.list-confirmed-no-withdraw");
		}
		trainings.deleteTrainee(traineeId);
		audit.record(AuditType.WITHDRAW, OWNER, trainingId, AuditLog.SUCCESS, Texts.chinese("training.audit.withdrawn", tr.name(),
				tr.organName(), t.title()), t.ownerOrgPath());
	}

	/** The organizer confirms the list: nominations close and every trainee is notified with the schedule. */
	public int confirm(long trainingId) {
		access.organized(trainingId);
		TrainingRepository.TrainingRow t = trainings.lock(trainingId).orElseThrow(NotFoundException::new);
		if (t.status() != TrainingStatus.NOMINATING) {
			throw new BusinessRuleException("training.error.already-confirmed");
		}
		if (trainings.sessions(trainingId).isEmpty()) {
			throw new BusinessRuleException("training.error.sessions-first");
		}
		List<TrainingRepository.TraineeRow> list = trainings.trainees(trainingId, SqlCondition.ALL);
		if (list.isEmpty()) {
			throw new BusinessRuleException("training.error.nobody-nominated");
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
		audit.record(AuditType.DECIDE, OWNER, trainingId, AuditLog.SUCCESS, Texts.chinese("training.audit.confirmed", t.title(),
				list.size()), t.ownerOrgPath());
		return list.size();
	}

	/** A trainee's own check-in from the session's QR code. */
	public void checkIn(long sessionId, String token) {
		CurrentUser user = access.current();
		TrainingRepository.SessionRow s = trainings.findSession(sessionId).orElseThrow(NotFoundException::new);
		OffsetDateTime now = now();
		switch (SignedTokens.verify("training-session-" + s.id(), s.checkinSecret(), token, now)) {
			case FORGED -> throw new InvalidValueException("token", "training.error.code-forged");
			case EXPIRED -> throw new BusinessRuleException("training.error.code-expired");
			case VALID -> {
			}
		}
		// under the class's lock: a check-in and the class's end (or a double tap) cannot interleave
		TrainingRepository.TrainingRow t = trainings.lock(s.trainingId()).orElseThrow(NotFoundException::new);
		TrainingRepository.TraineeRow tr = user.personId() == null ? null
				: trainings.trainee(t.id(), user.personId()).orElse(null);
		if (tr == null) {
			throw new BusinessRuleException("training.error.not-a-trainee", t.title());
		}
		if (t.status() != TrainingStatus.CONFIRMED) {
			throw new BusinessRuleException(t.status() == TrainingStatus.FINISHED ? "training.error.check-in-closed"
					: "training.error.check-in-not-yet");
		}
		if (now.isBefore(s.startsAt().minus(CHECK_IN_MARGIN)) || now.isAfter(s.endsAt().plus(CHECK_IN_MARGIN))) {
			throw new BusinessRuleException("training.error.check-in-time");
		}
		if (trainings.checkIn(s.id(), tr.id(), now)) {
			audit.record(AuditType.CREATE, OWNER, t.id(), AuditLog.SUCCESS, Texts.chinese("training.audit.checked-in", tr.name(), t.title(),
					s.topic()), t.ownerOrgPath());
		}
	}

	/** The organizer corrects one trainee's attendance at one session, with the reason (in the audit log). */
	public void correctAttendance(long trainingId, long sessionId, long traineeId, Boolean present, String reason) {
		access.organized(trainingId);
		TrainingRepository.TrainingRow t = trainings.lock(trainingId).orElseThrow(NotFoundException::new);
		if (t.status() != TrainingStatus.CONFIRMED) {
			throw new BusinessRuleException(t.status() == TrainingStatus.FINISHED ? "training.error.finished-no-correction"
					: "training.error.correction-not-yet");
		}
		if (present == null) {
			throw new InvalidValueException("present", "training.error.present-required");
		}
		String why = reason == null ? "" : reason.strip();
		if (why.isEmpty() || why.length() > 500) {
			throw new InvalidValueException("reason", "training.error.reason-required");
		}
		TrainingRepository.SessionRow s = trainings.findSession(sessionId).filter(x -> x.trainingId() == trainingId)
			.orElseThrow(() -> new InvalidValueException("sessionId", "training.error.session-unknown"));
		TrainingRepository.TraineeRow tr = trainings.traineeById(traineeId)
			.filter(x -> trainings.trainee(trainingId, x.personId()).map(y -> y.id() == traineeId).orElse(false))
			.orElseThrow(() -> new InvalidValueException("traineeId", "training.error.trainee-unknown"));
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
		audit.record(AuditType.UPDATE, OWNER, trainingId, AuditLog.SUCCESS, Texts.chinese("training.audit.attendance-corrected", tr.name(), s.topic(),
				Texts.chinese(was ? "training.audit.present" : "training.audit.absent"),
				Texts.chinese(present ? "training.audit.present" : "training.audit.absent"), why), t.ownerOrgPath());
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
			throw new BusinessRuleException(t.status() == TrainingStatus.FINISHED ? "training.error.already-finished"
					: "training.error.confirm-first");
		}
		OffsetDateTime now = now();
		List<TrainingRepository.SessionRow> sessions = trainings.sessions(trainingId);
		OffsetDateTime last = sessions.stream().map(TrainingRepository.SessionRow::endsAt).max(Comparator.naturalOrder())
			.orElseThrow(() -> new BusinessRuleException("training.error.no-sessions"));
		if (now.isBefore(last.plus(CHECK_IN_MARGIN))) {
			throw new BusinessRuleException("training.error.finish-too-early");
		}
		List<TrainingRepository.TraineeRow> list = trainings.trainees(trainingId, SqlCondition.ALL);
		Map<Long, Integer> best = Map.of();
		if (t.examQuizId() != null) {
			CompetitionFigures.Exam exam = competitions.exam(t.examQuizId())
				.orElseThrow(() -> new BusinessRuleException("training.error.exam-gone"));
			if (now.isBefore(exam.closesAt())) {
				throw new BusinessRuleException("training.error.exam-open", exam.title());
			}
			if (competitions.openAttempts(t.examQuizId()) > 0) {
				throw new BusinessRuleException("training.error.exam-attempts-open", exam.title());
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
		audit.record(AuditType.DECIDE, OWNER, trainingId, AuditLog.SUCCESS, Texts.chinese("training.audit.finished", t.title(),
				list.size(), done.size(), done.size()), t.ownerOrgPath());
		return new Finish(list.size(), done.size());
	}

	private static SessionForm checkSession(TrainingRequest.Session s, String prefix, LocalDate startsOn, LocalDate endsOn,
			List<InvalidValueException.Problem> problems) {
		if (s == null) {
			problems.add(new InvalidValueException.Problem(prefix + "startsAt", "training.error.session-incomplete"));
			return SessionForm.LECTURE;
		}
		if (s.startsAt() == null || s.endsAt() == null) {
			problems.add(new InvalidValueException.Problem(prefix + "startsAt", "training.error.session-times"));
		}
		else if (!s.endsAt().isAfter(s.startsAt())) {
			problems.add(new InvalidValueException.Problem(prefix + "endsAt", "training.error.session-ends-before"));
		}
		else if (startsOn != null && endsOn != null) {
			LocalDate day = s.startsAt().atZoneSameInstant(Zones.BUSINESS).toLocalDate();
			if (day.isBefore(startsOn) || day.isAfter(endsOn)) {
				problems.add(new InvalidValueException.Problem(prefix + "startsAt",
						Text.of("training.error.session-outside-dates", startsOn.toString(), endsOn.toString())));
			}
		}
		for (String[] f : new String[][] { { "place", s.place() }, { "topic", s.topic() },
				{ "teacher", s.teacher() } }) {
			Text problem = f[1] == null ? null : TextInput.nameProblemText(f[1]);
			if (problem != null && !f[1].isBlank()) {
				problems.add(new InvalidValueException.Problem(prefix + f[0], problem));
			}
			else if (f[1] == null || f[1].isBlank() || f[1].strip().length() > (f[0].equals("teacher") ? 100 : 200)) {
				problems.add(new InvalidValueException.Problem(prefix + f[0], Text.of("training.error.session-field",
						Text.of("training.error.session-field." + f[0]), f[0].equals("teacher") ? 100 : 200)));
			}
		}
		try {
			SessionForm form = Coded.parse(SessionForm.class, s.form());
			return form == null ? SessionForm.LECTURE : form;
		}
		catch (InvalidValueException ex) {
			problems.add(new InvalidValueException.Problem(prefix + "form", "training.error.session-form"));
			return SessionForm.LECTURE;
		}
	}

	/** A name as {@link TextInput#name} cleans it; null when it is blank or unusable (reported with the other fields). */
	private static String name(String field, String value, List<InvalidValueException.Problem> problems) {
		try {
			return TextInput.name(field, value);
		}
		catch (InvalidValueException ex) {
			problems.add(new InvalidValueException.Problem(field, ex.text()));
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
			problems.add(new InvalidValueException.Problem(field, Text.of("training.error.invalid-value", value)));
			return fallback;
		}
	}
}
