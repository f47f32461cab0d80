package org.quntuan.care.pairing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.quntuan.platform.files.FileKind;
import org.quntuan.platform.files.FileStorage;
import org.quntuan.platform.files.StoredFile;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A pair's yearly plan (共建项目: what, when, who) and the progress entries on its items, each with at most
 * one photo (PNG or JPEG up to {@value #PHOTO_MAX_MB} MB), kept by platform.files with the entry.
 */
@Service
@Transactional
public class PairPlans {

	static final String PLAN_ITEM = "CARE_PAIR_PLAN";

	static final String PROGRESS = "CARE_PAIR_PROGRESS";

	static final Set<FileKind> PHOTO_KINDS = EnumSet.of(FileKind.PNG, FileKind.JPEG);

	static final int PHOTO_MAX_MB = 5;

	private final PlanRepository plans;

	private final PairingAccess access;

	private final FileStorage files;

	private final AuditLog audit;

	private final Clock clock;

	PairPlans(PlanRepository plans, PairingAccess access, FileStorage files, AuditLog audit, Clock clock) {
		this.plans = plans;
		this.access = access;
		this.files = files;
		this.audit = audit;
		this.clock = clock;
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
	}

	public long addItem(long pairId, PairingRequests.PlanItem r) {
		PairRepository.PairRow pair = access.pair(pairId);
		access.admin();
		List<InvalidValueException.Problem> problems = new ArrayList<>();
		String title = PairingInput.name("title", r.title(), 200, "pairing.plan.error.title", problems);
		String who = PairingInput.name("who", r.who(), 200, "pairing.plan.error.who", problems);
		if (r.plannedOn() == null) {
			problems.add(new InvalidValueException.Problem("plannedOn", "pairing.plan.error.planned-on"));
		}
		else if (r.plannedOn().getYear() < pair.startYear() || r.plannedOn().getYear() > pair.endYear()) {
			problems.add(new InvalidValueException.Problem("plannedOn", "pairing.plan.error.outside-term"));
		}
		PairingInput.report(problems);
		long id = plans.insertItem(pairId, title, r.plannedOn(), who, access.current().displayName(), now());
		audit.record(AuditType.CREATE, PLAN_ITEM, id, AuditLog.SUCCESS, Texts.chinese("pairing.audit.plan-added",
				pair.organName(), pair.partnerName(), title, r.plannedOn().toString(), who), pair.organPath());
		return id;
	}

	/** A progress entry on a plan item, with its photo if any: all or nothing. */
	public long addProgress(long itemId, LocalDate happenedOn, String note, PairingRequests.Upload photo) {
		PlanRepository.ItemRow item = plans.item(itemId).orElseThrow(NotFoundException::new);
		PairRepository.PairRow pair = access.pair(item.pairId());
		access.admin();
		List<InvalidValueException.Problem> problems = new ArrayList<>();
		String text = PairingInput.text("note", note, 1000, "pairing.progress.error.note", problems);
		if (happenedOn == null) {
			problems.add(new InvalidValueException.Problem("happenedOn", "pairing.progress.error.date"));
		}
		else if (happenedOn.isAfter(LocalDate.now(clock.withZone(Zones.BUSINESS)))) {
			problems.add(new InvalidValueException.Problem("happenedOn", "pairing.progress.error.future"));
		}
		if (photo != null && photo.size() > PHOTO_MAX_MB * 1024L * 1024L) {
			problems.add(new InvalidValueException.Problem("photo", "pairing.progress.error.photo-too-large"));
		}
		PairingInput.report(problems);
		long id = plans.insertProgress(itemId, happenedOn, text, access.current().displayName(), now());
		String photoName = "";
		if (photo != null) {
			StoredFile stored;
			try {
				stored = files.store(PROGRESS, id, photo.name(), photo.content(), photo.size(), PHOTO_KINDS);
			}
			catch (InvalidValueException ex) {
				throw new InvalidValueException("photo", ex.text());
			}
			plans.setPhoto(id, stored.id());
			photoName = stored.originalName();
		}
		audit.record(AuditType.CREATE, PROGRESS, id, AuditLog.SUCCESS, Texts.chinese("pairing.audit.progress-added",
				pair.organName(), pair.partnerName(), item.title(), happenedOn.toString(), photoName), pair.organPath());
		return id;
	}
}
