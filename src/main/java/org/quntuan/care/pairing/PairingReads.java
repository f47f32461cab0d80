package org.quntuan.care.pairing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.Masking;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.Zones;
import org.quntuan.platform.files.Download;
import org.quntuan.platform.files.FileStorage;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the pairing pages and the API read, scoped by {@link PairingAccess}. */
@Service
@Transactional(readOnly = true)
public class PairingReads {

	private final PairRepository pairs;

	private final PlanRepository plans;

	private final ProblemRepository problems;

	private final PairingAccess access;

	private final FileStorage files;

	private final Clock clock;

	PairingReads(PairRepository pairs, PlanRepository plans, ProblemRepository problems, PairingAccess access,
			FileStorage files, Clock clock) {
		this.pairs = pairs;
		this.plans = plans;
		this.problems = problems;
		this.access = access;
		this.files = files;
		this.clock = clock;
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.BUSINESS));
	}

	boolean federation() {
		return PairingAccess.federation(access.current());
	}

	boolean admin() {
		return access.current().scope().isAdmin();
	}

	/** The partners whose name or district holds the words given (all without), phones masked. */
	public PageResult<PairingViews.Partner> partners(String q, PageRequest page) {
		access.admin();
		return pairs.partners(q, page).map(PairingReads::partner);
	}

	List<PairingViews.Partner> partnerOptions() {
		return pairs.allPartners().stream().map(PairingReads::partner).toList();
	}

	public PageResult<PairingViews.PairSummary> pairs(Integer year, Long organId, PageRequest page) {
		CurrentUser user = access.admin();
		int thisYear = today().getYear();
		return pairs.pairs(access.pairScope(user), year, organId, page)
			.map(p -> new PairingViews.PairSummary(p.id(), p.organId(), p.organName(), p.partnerId(), p.partnerName(),
					p.partnerKind().toCodeLabel(), p.district(), p.startYear(), p.endYear(),
					p.startYear() <= thisYear && thisYear <= p.endYear()));
	}

	/** The pair with the plan and problems of a year of its term (this year, or the nearest year of the term). */
	public PairingViews.PairDetail pair(long id, Integer year) {
		PairRepository.PairRow p = access.pair(id);
		int y = year != null ? year : Math.max(p.startYear(), Math.min(p.endYear(), today().getYear()));
		PairingViews.Partner partner = partner(pairs.partner(p.partnerId()).orElseThrow(NotFoundException::new));
		List<PairingViews.Contact> contacts = pairs.contacts(id).stream()
			.map(c -> new PairingViews.Contact(c.personId(), c.name(), Masking.keepHeadAndTail(c.mobile()))).toList();
		List<PlanRepository.ProgressRow> progress = plans.progressOf(id, y);
		List<PairingViews.PlanItem> plan = plans.items(id, y).stream()
			.map(i -> new PairingViews.PlanItem(i.id(), i.year(), i.title(), i.plannedOn(), i.who(), progress.stream()
				.filter(g -> g.planItemId() == i.id())
				.map(g -> new PairingViews.Progress(g.id(), g.happenedOn(), g.note(), g.photoFileId() != null,
						g.authorName(), g.createdAt()))
				.toList()))
			.toList();
		List<PairingViews.Problem> raised = problems.ofPairInYear(id, y).stream().map(this::problem).toList();
		return new PairingViews.PairDetail(p.id(), p.organId(), p.organName(), partner, p.startYear(), p.endYear(),
				p.previousPairId(), pairs.successor(id).orElse(null), contacts, y,
				IntStream.rangeClosed(p.startYear(), p.endYear()).boxed().toList(), plan, raised,
				federation() && pairs.successor(id).isEmpty());
	}

	public PageResult<PairingViews.Problem> problems(ProblemStatus status, Boolean overdue, Long pairId, PageRequest page) {
		CurrentUser user = access.admin();
		return problems.list(access.pairScope(user), status, overdue, pairId, today(), page).map(this::problem);
	}

	public PairingViews.ProblemDetail problem(long id) {
		ProblemRepository.ProblemRow p = problems.find(id).orElseThrow(NotFoundException::new);
		access.pair(p.pairId());
		List<PairingViews.Step> steps = problems.steps(id).stream()
			.map(s -> new PairingViews.Step(s.from() == null ? null : s.from().toCodeLabel(), s.to().toCodeLabel(),
					s.note(), s.actorName(), s.at()))
			.toList();
		return new PairingViews.ProblemDetail(problem(p), steps,
				p.status().next().stream().map(ProblemStatus::toCodeLabel).toList());
	}

	/** The open problems of every pair by category and by age since raised (≤30, 31–90, >90 days). */
	public PairingViews.Board board() {
		access.federationAdmin();
		LocalDate today = today();
		Map<ProblemCategory, int[]> counts = new EnumMap<>(ProblemCategory.class);
		for (ProblemCategory c : ProblemCategory.values()) {
			counts.put(c, new int[4]);
		}
		for (ProblemRepository.OpenRow r : problems.open()) {
			long age = ChronoUnit.DAYS.between(r.raisedOn(), today);
			int[] c = counts.get(r.category());
			c[age <= 30 ? 0 : age <= 90 ? 1 : 2]++;
			if (r.dueDate().isBefore(today)) {
				c[3]++;
			}
		}
		List<PairingViews.BoardRow> rows = new ArrayList<>();
		int[] total = new int[4];
		counts.forEach((category, c) -> {
			rows.add(new PairingViews.BoardRow(category.toCodeLabel(), c[0], c[1], c[2], c[0] + c[1] + c[2], c[3]));
			for (int i = 0; i < 4; i++) {
				total[i] += c[i];
			}
		});
		return new PairingViews.Board(today, rows, new PairingViews.BoardRow(null, total[0], total[1], total[2],
				total[0] + total[1] + total[2], total[3]));
	}

	/** A progress entry's photo, for those who see its pair. */
	public Download photo(long progressId) {
		PlanRepository.ProgressRow g = plans.progress(progressId).orElseThrow(NotFoundException::new);
		PlanRepository.ItemRow item = plans.item(g.planItemId()).orElseThrow(NotFoundException::new);
		access.pair(item.pairId());
		if (g.photoFileId() == null) {
			throw new NotFoundException();
		}
		Download download = files.open(g.photoFileId());
		if (!download.file().ownerType().equals(PairPlans.PROGRESS) || download.file().ownerId() != progressId) {
			throw new NotFoundException();
		}
		return download;
	}

	private PairingViews.Problem problem(ProblemRepository.ProblemRow p) {
		return new PairingViews.Problem(p.id(), p.pairId(), p.organName(), p.partnerName(), p.category().toCodeLabel(),
				p.description(), p.owner(), p.raisedBy().toCodeLabel(), p.raisedOn(), p.dueDate(), p.status().toCodeLabel(),
				p.status().open(), p.status().open() && p.dueDate().isBefore(today()), p.escalatedAt(), p.closedOn(),
				p.version());
	}

	private static PairingViews.Partner partner(PairRepository.PartnerRow p) {
		return new PairingViews.Partner(p.id(), p.name(), p.kind().toCodeLabel(), p.district(), p.contactName(),
				Masking.keepHeadAndTail(p.contactPhone()));
	}
}
