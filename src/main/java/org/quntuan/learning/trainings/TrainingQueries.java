package org.quntuan.learning.trainings;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.quntuan.learning.CompetitionFigures;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.ICalendar;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.ScopeGrant;
import org.quntuan.platform.SignedTokens;
import org.quntuan.platform.SqlCondition;
import org.quntuan.platform.Texts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of training classes for the pages and the API, scoped as {@link TrainingAccess} says. */
@Service
@Transactional(readOnly = true)
public class TrainingQueries {

	private final TrainingRepository trainings;

	private final TrainingAccess access;

	private final CompetitionFigures competitions;

	private final Clock clock;

	TrainingQueries(TrainingRepository trainings, TrainingAccess access, CompetitionFigures competitions, Clock clock) {
		this.trainings = trainings;
		this.access = access;
		this.competitions = competitions;
		this.clock = clock;
	}

	/** The classes the caller attends, organizes or may nominate to, newest first. */
	public List<TrainingViews.Summary> list() {
		CurrentUser user = access.current();
		Map<Long, TrainingViews.Summary> result = new LinkedHashMap<>();
		Set<Long> mine = new LinkedHashSet<>();
		if (user.personId() != null) {
			for (TrainingRepository.TrainingRow t : trainings.ofTrainee(user.personId())) {
				mine.add(t.id());
				result.put(t.id(), summary(t, true));
			}
		}
		List<String> paths = user.scope().adminGrants().stream().map(ScopeGrant::orgPath).distinct().toList();
		for (TrainingRepository.TrainingRow t : trainings.reaching(paths, 200)) {
			result.putIfAbsent(t.id(), summary(t, mine.contains(t.id())));
		}
		return result.values().stream()
			.sorted((a, b) -> b.startsOn().compareTo(a.startsOn()) != 0 ? b.startsOn().compareTo(a.startsOn())
					: Long.compare(b.id(), a.id()))
			.toList();
	}

	public boolean isAdmin() {
		return access.current().scope().isAdmin();
	}

	/** For the pages only admins use (a new class, the roster export). */
	public void requireAdmin() {
		if (!isAdmin()) {
			throw new ForbiddenException("training.error.admin-only");
		}
	}

	/** The classes the caller attends, with their own attendance and certificate (the study record). */
	public List<TrainingViews.Summary> mine() {
		CurrentUser user = access.current();
		return user.personId() == null ? List.of()
				: trainings.ofTrainee(user.personId()).stream().map(t -> summary(t, true)).toList();
	}

	public List<TrainingViews.Certificate> myCertificates() {
		CurrentUser user = access.current();
		return user.personId() == null ? List.of()
				: trainings.certificatesOf(user.personId()).stream()
					.map(c -> new TrainingViews.Certificate(c.number(), c.code(), c.trainingId(), c.trainingTitle(),
							c.issuedOn()))
					.toList();
	}

	public TrainingViews.Detail detail(long id) {
		CurrentUser user = access.current();
		TrainingRepository.TrainingRow t = access.visible(user, id);
		boolean organizer = TrainingAccess.organizes(user, t);
		List<TrainingRepository.SessionRow> sessions = trainings.sessions(id);
		Map<Long, List<Long>> attendedBy = attendance(id);
		List<TrainingViews.Trainee> roster = roster(t, user, sessions.size(), attendedBy);
		TrainingViews.Trainee me = null;
		if (user.personId() != null) {
			me = trainings.trainee(id, user.personId()).map(tr -> trainee(tr, sessions.size(), attendedBy)).orElse(null);
		}
		TrainingViews.Trainee self = me;
		List<TrainingViews.Session> sessionViews = sessions.stream()
			.map(s -> new TrainingViews.Session(s.id(), s.startsAt(), s.endsAt(), s.place(), s.topic(), s.teacher(),
					s.form().toCodeLabel(), self == null ? null : self.attendedSessions().contains(s.id())))
			.toList();
		// every unit's count (not only the caller's people): what the quota check itself counts
		List<TrainingViews.QuotaUse> quotas = user.scope().isAdmin() ? trainings.quotaUse(id).stream()
			.map(e -> new TrainingViews.QuotaUse(e.getKey(), e.getValue(), t.quotaPerUnit())).toList() : List.of();
		String examTitle = t.examQuizId() == null ? null
				: competitions.exam(t.examQuizId()).map(CompetitionFigures.Exam::title).orElse(null);
		boolean canNominate = t.status() == TrainingStatus.NOMINATING && user.scope().isAdmin()
				&& (organizer || access.reachesAudience(user, id));
		return new TrainingViews.Detail(t.id(), t.title(), t.description(), t.place(), t.startsOn(), t.endsOn(),
				t.audienceRule().toCodeLabel(), t.quotaUnit().toCodeLabel(), t.quotaPerUnit(), t.attendancePercent(),
				t.examQuizId(), examTitle, t.examPassScore(), t.status().toCodeLabel(), t.ownerOrgName(), t.creatorName(),
				sessionViews, organizer, canNominate, me, roster, quotas);
	}

