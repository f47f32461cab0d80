package org.quntuan.care.recuperation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.Zones;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of recuperation for the pages and the API, scoped as {@link RecuperationAccess} says. */
@Service
@Transactional(readOnly = true)
public class RecuperationQueries {

	private final RecuperationRepository batches;

	private final RecuperationAccess access;

	private final Recuperations commands;

	private final Clock clock;

	RecuperationQueries(RecuperationRepository batches, RecuperationAccess access, Recuperations commands, Clock clock) {
		this.batches = batches;
		this.access = access;
		this.commands = commands;
		this.clock = clock;
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.BUSINESS));
	}

	/** Whether the caller plans batches (the new-batch button). */
	public boolean plans() {
		return RecuperationAccess.plans(access.current());
	}

	public void requirePlanner() {
		if (!plans()) {
			throw new ForbiddenException("recuperation.batch.error.plan-forbidden");
		}
	}

	public boolean isAdmin() {
		return access.current().scope().isAdmin();
	}

	/** The year's batches the caller organizes, nominates to or is nominated for, newest first. */
	public List<RecuperationViews.Summary> list(Integer year) {
		int y = year == null ? today().getYear() : year;
		if (y < 2000 || y > 2100) {
			throw new InvalidValueException("year", "recuperation.error.year");
		}
		CurrentUser user = access.current();
		Map<Long, RecuperationRepository.NominationRow> mine = new LinkedHashMap<>();
		if (user.personId() != null) {
			for (RecuperationRepository.NominationRow n : batches.ofPerson(user.personId())) {
				mine.put(n.batchId(), n);
			}
		}
		List<RecuperationViews.Summary> result = new ArrayList<>();
		for (RecuperationRepository.BatchRow b : batches.startingBetween(LocalDate.of(y, 1, 1), LocalDate.of(y + 1, 1, 1))) {
			boolean seen = RecuperationAccess.organizes(user, b) || mine.containsKey(b.id())
					|| user.scope().isAdmin() && access.nominates(user, b.id());
			if (seen) {
				result.add(summary(b, batches.quotas(b.id()), mine.get(b.id())));
			}
		}
		return result;
	}

	/** The caller's own nominations, newest batch first. */
	public List<RecuperationViews.NominationPage> mine() {
		CurrentUser user = access.current();
		if (user.personId() == null) {
			return List.of();
		}
		List<RecuperationViews.NominationPage> result = new ArrayList<>();
		for (RecuperationRepository.NominationRow n : batches.ofPerson(user.personId())) {
			RecuperationRepository.BatchRow b = batches.find(n.batchId()).orElseThrow();
			result.add(page(user, b, n));
		}
		return result;
	}

	public RecuperationViews.Detail detail(long id) {
		CurrentUser user = access.current();
		RecuperationRepository.BatchRow b = access.visible(user, id);
		boolean organizer = RecuperationAccess.organizes(user, b);
		List<RecuperationRepository.QuotaRow> quotas = batches.quotas(id);
		List<RecuperationViews.Quota> shown = quotas.stream()
			.filter(q -> organizer || RecuperationAccess.reachesOrgan(user, q.organId(), q.organPath()))
			.map(q -> new RecuperationViews.Quota(q.organId(), q.organName(), q.places(), q.held(), q.waiting()))
			.toList();
		boolean started = !today().isBefore(b.startsOn());
		RecuperationViews.Nomination me = user.personId() == null ? null
				: batches.nominationOf(id, user.personId()).map(RecuperationQueries::view).orElse(null);
		List<RecuperationViews.Nomination> roster = roster(user, b);
		return new RecuperationViews.Detail(b.id(), b.title(), b.kind().toCodeLabel(), b.destination(), b.startsOn(),
				b.endsOn(), b.capacity(), b.costPerPerson().toPlainString(), b.description(), b.ownerOrgName(),
				b.creatorName(), b.version(), quotas.stream().mapToInt(RecuperationRepository.QuotaRow::places).sum(),
				quotas.stream().mapToInt(RecuperationRepository.QuotaRow::held).sum(), organizer,
				!started && user.scope().isAdmin() && (organizer || access.nominates(user, id)), started,
				organizer && !today().isBefore(b.endsOn()), shown, me, roster, commands.intervalYears());
	}

	/** The nominations the caller may see. */
	public List<RecuperationViews.Nomination> roster(long id) {
		CurrentUser user = access.current();
		return roster(user, access.visible(user, id));
	}

	private List<RecuperationViews.Nomination> roster(CurrentUser user, RecuperationRepository.BatchRow b) {
		return batches.nominations(b.id(), access.rosterScope(user, b)).stream().map(RecuperationQueries::view).toList();
	}

	/** Every active organ with its places in the batch, for the organizers' quota form. */
	public List<RecuperationViews.Quota> quotaForm(long id) {
		RecuperationRepository.BatchRow b = access.visible(access.current(), id);
		if (!RecuperationAccess.organizes(access.current(), b)) {
			return List.of();
		}
		Map<Long, RecuperationRepository.QuotaRow> current = new LinkedHashMap<>();
		batches.quotas(id).forEach(q -> current.put(q.organId(), q));
		return batches.allOrgans().stream().map(o -> {
			RecuperationRepository.QuotaRow q = current.get(o.getKey());
			return new RecuperationViews.Quota(o.getKey(), o.getValue(), q == null ? 0 : q.places(), q == null ? 0 : q.held(),
					q == null ? 0 : q.waiting());
		}).toList();
	}

	public RecuperationViews.NominationPage nomination(long id) {
		CurrentUser user = access.current();
		RecuperationRepository.NominationRow n = access.nomination(user, id);
		RecuperationRepository.BatchRow b = batches.find(n.batchId()).orElseThrow();
		return page(user, b, n);
	}

	String ownerPath(long id) {
		return access.visible(access.current(), id).ownerOrgPath();
	}

	private RecuperationViews.NominationPage page(CurrentUser user, RecuperationRepository.BatchRow b,
			RecuperationRepository.NominationRow n) {
		boolean open = today().isBefore(b.startsOn());
		boolean self = user.isSelf(n.personId());
		boolean canWithdraw = open && n.status().open() && access.manages(user, b, n.personId());
		return new RecuperationViews.NominationPage(view(n), summary(b, batches.quotas(b.id()), self ? n : null), self,
				self && open && n.status() == NominationStatus.NOMINATED, self && open && n.status().open(), canWithdraw);
	}

	private static RecuperationViews.Summary summary(RecuperationRepository.BatchRow b,
			List<RecuperationRepository.QuotaRow> quotas, RecuperationRepository.NominationRow mine) {
		return new RecuperationViews.Summary(b.id(), b.title(), b.kind().toCodeLabel(), b.destination(), b.startsOn(),
				b.endsOn(), b.capacity(), b.costPerPerson().toPlainString(),
				quotas.stream().mapToInt(RecuperationRepository.QuotaRow::places).sum(),
				quotas.stream().mapToInt(RecuperationRepository.QuotaRow::held).sum(), mine == null ? null : mine.id(),
				mine == null ? null : mine.status().toCodeLabel());
	}

	static RecuperationViews.Nomination view(RecuperationRepository.NominationRow n) {
		return new RecuperationViews.Nomination(n.id(), n.batchId(), n.personId(), n.name(), n.organName(),
				n.status().toCodeLabel(), n.modelWorkerRef(), n.nominatorName(), n.nominatedAt(), n.answeredAt(),
				n.answerNote(), n.attendanceAt());
	}
}
