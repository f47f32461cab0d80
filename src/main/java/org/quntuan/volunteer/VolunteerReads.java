package org.quntuan.volunteer;

import java.math.BigDecimal;
import java.util.List;

import org.quntuan.platform.CodeLabel;
import org.quntuan.platform.Coded;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.SqlCondition;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of registrations and hours for the API and the pages, each scoped through {@link VolunteerAccess}. */
@Service
@Transactional(readOnly = true)
class VolunteerReads {

	private final VolunteerRepository volunteers;

	private final HoursRepository ledger;

	private final VolunteerAccess access;

	private final VolunteerSettings settings;

	VolunteerReads(VolunteerRepository volunteers, HoursRepository ledger, VolunteerAccess access,
			VolunteerSettings settings) {
		this.volunteers = volunteers;
		this.ledger = ledger;
		this.access = access;
		this.settings = settings;
	}

	boolean isAdmin() {
		return access.user().scope().isAdmin();
	}

	/** 403 for callers who administer nobody. */
	void requireAdmin() {
		if (!isAdmin()) {
			throw new ForbiddenException("volunteer.error.admins-only");
		}
	}

	/** The caller's registration (with its history), verified hours and star level. */
	VolunteerViews.Mine mine() {
		Long personId = access.user().personId();
		if (personId == null) {
			return new VolunteerViews.Mine(null, Hours.format(BigDecimal.ZERO), null);
		}
		BigDecimal verified = ledger.totals(personId).verified();
		return new VolunteerViews.Mine(volunteers.ofPerson(personId).map(r -> view(r, true)).orElse(null),
				Hours.format(verified), label(settings.starOf(verified)));
	}

	VolunteerViews.Registration registration(long id) {
		VolunteerRepository.Row row = volunteers.find(id).orElseThrow(NotFoundException::new);
		access.requireSeen(row.personId());
		return view(row, true);
	}

	/** VolunteerRegistrations of the people the caller administers (none for others), oldest first. */
	PageResult<VolunteerViews.Registration> registrations(String status, PageRequest page) {
		VolunteerStatus wanted = Coded.parse(VolunteerStatus.class, status);
		SqlCondition scope = isAdmin() ? access.administered() : SqlCondition.NONE;
		return volunteers.list(scope, wanted, page).map(r -> view(r, false));
	}

	/** The caller's hours: verified and pending sums and every entry, newest first. */
	VolunteerViews.MyHours myHours() {
		CurrentUser user = access.user();
		if (user.personId() == null) {
			String zero = Hours.format(BigDecimal.ZERO);
			return new VolunteerViews.MyHours(zero, zero, null, List.of());
		}
		HoursRepository.Totals totals = ledger.totals(user.personId());
		List<VolunteerViews.Entry> entries = ledger.entries(user.personId()).stream().map(VolunteerReads::entry).toList();
		return new VolunteerViews.MyHours(Hours.format(totals.verified()), Hours.format(totals.pending()),
				label(settings.starOf(totals.verified())), entries);
	}

	/** Claims of the people the caller administers: waiting ones (oldest first) or all (newest first). */
	PageResult<VolunteerViews.Claim> claims(boolean pendingOnly, PageRequest page) {
		SqlCondition scope = isAdmin() ? access.administered() : SqlCondition.NONE;
		return ledger.claims(scope, pendingOnly, page)
			.map(c -> new VolunteerViews.Claim(c.entry().id(), c.entry().personId(), c.name(), c.organName(),
					c.entry().date(), Hours.format(c.entry().hours()), c.entry().description(),
					c.entry().status().toCodeLabel(), c.entry().createdAt()));
	}

	private VolunteerViews.Registration view(VolunteerRepository.Row r, boolean withHistory) {
		List<VolunteerViews.Event> history = withHistory ? volunteers.history(r.id()).stream()
			.map(e -> new VolunteerViews.Event(EventKind.valueOf(e.kind()).toCodeLabel(), e.reason(), e.actorName(),
					e.at()))
			.toList() : null;
		return new VolunteerViews.Registration(r.id(), r.personId(), r.name(), r.organName(), r.status().toCodeLabel(),
				r.number(), r.teamName(), r.skills(), r.areas(), r.availability(), r.registeredAt(), r.decidedAt(),
				r.decisionReason(), history);
	}

	static VolunteerViews.Entry entry(HoursRepository.EntryRow e) {
		boolean claim = e.kind() == EntryKind.CLAIM;
		return new VolunteerViews.Entry(e.id(), e.kind().toCodeLabel(), e.date(), Hours.format(e.hours()),
				e.description(), claim ? e.status().toCodeLabel() : null, claim ? Hours.format(e.counted()) : null,
				e.adjustsId(), claim ? e.checkReason() : e.reason(), e.authorName(), e.checkerName(), e.createdAt());
	}

	private static CodeLabel label(StarLevel star) {
		return star == null ? null : star.toCodeLabel();
	}
}
