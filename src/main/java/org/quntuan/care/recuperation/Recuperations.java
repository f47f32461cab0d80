package org.quntuan.care.recuperation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.finance.Amounts;
import org.quntuan.identity.PersonAccounts;
import org.quntuan.notification.Channel;
import org.quntuan.notification.NotificationRequest;
import org.quntuan.notification.Notifications;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.Coded;
import org.quntuan.platform.ConflictException;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.ScopeGrant;
import org.quntuan.platform.Text;
import org.quntuan.platform.TextInput;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Versions;
import org.quntuan.platform.Zones;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recuperation (疗休养): the work committee plans the year's batches and shares each batch's places
 * among the organs; org admins nominate the people they administer within their organ's places (or
 * onto its wait list), after the eligibility rules; the person confirms or declines, a declined place
 * going to the first on the organ's wait list; after the trip the organizers record who went.
 * Every nomination and every change of places takes the batch's row lock first, so two admins filling
 * the last place at once cannot both get it.
 */
@Service
@Transactional
public class Recuperations {

	static final String BATCH = "CARE_RECUPERATION_BATCH";

	static final String NOMINATION = "CARE_RECUPERATION_NOMINATION";

	static final BigDecimal MAX_COST = new BigDecimal("1000000");

	private final RecuperationRepository batches;

	private final RecuperationAccess access;

	private final PersonAccounts accounts;

	private final Notifications notifications;

	private final AuditLog audit;

	private final Clock clock;

	private final int intervalYears;

	Recuperations(RecuperationRepository batches, RecuperationAccess access, PersonAccounts accounts,
			Notifications notifications, AuditLog audit, Clock clock,
			@Value("${quntuan.care.recuperation.interval-years:3}") int intervalYears) {
		if (intervalYears < 1 || intervalYears > 10) {
			throw new IllegalStateException("quntuan.care.recuperation.interval-years must be 1 to 10, not " + intervalYears);
		}
		this.batches = batches;
		this.access = access;
		this.accounts = accounts;
		this.notifications = notifications;
		this.audit = audit;
		this.clock = clock;
		this.intervalYears = intervalYears;
	}

