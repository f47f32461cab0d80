package org.quntuan.care.women;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.InvalidValueException.Problem;
import org.quntuan.platform.Role;
import org.quntuan.platform.ScopeGrant;
import org.quntuan.platform.Text;
import org.quntuan.platform.TextInput;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The federation plans the year's 两癌 screening: its period, sign-up window and places, shared among the
 * organs by their active women unless the quotas are given (then they add up to the capacity).
 */
@Service
@Transactional
public class ScreeningPlans {

	private final ScreeningRepository screenings;

	private final WomenAccess access;

	private final AuditLog audit;

	private final Clock clock;

	private final int priorityAge;

	private final int priorityYears;

	ScreeningPlans(ScreeningRepository screenings, WomenAccess access, AuditLog audit, Clock clock,
			@Value("${quntuan.care.women.priority-age:35}") int priorityAge,
			@Value("${quntuan.care.women.priority-years:2}") int priorityYears) {
		if (priorityAge < 18 || priorityAge > 70 || priorityYears < 1 || priorityYears > 10) {
			throw new IllegalStateException("quntuan.care.women.priority-age must be 18 to 70 and priority-years 1 to 10");
		}
		this.screenings = screenings;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
		this.priorityAge = priorityAge;
		this.priorityYears = priorityYears;
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.BUSINESS));
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
	}

	/** Plans a screening in the name of the federation; the places are shared out at once. */
	public long create(ScreeningRequest r) {
		CurrentUser user = access.current();
		ScopeGrant owner = user.scope().grants().stream().filter(g -> g.role() == Role.FEDERATION_ADMIN && g.atRoot())
			.findFirst()
			.orElseThrow(() -> new ForbiddenException("women.screening.error.plan-forbidden"));
		List<Problem> problems = new ArrayList<>();
		int year = r.year() == null ? today().getYear() : r.year();
		if (year < 2000 || year > 2100) {
			problems.add(new Problem("year", "women.screening.error.year"));
		}
		String title = r.title() == null ? null : TextInput.text("title", r.title());
		title = title == null ? "" : title.strip();
		if (title.isEmpty() || title.length() > 200) {
			problems.add(new Problem("title", "women.screening.error.title"));
		}
		if (r.startsOn() == null || r.endsOn() == null || r.endsOn().isBefore(r.startsOn())) {
			problems.add(new Problem("endsOn", "women.screening.error.period"));
		}
		else if (r.endsOn().isBefore(today())) {
			problems.add(new Problem("endsOn", "women.screening.error.past"));
		}
		if (r.signupOpensOn() == null || r.signupClosesOn() == null || r.signupClosesOn().isBefore(r.signupOpensOn())) {
			problems.add(new Problem("signupClosesOn", "women.screening.error.window"));
		}
		else if (r.endsOn() != null && r.signupClosesOn().isAfter(r.endsOn())) {
			problems.add(new Problem("signupClosesOn", "women.screening.error.window-after-end"));
		}
		if (r.capacity() == null || r.capacity() < 1 || r.capacity() > 100000) {
			problems.add(new Problem("capacity", "women.screening.error.capacity"));
		}
		int age = r.priorityAge() == null ? priorityAge : r.priorityAge();
		if (age < 18 || age > 70) {
			problems.add(new Problem("priorityAge", "women.screening.error.priority-age"));
		}
		int years = r.priorityYears() == null ? priorityYears : r.priorityYears();
		if (years < 1 || years > 10) {
			problems.add(new Problem("priorityYears", "women.screening.error.priority-years"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidValueException(problems);
		}
		Map<Long, Integer> quotas = r.quotas() == null || r.quotas().isEmpty() ? defaultQuotas(r.capacity())
				: quotas(r.quotas(), r.capacity());
		long id = screenings.insertScreening(new ScreeningRepository.ScreeningRow(0, year, title, r.startsOn(), r.endsOn(),
				r.signupOpensOn(), r.signupClosesOn(), r.capacity(), age, years, owner.orgPath(), user.displayName(), now()),
				owner.orgId(), user.accountId());
		quotas.forEach((organ, places) -> screenings.insertQuota(id, organ, places));
		audit.record(AuditType.CREATE, Screenings.SCREENING, id, AuditLog.SUCCESS, Texts.chinese("women.audit.screening-created", title,
				r.startsOn().toString(), r.endsOn().toString(), r.capacity(), quotas.size()), owner.orgPath());
		return id;
	}

	private Map<Long, Integer> defaultQuotas(int capacity) {
		Map<Long, Integer> places = QuotaSplit.byWomen(capacity, screenings.activeWomenPerOrgan());
		if (places.isEmpty()) {
			throw new BusinessRuleException("women.quota.error.no-women");
		}
		return places;
	}

	private Map<Long, Integer> quotas(List<ScreeningRequest.Quota> quotas, int capacity) {
		Map<Long, Integer> wanted = new LinkedHashMap<>();
		List<Problem> problems = new ArrayList<>();
		for (int i = 0; i < quotas.size(); i++) {
			ScreeningRequest.Quota q = quotas.get(i);
			if (q == null || q.organId() == null) {
				problems.add(new Problem("quotas[" + i + "].organId", "women.quota.error.organ"));
			}
			else if (q.places() == null || q.places() < 0 || q.places() > capacity) {
				problems.add(new Problem("quotas[" + i + "].places", "women.quota.error.places"));
			}
			else if (wanted.put(q.organId(), q.places()) != null) {
				problems.add(new Problem("quotas[" + i + "].organId", "women.quota.error.twice"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidValueException(problems);
		}
		Map<Long, String> organs = screenings.organs(wanted.keySet());
		for (Long organ : wanted.keySet()) {
			if (!organs.containsKey(organ)) {
				throw new InvalidValueException("quotas", Text.of("women.quota.error.not-an-organ", organ));
			}
		}
		int sum = wanted.values().stream().mapToInt(Integer::intValue).sum();
		if (sum != capacity) {
			throw new InvalidValueException("quotas", Text.of("women.quota.error.sum", sum, capacity));
		}
		wanted.values().removeIf(p -> p == 0);
		return wanted;
	}
}