	/** The roster as the caller may see it (the organizers all of it, other admins their own people). */
	public List<TrainingViews.Trainee> roster(long id) {
		CurrentUser user = access.current();
		TrainingRepository.TrainingRow t = access.visible(user, id);
		return roster(t, user, trainings.sessions(id).size(), attendance(id));
	}

	String ownerPath(long id) {
		return access.visible(access.current(), id).ownerOrgPath();
	}

	private List<TrainingViews.Trainee> roster(TrainingRepository.TrainingRow t, CurrentUser user, int sessions,
			Map<Long, List<Long>> attendedBy) {
		SqlCondition scope = access.rosterScope(user, t);
		return trainings.trainees(t.id(), scope).stream().map(tr -> trainee(tr, sessions, attendedBy)).toList();
	}

	private Map<Long, List<Long>> attendance(long trainingId) {
		Map<Long, List<Long>> byTrainee = new HashMap<>();
		for (TrainingRepository.AttendanceRow a : trainings.attendanceOf(trainingId)) {
			byTrainee.computeIfAbsent(a.traineeId(), k -> new ArrayList<>()).add(a.sessionId());
		}
		return byTrainee;
	}

	private static TrainingViews.Trainee trainee(TrainingRepository.TraineeRow tr, int sessions,
			Map<Long, List<Long>> attendedBy) {
		return new TrainingViews.Trainee(tr.id(), tr.personId(), tr.name(), tr.organName(), tr.quotaUnitName(),
				tr.nominatorName(), tr.nominatedAt(), tr.attended(), sessions, attendedBy.getOrDefault(tr.id(), List.of()),
				tr.completed(), tr.certificateNumber(), tr.certificateCode());
	}

	/** The class's sessions as a calendar file, for its trainees and those who see it. */
	public String schedule(long id, String host) {
		TrainingRepository.TrainingRow t = access.visible(access.current(), id);
		List<ICalendar.Event> events = trainings.sessions(id).stream()
			.map(s -> new ICalendar.Event("training-session-" + s.id() + "@" + host, s.startsAt(), s.endsAt(),
					Texts.localized("training.calendar.summary", t.title(), s.topic()), s.place(),
					Texts.localized("training.calendar.description", s.form(), s.teacher())))
			.toList();
		return ICalendar.of("Trainings", events, OffsetDateTime.now(clock));
	}

	/** The session's check-in code: a link to the check-in page with a fresh token; organizers only. */
	public record CheckInCode(long trainingId, String trainingTitle, TrainingViews.Session session, String token,
			OffsetDateTime expiresAt, List<TrainingViews.Trainee> trainees, long checkedIn) {
	}

	public CheckInCode checkInCode(long sessionId, Duration lifetime) {
		TrainingRepository.SessionRow s = trainings.findSession(sessionId).orElseThrow(NotFoundException::new);
		TrainingRepository.TrainingRow t = access.organized(s.trainingId());
		OffsetDateTime now = OffsetDateTime.now(clock);
		String token = SignedTokens.issue("training-session-" + s.id(), s.checkinSecret(), now, lifetime);
		Map<Long, List<Long>> attendedBy = attendance(t.id());
		List<TrainingViews.Trainee> list = roster(t, access.current(), trainings.sessions(t.id()).size(), attendedBy);
		return new CheckInCode(t.id(), t.title(), new TrainingViews.Session(s.id(), s.startsAt(), s.endsAt(), s.place(),
				s.topic(), s.teacher(), s.form().toCodeLabel(), null), token, now.plus(lifetime), list,
				list.stream().filter(tr -> tr.attendedSessions().contains(s.id())).count());
	}

