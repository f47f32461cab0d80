package org.quntuan.care.women;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.Masking;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of the screenings, scoped as {@link WomenAccess} says. A whole sign-up (with its result) seen by
 * anyone but the woman herself is written to the access log.
 */
@Service
@Transactional(readOnly = true)
public class ScreeningQueries {

	private final ScreeningRepository screenings;

	private final WomenAccess access;

	private final AuditLog audit;

	private final Clock clock;

	ScreeningQueries(ScreeningRepository screenings, WomenAccess access, AuditLog audit, Clock clock) {
		this.screenings = screenings;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.BUSINESS));
	}

	/** Whether the caller plans screenings (the new-screening button). */
	public boolean plans() {
		return WomenAccess.federation(access.current());
	}

	public void requirePlanner() {
		if (!plans()) {
			throw new ForbiddenException("women.screening.error.plan-forbidden");
		}
	}

	/** The organs whose quotas the caller sees: her committees' and, for a woman, her own; null for all. */
	private Set<Long> organsSeen(CurrentUser user) {
		if (WomenAccess.federation(user)) {
			return null;
		}
		Set<Long> organs = new HashSet<>(WomenAccess.committeeOrgans(user));
		if (user.personId() != null) {
			screenings.woman(user.personId()).filter(ScreeningRepository.Woman::female)
				.ifPresent(w -> organs.add(w.organId()));
		}
		return organs;
	}

	/** The year's screenings with places for an organ the caller sees, or holding her sign-up, newest first. */
	public List<ScreeningViews.Summary> list(Integer year) {
		int y = year == null ? today().getYear() : year;
		if (y < 2000 || y > 2100) {
			throw new InvalidValueException("year", "women.screening.error.year");
		}
		CurrentUser user = access.current();
		Set<Long> organs = organsSeen(user);
		Map<Long, ScreeningRepository.SignupRow> mine = new HashMap<>();
		if (user.personId() != null) {
			screenings.ofPerson(user.personId()).forEach(s -> mine.put(s.screeningId(), s));
		}
		List<ScreeningViews.Summary> result = new ArrayList<>();
		for (ScreeningRepository.ScreeningRow s : screenings.ofYear(y)) {
			ScreeningRepository.SignupRow me = mine.get(s.id());
			if (me != null || organs == null
					|| screenings.quotas(s.id()).stream().anyMatch(q -> organs.contains(q.organId()))) {
				result.add(new ScreeningViews.Summary(s.id(), s.year(), s.title(), s.startsOn(), s.endsOn(), s.opensOn(),
						s.closesOn(), s.capacity(), open(s), me == null ? null : me.id(),
						me == null ? null : me.status().toCodeLabel()));
			}
		}
		return result;
	}

	private boolean open(ScreeningRepository.ScreeningRow s) {
		LocalDate today = today();
		return !today.isBefore(s.opensOn()) && !today.isAfter(s.closesOn());
	}

	public ScreeningViews.Detail detail(long id) {
		CurrentUser user = access.current();
		ScreeningRepository.ScreeningRow s = screenings.find(id).orElseThrow(NotFoundException::new);
		Set<Long> organs = organsSeen(user);
		List<ScreeningViews.Quota> quotas = screenings.quotas(id).stream()
			.filter(q -> organs == null || organs.contains(q.organId()))
			.map(q -> new ScreeningViews.Quota(q.organId(), q.organName(), q.places(), q.confirmed(), q.waiting()))
			.toList();
		ScreeningRepository.SignupRow me = user.personId() == null ? null
				: screenings.signupOf(id, user.personId()).orElse(null);
		if (quotas.isEmpty() && me == null && organs != null) {
			throw new NotFoundException();
		}
		boolean committee = WomenAccess.federation(user)
				|| quotas.stream().anyMatch(q -> WomenAccess.committeeOrgans(user).contains(q.organId()));
		boolean herOrgan = user.personId() != null && screenings.woman(user.personId())
			.filter(w -> w.female() && quotas.stream().anyMatch(q -> q.organId() == w.organId())).isPresent();
		boolean canSignUp = open(s) && herOrgan && (me == null || me.status() == SignupStatus.CANCELLED);
		return new ScreeningViews.Detail(s.id(), s.year(), s.title(), s.startsOn(), s.endsOn(), s.opensOn(), s.closesOn(),
				s.capacity(), s.priorityAge(), s.priorityYears(), s.creatorName(), open(s), committee, canSignUp, quotas,
				me == null ? null : view(user, s, me));
	}

	/** The sign-ups of the organs whose women's committee the caller is (all for the federation), masked. */
	public List<ScreeningViews.SignupLine> signups(long id) {
		CurrentUser user = access.current();
		ScreeningViews.Detail d = detail(id);
		if (!d.committee()) {
			throw new ForbiddenException("women.signup.error.committee-only");
		}
		Set<Long> organs = WomenAccess.federation(user) ? null : WomenAccess.committeeOrgans(user);
		LocalDate on = d.startsOn();
		return screenings.signups(id, organs).stream()
			.map(s -> new ScreeningViews.SignupLine(s.id(), s.name(), Masking.keepHeadAndTail(s.mobile()), s.organName(),
					Period.between(s.birthDate(), on).getYears(), s.status().toCodeLabel(), s.priority(), s.signedUpAt(),
					s.result() != null))
			.toList();
	}

	/** The confirmed sign-ups with whole mobiles, for the hospital's list: the caller must keep them. */
	List<ScreeningRepository.SignupRow> confirmedForExport(long id) {
		CurrentUser user = access.current();
		ScreeningViews.Detail d = detail(id);
		if (!d.committee()) {
			throw new ForbiddenException("women.signup.error.committee-only");
		}
		Set<Long> organs = WomenAccess.federation(user) ? null : WomenAccess.committeeOrgans(user);
		return screenings.signups(id, organs).stream().filter(s -> s.status() == SignupStatus.CONFIRMED).toList();
	}

	/** One sign-up whole, with its result; a view by anyone but the woman goes to the access log. */
	public ScreeningViews.Signup signup(long id) {
		CurrentUser user = access.current();
		ScreeningRepository.SignupRow row = WomenAccess.seen(user,
				screenings.signup(id).orElseThrow(NotFoundException::new));
		ScreeningRepository.ScreeningRow s = screenings.find(row.screeningId()).orElseThrow(NotFoundException::new);
		if (!user.isSelf(row.personId())) {
			audit.recordIndependently(AuditType.PERSONAL_DATA_VIEW, user.accountId(), user.username(), Screenings.SIGNUP,
					id, AuditLog.SUCCESS, Texts.chinese("women.audit.whole-viewed", row.name(), s.title()), null);
		}
		return view(user, s, row);
	}

	/** The caller's own sign-ups with their results, newest screening first. */
	public List<ScreeningViews.Signup> mine() {
		CurrentUser user = access.current();
		if (user.personId() == null) {
			return List.of();
		}
		List<ScreeningViews.Signup> result = new ArrayList<>();
		for (ScreeningRepository.SignupRow row : screenings.ofPerson(user.personId())) {
			result.add(view(user, screenings.find(row.screeningId()).orElseThrow(), row));
		}
		return result;
	}

	private ScreeningViews.Signup view(CurrentUser user, ScreeningRepository.ScreeningRow s,
			ScreeningRepository.SignupRow r) {
		boolean self = user.isSelf(r.personId());
		boolean canCancel = self && r.status() != SignupStatus.CANCELLED && r.result() == null
				&& !today().isAfter(s.endsOn());
		boolean canRecord = WomenAccess.caresFor(user, r.organId()) && r.status() == SignupStatus.CONFIRMED
				&& !today().isBefore(s.startsOn());
		return new ScreeningViews.Signup(r.id(), s.id(), s.title(), s.startsOn(), s.endsOn(), r.name(), r.organName(),
				Period.between(r.birthDate(), s.startsOn()).getYears(), r.status().toCodeLabel(), r.priority(),
				r.signedUpAt(), r.cancelledAt(), r.result() == null ? null : r.result().toCodeLabel(), r.resultNote(),
				r.resultAt(), r.resultByName(), self, canCancel, canRecord);
	}

	String ownerPath(long id) {
		return screenings.find(id).map(ScreeningRepository.ScreeningRow::ownerOrgPath).orElse(null);
	}
}
