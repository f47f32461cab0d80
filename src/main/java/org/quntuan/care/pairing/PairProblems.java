package org.quntuan.care.pairing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.ConflictException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.Text;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Versions;
import org.quntuan.platform.Zones;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The problems (共性、突出问题) a pair raises, from either side, followed to the end: 提出 → 受理 → 协调中 →
 * 已解决 or 无法解决, one step at a time with a note, each step kept. Two steps on the same version read at
 * once: the first wins, the other is told the problem changed (409), as the update names the version.
 */
@Service
@Transactional
public class PairProblems {

	static final String PROBLEM = "CARE_PAIR_PROBLEM";

	private final ProblemRepository problems;

	private final PairingAccess access;

	private final AuditLog audit;

	private final Clock clock;

	PairProblems(ProblemRepository problems, PairingAccess access, AuditLog audit, Clock clock) {
		this.problems = problems;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.BUSINESS));
	}

	public long raise(long pairId, PairingRequests.Problem r) {
		PairRepository.PairRow pair = access.pair(pairId);
		access.admin();
		List<InvalidValueException.Problem> found = new ArrayList<>();
		ProblemCategory category = PairingInput.coded(ProblemCategory.class, "category", r.category(),
				"pairing.problem.error.category", found);
		String description = PairingInput.text("description", r.description(), 1000, "pairing.problem.error.description",
				found);
		String owner = PairingInput.name("owner", r.owner(), 100, "pairing.problem.error.owner", found);
		RaisedBy by = r.raisedBy() == null || r.raisedBy().isBlank() ? RaisedBy.ORGAN
				: PairingInput.coded(RaisedBy.class, "raisedBy", r.raisedBy(), "pairing.problem.error.raised-by", found);
		LocalDate raisedOn = r.raisedOn() == null ? today() : r.raisedOn();
		if (raisedOn.isAfter(today())) {
			found.add(new InvalidValueException.Problem("raisedOn", "pairing.problem.error.raised-future"));
		}
		if (r.dueDate() == null) {
			found.add(new InvalidValueException.Problem("dueDate", "pairing.problem.error.due-required"));
		}
		else if (r.dueDate().isBefore(raisedOn)) {
			found.add(new InvalidValueException.Problem("dueDate",
					Text.of("pairing.problem.error.due-before-raised", raisedOn.toString())));
		}
		PairingInput.report(found);
		String actor = access.current().displayName();
		long id = problems.insert(pairId, category, description, owner, by, raisedOn, r.dueDate(), actor, now());
		problems.insertStep(id, null, ProblemStatus.RAISED, description, actor, now());
		audit.record(AuditType.CREATE, PROBLEM, id, AuditLog.SUCCESS, Texts.chinese("pairing.audit.problem-raised",
				pair.organName(), pair.partnerName(), category, description, owner, r.dueDate().toString()),
				pair.organPath());
		return id;
	}

	/** Moves the problem one step on, with the note; nothing changes if the step is not the next one. */
	public void move(long id, PairingRequests.StatusChange r) {
		ProblemRepository.ProblemRow p = problems.find(id).orElseThrow(NotFoundException::new);
		access.pair(p.pairId());
		access.admin();
		int version = Versions.required(r.version());
		List<InvalidValueException.Problem> found = new ArrayList<>();
		ProblemStatus to = PairingInput.coded(ProblemStatus.class, "status", r.status(), "pairing.problem.error.status",
				found);
		String note = PairingInput.text("note", r.note(), 1000, "pairing.problem.error.note", found);
		PairingInput.report(found);
		if (version != p.version()) {
			throw new ConflictException("pairing.problem.error.changed");
		}
		if (!p.status().next().contains(to)) {
			throw p.status().open()
					? new BusinessRuleException("pairing.problem.error.not-next", Texts.localized(Text.label(p.status())),
							Texts.localized(Text.label(to)), p.status().next().stream()
								.map(s -> Texts.localized(Text.label(s))).reduce((a, b) -> a + " / " + b).orElse(""))
					: new BusinessRuleException("pairing.problem.error.closed", Texts.localized(Text.label(p.status())));
		}
		if (!problems.move(id, version, to, to.open() ? null : today())) {
			throw new ConflictException("pairing.problem.error.changed");
		}
		String actor = access.current().displayName();
		problems.insertStep(id, p.status(), to, note, actor, now());
		audit.record(AuditType.UPDATE, PROBLEM, id, AuditLog.SUCCESS, Texts.chinese("pairing.audit.problem-moved",
				p.organName(), p.partnerName(), p.description(), p.status(), to, note), p.organPath());
	}
}
