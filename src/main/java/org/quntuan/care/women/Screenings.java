package org.quntuan.care.women;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.temporal.ChronoUnit;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.Coded;
import org.quntuan.platform.ConflictException;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.Text;
import org.quntuan.platform.TextInput;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-ups to the yearly 两癌 screening (宫颈癌、乳腺癌筛查, planned by {@link ScreeningPlans}): women of an
 * organ with places sign themselves up inside the window, onto the organ's wait list when its
 * places are taken. Every sign-up and cancellation takes the organ's quota row lock first, so the last
 * place goes to one woman only.
 */
@Service
@Transactional
public class Screenings {

	static final String SCREENING = "CARE_WOMEN_SCREENING";

	/**
	 * Sign-ups are audited without an org path: a union's or 片组's admins read the audit log below their
	 * grants, and who takes part in a screening is for the women's committee and the federation to know.
	 */
	static final String SIGNUP = "CARE_WOMEN_SIGNUP";

	private final ScreeningRepository screenings;

	private final WomenAccess access;

	private final ScreeningNotices notices;

	private final AuditLog audit;

	private final Clock clock;

	Screenings(ScreeningRepository screenings, WomenAccess access, ScreeningNotices notices, AuditLog audit, Clock clock) {
		this.screenings = screenings;
		this.access = access;
		this.notices = notices;
		this.audit = audit;
		this.clock = clock;
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.BUSINESS));
	}

	/** A sign-up and where it stands: CONFIRMED (a place) or WAITING (the organ's wait list). */
	public record Signed(long id, SignupStatus status) {
	}

	/** The caller signs herself up: a woman in service of an organ with places, inside the window, once. */
	public Signed signUp(long screeningId) {
		CurrentUser user = access.current();
		ScreeningRepository.ScreeningRow s = screenings.find(screeningId).orElseThrow(NotFoundException::new);
		if (user.personId() == null) {
			throw new ForbiddenException("women.signup.error.no-person");
		}
		ScreeningRepository.Woman w = screenings.woman(user.personId()).orElseThrow(NotFoundException::new);
		if (!w.female()) {
			throw new BusinessRuleException("women.signup.error.not-female");
		}
		if (!w.active()) {
			throw new BusinessRuleException("women.signup.error.inactive");
		}
		LocalDate today = today();
		if (today.isBefore(s.opensOn()) || today.isAfter(s.closesOn())) {
			throw new BusinessRuleException("women.signup.error.window", s.opensOn().toString(), s.closesOn().toString());
		}
		Integer places = screenings.lockQuota(screeningId, w.organId())
			.orElseThrow(() -> new BusinessRuleException("women.signup.error.no-quota", w.organName()));
		ScreeningRepository.SignupRow earlier = screenings.signupOf(screeningId, w.personId()).orElse(null);
		if (earlier != null && earlier.status() != SignupStatus.CANCELLED) {
			throw new ConflictException("women.signup.error.twice");
		}
		boolean priority = Period.between(w.birthDate(), s.startsOn()).getYears() >= s.priorityAge()
				|| !screenings.screenedBetween(w.personId(), s.year() - s.priorityYears(), s.year() - 1);
		SignupStatus status = screenings.confirmed(screeningId, w.organId()) < places ? SignupStatus.CONFIRMED
				: SignupStatus.WAITING;
		long id;
		if (earlier != null) {
			if (!screenings.revive(earlier.id(), w.organId(), status, priority, now())) {
				throw new ConflictException("women.signup.error.twice");
			}
			id = earlier.id();
		}
		else {
			try {
				id = screenings.insertSignup(screeningId, w, status, priority, now());
			}
			catch (DuplicateKeyException ex) {
				throw new ConflictException("women.signup.error.twice");
			}
		}
		audit.record(AuditType.CREATE, SIGNUP, id, AuditLog.SUCCESS, Texts.chinese("women.audit.signed-up", w.name(),
				s.title(), Text.label(status)), null);
		return new Signed(id, status);
	}

	/** The woman gives her place back; the first on her organ's wait list moves up and is told. */
	public void cancel(long signupId) {
		CurrentUser user = access.current();
		ScreeningRepository.SignupRow row = WomenAccess.seen(user,
				screenings.signup(signupId).orElseThrow(NotFoundException::new));
		if (!user.isSelf(row.personId())) {
			throw new ForbiddenException("women.signup.error.self-only");
		}
		ScreeningRepository.ScreeningRow s = screenings.find(row.screeningId()).orElseThrow(NotFoundException::new);
		screenings.lockQuota(s.id(), row.organId());
		ScreeningRepository.SignupRow locked = screenings.signup(signupId).orElseThrow(NotFoundException::new);
		if (locked.status() == SignupStatus.CANCELLED) {
			throw new BusinessRuleException("women.signup.error.cancelled");
		}
		if (locked.result() != null || today().isAfter(s.endsOn())) {
			throw new BusinessRuleException("women.signup.error.too-late");
		}
		screenings.cancel(signupId, now());
		audit.record(AuditType.CANCEL, SIGNUP, signupId, AuditLog.SUCCESS,
				Texts.chinese("women.audit.cancelled", row.name(), s.title()), null);
		if (locked.status() == SignupStatus.CONFIRMED) {
			screenings.firstWaiting(s.id(), row.organId()).ifPresent(next -> {
				screenings.confirm(next.id());
				audit.record(AuditType.UPDATE, SIGNUP, next.id(), AuditLog.SUCCESS,
						Texts.chinese("women.audit.promoted", next.name(), s.title()), null);
				notices.promoted(next, s);
			});
		}
	}

	/** The women's committee of her organ (or the federation) records the result of a confirmed sign-up. */
	public void recordResult(long signupId, String result, String note) {
		CurrentUser user = access.current();
		ScreeningRepository.SignupRow row = screenings.signup(signupId).orElseThrow(NotFoundException::new);
		if (!WomenAccess.caresFor(user, row.organId())) {
			// an admin (a union's, a 片组's) hears why; anyone else finds nothing
			if (!user.scope().isAdmin() && !user.isSelf(row.personId())) {
				throw new NotFoundException();
			}
			throw new ForbiddenException("women.result.error.committee-only");
		}
		ScreeningResult value = Coded.parse(ScreeningResult.class, result);
		if (value == null) {
			throw new InvalidValueException("result", "women.result.error.result");
		}
		String text = note == null ? null : TextInput.text("note", note);
		if (text != null && text.length() > 1000) {
			throw new InvalidValueException("note", "women.result.error.note");
		}
		if (row.status() != SignupStatus.CONFIRMED) {
			throw new BusinessRuleException("women.result.error.not-confirmed");
		}
		ScreeningRepository.ScreeningRow s = screenings.find(row.screeningId()).orElseThrow(NotFoundException::new);
		if (today().isBefore(s.startsOn())) {
			throw new BusinessRuleException("women.result.error.not-started", s.startsOn().toString());
		}
		screenings.recordResult(signupId, value, text == null || text.isBlank() ? null : text.strip(), now(),
				user.displayName());
		// the audit trail says that a result was recorded, never which: auditors read it too
		audit.record(AuditType.UPDATE, SIGNUP, signupId, AuditLog.SUCCESS,
				Texts.chinese("women.audit.result-recorded", row.name(), s.title()), null);
		notices.resultReady(row, s);
	}
}