	int intervalYears() {
		return intervalYears;
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.BUSINESS));
	}

	/** Plans a batch in the name of the caller's grant at the root; its quotas may come with it. */
	public long create(BatchRequest r) {
		CurrentUser user = access.current();
		ScopeGrant owner = user.scope().adminGrants().stream().filter(ScopeGrant::atRoot).findFirst()
			.orElseThrow(() -> new ForbiddenException("recuperation.batch.error.plan-forbidden"));
		List<InvalidValueException.Problem> problems = new ArrayList<>();
		String title = name("title", r.title(), 200, "recuperation.batch.error.title", problems);
		String destination = name("destination", r.destination(), 200, "recuperation.batch.error.destination", problems);
		RecuperationKind kind = null;
		try {
			kind = Coded.parse(RecuperationKind.class, r.kind());
		}
		catch (InvalidValueException ex) {
			// reported below
		}
		if (kind == null) {
			problems.add(new InvalidValueException.Problem("kind", "recuperation.batch.error.kind"));
		}
		if (r.startsOn() == null || r.endsOn() == null) {
			problems.add(new InvalidValueException.Problem("startsOn", "recuperation.batch.error.dates-required"));
		}
		else if (r.endsOn().isBefore(r.startsOn())) {
			problems.add(new InvalidValueException.Problem("endsOn", "recuperation.batch.error.ends-before-starts"));
		}
		else if (!r.startsOn().isAfter(today())) {
			problems.add(new InvalidValueException.Problem("startsOn", "recuperation.batch.error.starts-past"));
		}
		if (r.capacity() == null || r.capacity() < 1 || r.capacity() > 10000) {
			problems.add(new InvalidValueException.Problem("capacity", "recuperation.batch.error.capacity"));
		}
		BigDecimal cost = null;
		try {
			cost = Amounts.nonNegative("costPerPerson", r.costPerPerson());
			if (cost.compareTo(MAX_COST) > 0) {
				problems.add(new InvalidValueException.Problem("costPerPerson", "recuperation.batch.error.cost-too-high"));
			}
		}
		catch (InvalidValueException ex) {
			problems.addAll(ex.problems().isEmpty() ? List.of(new InvalidValueException.Problem("costPerPerson", ex.text()))
					: ex.problems());
		}
		String description = r.description() == null ? null : TextInput.text("description", r.description());
		if (description != null && description.length() > 2000) {
			problems.add(new InvalidValueException.Problem("description", "recuperation.batch.error.description"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidValueException(problems);
		}
		long id = batches.insertBatch(new RecuperationRepository.BatchRow(0, title, kind, destination, r.startsOn(),
				r.endsOn(), r.capacity(), cost, description, owner.orgId(), owner.orgName(), owner.orgPath(),
				user.displayName(), now(), 0), user.accountId());
		audit.record(AuditType.CREATE, BATCH, id, AuditLog.SUCCESS, Texts.chinese("recuperation.audit.batch-created", title,
				kind, destination, r.startsOn().toString(), r.endsOn().toString(), r.capacity(), cost), owner.orgPath());
		if (r.quotas() != null && !r.quotas().isEmpty()) {
			RecuperationRepository.BatchRow b = batches.lock(id).orElseThrow(NotFoundException::new);
			applyQuotas(b, r.quotas());
		}
		return id;
	}

	/** What a change of places did: the places shared out and who moved up from a wait list. */
	public record QuotaChange(int allocated, int capacity, int promoted) {
	}

	/**
	 * Sets the places of the organs named (others keep theirs): never more in all than the capacity, never
	 * fewer for an organ than its nominations hold; a raised quota gives the new places to the wait list.
	 */
	public QuotaChange setQuotas(long batchId, List<BatchRequest.Quota> quotas, Integer version) {
		access.organized(batchId);
		int expected = Versions.required(version);
		RecuperationRepository.BatchRow b = batches.lock(batchId).orElseThrow(NotFoundException::new);
		if (b.version() != expected) {
			throw new ConflictException("recuperation.batch.error.changed");
		}
		if (quotas == null || quotas.isEmpty()) {
			throw new InvalidValueException("quotas", "recuperation.quota.error.required");
		}
		QuotaChange change = applyQuotas(b, quotas);
		batches.touch(b.id(), b.version());
		return change;
	}

	private QuotaChange applyQuotas(RecuperationRepository.BatchRow b, List<BatchRequest.Quota> quotas) {
		if (!today().isBefore(b.startsOn())) {
			throw new BusinessRuleException("recuperation.quota.error.started", b.title());
		}
		Map<Long, Integer> wanted = new LinkedHashMap<>();
		List<InvalidValueException.Problem> problems = new ArrayList<>();
		for (int i = 0; i < quotas.size(); i++) {
			BatchRequest.Quota q = quotas.get(i);
			if (q == null || q.organId() == null) {
				problems.add(new InvalidValueException.Problem("quotas[" + i + "].organId", "recuperation.quota.error.organ"));
			}
			else if (q.places() == null || q.places() < 0 || q.places() > 10000) {
				problems.add(new InvalidValueException.Problem("quotas[" + i + "].places", "recuperation.quota.error.places"));
			}
			else if (wanted.put(q.organId(), q.places()) != null) {
				problems.add(new InvalidValueException.Problem("quotas[" + i + "].organId", "recuperation.quota.error.twice"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidValueException(problems);
		}
		Map<Long, String> organs = batches.organs(new ArrayList<>(wanted.keySet()));
		for (Long organ : wanted.keySet()) {
			if (!organs.containsKey(organ)) {
				throw new InvalidValueException("quotas", Text.of("recuperation.quota.error.not-an-organ", organ));
			}
		}
		Map<Long, Integer> places = new LinkedHashMap<>();
		Map<Long, Integer> held = new LinkedHashMap<>();
		for (RecuperationRepository.QuotaRow q : batches.quotas(b.id())) {
			places.put(q.organId(), q.places());
			held.put(q.organId(), q.held());
		}
		for (Map.Entry<Long, Integer> w : wanted.entrySet()) {
			int taken = held.getOrDefault(w.getKey(), 0);
			if (w.getValue() < taken) {
				throw new BusinessRuleException("recuperation.quota.error.below-held", organs.get(w.getKey()), taken,
						w.getValue());
			}
		}
		Map<Long, Integer> after = new LinkedHashMap<>(places);
		after.putAll(wanted);
		int allocated = after.values().stream().mapToInt(Integer::intValue).sum();
		if (allocated > b.capacity()) {
			throw new BusinessRuleException("recuperation.quota.error.over-capacity", allocated, b.capacity());
		}
		List<String> changes = new ArrayList<>();
		int promoted = 0;
		for (Map.Entry<Long, Integer> w : wanted.entrySet()) {
			Integer before = places.get(w.getKey());
			if (before != null && before.equals(w.getValue())) {
				continue;
			}
			batches.setQuota(b.id(), w.getKey(), w.getValue());
			changes.add(Texts.chinese("recuperation.audit.quota-item", organs.get(w.getKey()),
					before == null ? 0 : before, w.getValue()));
			promoted += fillFromWaitList(b, w.getKey(), w.getValue());
		}
		if (!changes.isEmpty()) {
			audit.record(AuditType.UPDATE, BATCH, b.id(), AuditLog.SUCCESS, Texts.chinese("recuperation.audit.quotas-set",
					b.title(), String.join(Texts.chinese("recuperation.audit.separator"), changes), allocated, b.capacity()),
					b.ownerOrgPath());
		}
		return new QuotaChange(allocated, b.capacity(), promoted);
	}

	/** Gives the organ's free places to its wait list, first come first; returns how many moved up. */
	private int fillFromWaitList(RecuperationRepository.BatchRow b, long organId, int places) {
		int moved = 0;
		while (batches.held(b.id(), organId) < places) {
			RecuperationRepository.NominationRow next = batches.firstWaiting(b.id(), organId).orElse(null);
			if (next == null) {
				break;
			}
			batches.promote(next.id(), now());
			audit.record(AuditType.UPDATE, NOMINATION, next.id(), AuditLog.SUCCESS,
					Texts.chinese("recuperation.audit.promoted", next.name(), next.organName(), b.title()), next.organPath());
			notifyNominated(b, next.id(), next.personId());
			moved++;
		}
		return moved;
	}

	/** The outcome of a nomination: a place (NOMINATED) or the wait list (WAITING). */
	public record Nominated(long id, NominationStatus status) {
	}

	/**
	 * Nominates a person the caller administers, after the eligibility rules, within the places of the
	 * person's organ; with {@code waitList} a person the full quota leaves out goes onto its wait list.
	 */
	public Nominated nominate(long batchId, Long personId, String modelWorkerReference, boolean waitList) {
		CurrentUser user = access.current();
		access.visible(user, batchId);
		if (!user.scope().isAdmin()) {
			throw new ForbiddenException("recuperation.nomination.error.admins-only");
		}
		if (personId == null) {
			throw new InvalidValueException("personId", "recuperation.nomination.error.person-required");
		}
		RecuperationRepository.BatchRow b = batches.lock(batchId).orElseThrow(NotFoundException::new);
		if (!today().isBefore(b.startsOn())) {
			throw new BusinessRuleException("recuperation.nomination.error.started", b.title(), b.startsOn().toString());
		}
		RecuperationRepository.Nominee n = batches.nominee(personId)
			.orElseThrow(() -> new InvalidValueException("personId", "recuperation.nomination.error.person-unknown"));
		if (!batches.personMatches(personId, access.administeredPeople())) {
			throw new ForbiddenException("recuperation.nomination.error.outside", n.name());
		}
		if (!n.active()) {
			throw new BusinessRuleException("recuperation.nomination.error.inactive", n.name());
		}
		if (!n.inService()) {
			throw new BusinessRuleException("recuperation.nomination.error.not-in-service", n.name());
		}
		String reference = null;
		if (b.kind() == RecuperationKind.MODEL_WORKER) {
			reference = modelWorkerReference == null ? null : TextInput.name("modelWorkerReference", modelWorkerReference);
			if (reference == null || reference.length() > 200) {
				throw new InvalidValueException("modelWorkerReference", "recuperation.nomination.error.model-worker-required");
			}
		}
		RecuperationRepository.NominationRow existing = batches.nominationOf(batchId, personId).orElse(null);
		if (existing != null && existing.status() != NominationStatus.DECLINED
				&& existing.status() != NominationStatus.WITHDRAWN) {
			throw new BusinessRuleException("recuperation.nomination.error.already", n.name(), existing.status());
		}
		batches.releaseStale(personId, today());
		for (RecuperationRepository.Earlier e : batches.otherBatches(personId, batchId,
				b.startsOn().minusYears(intervalYears), b.startsOn().plusYears(intervalYears), today())) {
			if (e.status() == NominationStatus.NOMINATED || e.status() == NominationStatus.WAITING) {
				throw new BusinessRuleException("recuperation.nomination.error.open-elsewhere", n.name(), e.title(),
						e.status());
			}
			throw new BusinessRuleException("recuperation.nomination.error.recent", n.name(), e.startsOn().toString(),
					e.title(), e.status(), intervalYears);
		}
		int places = batches.places(batchId, n.organId())
			.orElseThrow(() -> new BusinessRuleException("recuperation.nomination.error.no-quota", n.organName()));
		if (places == 0) {
			throw new BusinessRuleException("recuperation.nomination.error.no-quota", n.organName());
		}
		int held = batches.held(batchId, n.organId());
		NominationStatus status = NominationStatus.NOMINATED;
		if (held >= places) {
			if (!waitList) {
				throw new BusinessRuleException("recuperation.nomination.error.quota-full", n.organName(), places, held);
			}
			status = NominationStatus.WAITING;
		}
		long id;
		try {
			if (existing != null) {
				id = existing.id();
				batches.renominate(id, n, status, reference, user.accountId(), user.displayName(), now());
			}
			else {
				id = batches.insertNomination(batchId, n, status, reference, user.accountId(), user.displayName(), now());
			}
		}
		catch (DuplicateKeyException ex) {
			// nominated to another batch by someone else a moment ago (the open column is unique)
			throw new ConflictException("recuperation.nomination.error.open-now", n.name());
		}
		audit.record(AuditType.CREATE, NOMINATION, id, AuditLog.SUCCESS, Texts.chinese(status == NominationStatus.WAITING
				? "recuperation.audit.wait-listed" : "recuperation.audit.nominated", n.name(), n.organName(), b.title(),
				reference == null ? "" : Texts.chinese("recuperation.audit.reference", reference)), n.organPath());
		if (status == NominationStatus.NOMINATED) {
			notifyNominated(b, id, personId);
		}
		return new Nominated(id, status);
	}

	private void notifyNominated(RecuperationRepository.BatchRow b, long nominationId, long personId) {
		Long account = accounts.accountsOf(List.of(personId)).get(personId);
		if (account == null) {
			return;
		}
		int version = batches.nomination(nominationId).map(RecuperationRepository.NominationRow::version).orElse(0);
		notifications.send(NotificationRequest.of("care-recuperation-nominated-" + nominationId + "-" + version,
				"care-recuperation-nominated", List.of(account), b.title(), b.kind().label(), b.destination(),
				b.startsOn().toString(), b.endsOn().toString())
			.withLink("/care/recuperation/nominations/" + nominationId)
			.via(Channel.INBOX, Channel.SMS));
	}

	/** The person confirms they will go. */
	public void confirm(long nominationId) {
		CurrentUser user = access.current();
		RecuperationRepository.NominationRow n = ownNomination(user, nominationId);
		RecuperationRepository.BatchRow b = batches.lock(n.batchId()).orElseThrow(NotFoundException::new);
		n = batches.nomination(nominationId).orElseThrow(NotFoundException::new);
		if (!today().isBefore(b.startsOn())) {
			throw new BusinessRuleException("recuperation.answer.error.started", b.title());
		}
		if (n.status() != NominationStatus.NOMINATED) {
			throw new BusinessRuleException("recuperation.answer.error.not-awaiting", n.status());
		}
		batches.answer(n.id(), NominationStatus.CONFIRMED, now(), null);
		audit.record(AuditType.UPDATE, NOMINATION, n.id(), AuditLog.SUCCESS, Texts.chinese("recuperation.audit.confirmed",
				n.name(), b.title()), n.organPath());
	}

	/** The person declines (before or after confirming): the place goes to the organ's wait list or back to its quota. */
	public Release decline(long nominationId, String reason) {
		CurrentUser user = access.current();
		RecuperationRepository.NominationRow n = ownNomination(user, nominationId);
		String why = reason(reason);
		return release(n, NominationStatus.DECLINED, why, "recuperation.audit.declined");
	}

	/** An admin of the person or an organizer takes the nomination back (a place or a wait-list entry). */
	public Release withdraw(long nominationId, String reason) {
		CurrentUser user = access.current();
		RecuperationRepository.NominationRow n = access.nomination(user, nominationId);
		RecuperationRepository.BatchRow b = batches.find(n.batchId()).orElseThrow(NotFoundException::new);
		if (!access.manages(user, b, n.personId())) {
			throw new ForbiddenException("recuperation.nomination.error.withdraw-forbidden");
		}
		String why = reason(reason);
		return release(n, NominationStatus.WITHDRAWN, why, "recuperation.audit.withdrawn");
	}

	/** What a decline or a withdrawal did with the place: who got it from the wait list, if anyone. */
	public record Release(String promotedName) {
	}

	private Release release(RecuperationRepository.NominationRow read, NominationStatus to, String why, String auditKey) {
		RecuperationRepository.BatchRow b = batches.lock(read.batchId()).orElseThrow(NotFoundException::new);
		RecuperationRepository.NominationRow n = batches.nomination(read.id()).orElseThrow(NotFoundException::new);
		if (!today().isBefore(b.startsOn())) {
			throw new BusinessRuleException("recuperation.answer.error.started", b.title());
		}
		if (!n.status().open()) {
			throw new BusinessRuleException("recuperation.answer.error.closed", n.status());
		}
		batches.answer(n.id(), to, now(), why);
		audit.record(AuditType.UPDATE, NOMINATION, n.id(), AuditLog.SUCCESS, Texts.chinese(auditKey, n.name(), b.title(),
				why), n.organPath());
		String promoted = null;
		if (n.status().holdsPlace()) {
			int places = batches.places(b.id(), n.organId()).orElse(0);
			RecuperationRepository.NominationRow next = batches.firstWaiting(b.id(), n.organId()).orElse(null);
			if (next != null && fillFromWaitList(b, n.organId(), places) > 0) {
				promoted = next.name();
			}
		}
		if (to == NominationStatus.DECLINED && n.nominatorAccountId() != access.current().accountId()) {
			// the admin who nominated the person learns of it, and where the place went
			notifications.send(NotificationRequest.of("care-recuperation-declined-" + n.id() + "-" + n.version(),
					"care-recuperation-declined", List.of(n.nominatorAccountId()), n.name(), n.organName(), b.title(), why,
					promoted == null ? Texts.chinese("recuperation.notice.returned")
							: Texts.chinese("recuperation.notice.promoted", promoted))
				.withLink("/care/recuperation/batches/" + b.id()));
		}
		return new Release(promoted);
	}

	private RecuperationRepository.NominationRow ownNomination(CurrentUser user, long nominationId) {
		RecuperationRepository.NominationRow n = access.nomination(user, nominationId);
		if (!user.isSelf(n.personId())) {
			throw new ForbiddenException("recuperation.answer.error.self-only");
		}
		return n;
	}

	private static String reason(String reason) {
		String why = reason == null ? null : TextInput.text("reason", reason);
		if (why == null || why.length() > 500) {
			throw new InvalidValueException("reason", "recuperation.answer.error.reason");
		}
		return why;
	}

	/** One person's attendance after the trip. */
	public record Attendance(Long nominationId, Boolean attended) {
	}

	/**
	 * Records who went, once the trip is over (from its last day): a nomination holding a place becomes
	 * 已参加 or 未参加; a record may be corrected. Those who went count as recuperated for the interval rule.
	 */
	public int recordAttendance(long batchId, List<Attendance> records) {
		access.organized(batchId);
		if (records == null || records.isEmpty()) {
			throw new InvalidValueException("records", "recuperation.attendance.error.required");
		}
		RecuperationRepository.BatchRow b = batches.lock(batchId).orElseThrow(NotFoundException::new);
		if (today().isBefore(b.endsOn())) {
			throw new BusinessRuleException("recuperation.attendance.error.too-early", b.title(), b.endsOn().toString());
		}
		Set<Long> seen = new HashSet<>();
		List<RecuperationRepository.NominationRow> rows = new ArrayList<>();
		for (int i = 0; i < records.size(); i++) {
			Attendance a = records.get(i);
			String field = "records[" + i + "]";
			if (a == null || a.nominationId() == null || a.attended() == null) {
				throw new InvalidValueException(field, "recuperation.attendance.error.incomplete");
			}
			RecuperationRepository.NominationRow n = batches.nomination(a.nominationId())
				.filter(x -> x.batchId() == batchId)
				.orElseThrow(() -> new InvalidValueException(field + ".nominationId",
						"recuperation.attendance.error.unknown"));
			if (!seen.add(n.id())) {
				throw new InvalidValueException("records", "recuperation.attendance.error.twice");
			}
			if (!n.status().holdsPlace()) {
				throw new BusinessRuleException("recuperation.attendance.error.no-place", n.name(), n.status());
			}
			rows.add(n);
		}
		int changed = 0;
		for (int i = 0; i < rows.size(); i++) {
			RecuperationRepository.NominationRow n = rows.get(i);
			boolean attended = records.get(i).attended();
			NominationStatus to = attended ? NominationStatus.ATTENDED : NominationStatus.ABSENT;
			if (n.status() == to) {
				continue;
			}
			batches.recordAttendance(n.id(), attended, now());
			audit.record(AuditType.UPDATE, NOMINATION, n.id(), AuditLog.SUCCESS, Texts.chinese(
					"recuperation.audit.attendance", n.name(), b.title(), n.status(), to), n.organPath());
			changed++;
		}
		return changed;
	}

	private static String name(String field, String value, int max, String key, List<InvalidValueException.Problem> problems) {
		try {
			String s = TextInput.name(field, value);
			if (s == null || s.length() > max) {
				problems.add(new InvalidValueException.Problem(field, key));
				return null;
			}
			return s;
		}
		catch (InvalidValueException ex) {
			problems.add(new InvalidValueException.Problem(field, ex.text()));
			return null;
		}
	}
}