	/** The session as the check-in page shows it to a trainee, with whether they are already in. */
	public record CheckInPage(String trainingTitle, TrainingViews.Session session, OffsetDateTime checkedInAt) {
	}

	public CheckInPage checkInPage(long sessionId) {
		CurrentUser user = access.current();
		TrainingRepository.SessionRow s = trainings.findSession(sessionId).orElseThrow(NotFoundException::new);
		TrainingRepository.TrainingRow t = access.visible(user, s.trainingId());
		OffsetDateTime at = null;
		if (user.personId() != null) {
			at = trainings.trainee(t.id(), user.personId())
				.flatMap(tr -> trainings.attendance(s.id(), tr.id()))
				.map(TrainingRepository.AttendanceRow::checkedInAt).orElse(null);
		}
		return new CheckInPage(t.title(), new TrainingViews.Session(s.id(), s.startsAt(), s.endsAt(), s.place(), s.topic(),
				s.teacher(), s.form().toCodeLabel(), null), at);
	}

	/** Public: what the QR code on a certificate shows. */
	public TrainingViews.Verification verify(String code) {
		if (code == null || code.length() > 40) {
			throw new NotFoundException();
		}
		TrainingRepository.CertificateRow c = trainings.certificateByCode(code).orElseThrow(NotFoundException::new);
		return new TrainingViews.Verification(mask(c.holderName()), c.trainingTitle(), c.startsOn(), c.endsOn(),
				c.issuedOn());
	}

	/** The certificate's PDF, for its holder and for the admins who see the class. */
	public Pdf certificate(String code, String verifyBase) {
		CurrentUser user = access.current();
		TrainingRepository.CertificateRow c = trainings.certificateByCode(code == null || code.length() > 40 ? "" : code)
			.orElseThrow(NotFoundException::new);
		boolean holder = user.personId() != null && user.personId() == c.personId();
		if (!holder) {
			TrainingRepository.TrainingRow t = access.visible(user, c.trainingId());
			boolean seen = trainings.trainees(t.id(), access.rosterScope(user, t)).stream()
				.anyMatch(tr -> tr.personId() == c.personId());
			if (!seen) {
				throw new NotFoundException();
			}
		}
		byte[] bytes = TrainingCertificatePdf.render(new TrainingCertificatePdf.Certificate(c.number(), c.holderName(), c.organName(),
				c.trainingTitle(), c.startsOn(), c.endsOn(), c.issuerName(), c.issuedOn(),
				verifyBase + "/verify/certificates/" + c.code()));
		String ownerPath = trainings.find(c.trainingId()).map(TrainingRepository.TrainingRow::ownerOrgPath).orElse(null);
		return new Pdf(Texts.localized("training.certificate.file", c.number(), c.holderName()), bytes, c.trainingId(),
				Texts.chinese("training.audit.certificate", c.number(), c.holderName(), c.trainingTitle()), ownerPath);
	}

	/** @param what the certificate, for the audit row of its download */
	public record Pdf(String name, byte[] bytes, long trainingId, String what, String ownerPath) {
	}

	/** 张三 → 张*, 欧阳娜娜 → 欧**娜: the first and, for longer names, the last character. */
	static String mask(String name) {
		int[] cps = name.codePoints().toArray();
		if (cps.length <= 1) {
			return "*";
		}
		StringBuilder sb = new StringBuilder().appendCodePoint(cps[0]);
		int hidden = cps.length <= 2 ? cps.length - 1 : cps.length - 2;
		sb.append("*".repeat(hidden));
		if (cps.length > 2) {
			sb.appendCodePoint(cps[cps.length - 1]);
		}
		return sb.toString();
	}

	private static TrainingViews.Summary summary(TrainingRepository.TrainingRow t, boolean trainee) {
		return new TrainingViews.Summary(t.id(), t.title(), t.place(), t.startsOn(), t.endsOn(), t.status().toCodeLabel(),
				t.ownerOrgName(), trainee);
	}
}
