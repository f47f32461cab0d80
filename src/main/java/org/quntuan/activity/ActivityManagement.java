package org.quntuan.activity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;

import org.quntuan.activity.ActivityEligibilityRule.AudienceRoot;
import org.quntuan.activity.clubs.ClubQueries;
import org.quntuan.activity.series.SeriesQuarter;
import org.quntuan.activity.series.SeriesQueries;
import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.organization.OrgSummary;
import org.quntuan.organization.TargetOrgs;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.Text;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Versions;
import org.quntuan.platform.Zones;
import org.quntuan.platform.files.FileKind;
import org.quntuan.platform.files.FileStorage;
import org.quntuan.platform.files.StoredFile;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/** Publishing and changing activities, by the admins of the organizer org. */
@Service
@Transactional
public class ActivityManagement {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ActivityRepository activities;

	private final ActivityAccess access;

	private final TargetOrgs targets;

	private final Registrations registrations;

	private final SeriesQueries series;

	private final ClubQueries clubs;

	private final FileStorage files;

	private final Clock clock;

	private final AuditLog audit;

	ActivityManagement(ActivityRepository activities, ActivityAccess access, TargetOrgs targets,
			Registrations registrations, SeriesQueries series, ClubQueries clubs, FileStorage files, Clock clock,
			AuditLog audit) {
		this.audit = audit;
		this.activities = activities;
		this.access = access;
		this.targets = targets;
		this.registrations = registrations;
		this.series = series;
		this.clubs = clubs;
		this.files = files;
		this.clock = clock;
	}

	public long create(ActivityForm form) {
		OrgSummary organizer = access.organizerFor(form.organizerOrgId());
		ActivityForm.Checked c = form.check();
		List<AudienceRoot> audience = audience(form);
		if (!form.signupClosesAt().isAfter(OffsetDateTime.now(clock))) {
			throw new BusinessRuleException("activity.error.signup-closed-before-publish");
		}
		if (form.seriesId() != null) {
			SeriesQuarter quarter = series.find(form.seriesId())
				.orElseThrow(() -> new InvalidValueException("seriesId", "activity.error.series-missing"));
			requireInQuarter(quarter, form.startAt());
		}
		if (form.clubId() != null && clubs.usable().stream().noneMatch(club -> club.id() == form.clubId())) {
			throw new InvalidValueException("clubId", "activity.error.club-not-usable");
		}
		CurrentUser user = access.user();
		byte[] secret = new byte[24];
		RANDOM.nextBytes(secret);
		long id = activities.insert(new ActivityRepository.NewActivity(c.title(), c.type(), organizer.id(),
				organizer.path(), form.seriesId(), form.clubId(), c.description(), c.place(), form.startAt(),
				form.endAt(), form.signupOpensAt(), form.signupClosesAt(), form.cancelDeadline(), c.seats(),
				c.needsApproval(), c.gender(), c.minAge(), c.maxAge(), HexFormat.of().formatHex(secret),
				user.accountId(), OffsetDateTime.now(clock)));
		activities.replaceAudience(id, audience);
		audit.record(AuditType.PUBLISH, "ACTIVITY", id, AuditLog.SUCCESS,
				Texts.chinese("activity.audit.published", c.title(), c.seats()), organizer.path());
		return id;
	}

	/**
	 * A series quarter counts the activities held in it (participation, the 片组 ranking): one
	 * starting outside its months would be counted in the wrong season.
	 */
	private static void requireInQuarter(SeriesQuarter quarter, OffsetDateTime startAt) {
		LocalDate day = startAt.atZoneSameInstant(Zones.BUSINESS).toLocalDate();
		LocalDate first = LocalDate.of(quarter.year(), quarter.quarter() * 3 - 2, 1);
		LocalDate last = first.plusMonths(3).minusDays(1);
		if (day.isBefore(first) || day.isAfter(last)) {
			throw new BusinessRuleException("activity.error.outside-quarter", quarter.label(), first.toString(),
					last.toString(), day.toString());
		}
	}

	private List<AudienceRoot> audience(ActivityForm form) {
		return targets.roots(form.audience()).stream()
			.map(o -> new AudienceRoot(o.id(), o.path(), o.type().isMassOrganization() ? o.organId() : null))
			.toList();
	}

	/**
	 * Changes an activity. Seats may not fall below those held (confirmed and pending); raising them
	 * promotes people from the wait list at once.
	 */
	public void update(long id, ActivityForm form) {
		ActivityRow a = access.managed(activities.lock(id).orElseThrow(NotFoundException::new));
		ActivityForm.Checked c = form.check();
		Versions.check(form.version(), a.version(), "activity.error.changed");
		requireSeatsForHeld(a, c.seats());
		if (a.seriesId() != null) {
			series.find(a.seriesId()).ifPresent(quarter -> requireInQuarter(quarter, form.startAt()));
		}
		List<AudienceRoot> audience = audience(form);
		activities.update(id, new ActivityRepository.Changes(c.title(), c.type(), c.description(), c.place(),
				form.startAt(), form.endAt(), form.signupOpensAt(), form.signupClosesAt(), form.cancelDeadline(),
				c.seats(), c.needsApproval(), c.gender(), c.minAge(), c.maxAge()));
		activities.replaceAudience(id, audience);
		registrations.fillFreeSeats(id);
		audit.record(AuditType.UPDATE, "ACTIVITY", id, AuditLog.SUCCESS, Texts.chinese("activity.audit.updated", c.title()),
				a.organizerPath());
	}

	/** Only the number of seats. */
	public void changeSeats(long id, Integer seats, Integer version) {
		ActivityRow a = access.managed(activities.lock(id).orElseThrow(NotFoundException::new));
		Versions.check(version, a.version(), "activity.error.changed");
		if (seats == null || seats < 1 || seats > ActivityForm.MAX_SEATS) {
			throw new InvalidValueException("seats", Text.of("activity.form.error.seats-range", ActivityForm.MAX_SEATS));
		}
		requireSeatsForHeld(a, seats);
		activities.update(id, new ActivityRepository.Changes(a.title(), a.type(), a.description(), a.place(),
				a.startAt(), a.endAt(), a.signupOpensAt(), a.signupClosesAt(), a.cancelDeadline(), seats,
				a.needsApproval(), a.gender(), a.minAge(), a.maxAge()));
		registrations.fillFreeSeats(id);
		audit.record(AuditType.UPDATE, "ACTIVITY", id, AuditLog.SUCCESS,
				Texts.chinese("activity.audit.seats-changed", a.title(), a.seats(), seats), a.organizerPath());
	}

	private static void requireSeatsForHeld(ActivityRow a, int seats) {
		if (seats < a.heldSeats()) {
			throw new BusinessRuleException("activity.error.seats-below-held", a.heldSeats());
		}
	}

	/** Calls an activity off and tells everyone registered. */
	public void cancel(long id) {
		ActivityRow a = access.managed(activities.lock(id).orElseThrow(NotFoundException::new));
		if (a.status() == ActivityStatus.CANCELLED) {
			return;
		}
		if (!a.endAt().isAfter(OffsetDateTime.now(clock))) {
			throw new BusinessRuleException("activity.error.ended-cannot-cancel");
		}
		activities.setStatus(id, ActivityStatus.CANCELLED);
		registrations.notifyActivityCancelled(a);
		audit.record(AuditType.CANCEL, "ACTIVITY", id, AuditLog.SUCCESS, Texts.chinese("activity.audit.cancelled", a.title()),
				a.organizerPath());
	}

	/** The owner type of cover images in {@link FileStorage}. */
	static final String COVER = "ACTIVITY_COVER";

	/**
	 * Uploads (or replaces) the cover image: PNG or JPEG. 400 without a file or for another kind;
	 * then nothing changes.
	 */
	public StoredFile replaceCover(long id, MultipartFile file) {
		ActivityRow a = access.managed(activities.lock(id).orElseThrow(NotFoundException::new));
		if (file == null || file.isEmpty()) {
			throw new InvalidValueException("file", "activity.error.cover-required");
		}
		StoredFile stored;
		try {
			stored = files.store(COVER, id, file.getOriginalFilename(), file.getInputStream(), file.getSize(),
					EnumSet.of(FileKind.PNG, FileKind.JPEG));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		activities.setCover(id, stored.id());
		audit.record(AuditType.UPDATE, "ACTIVITY", id, AuditLog.SUCCESS,
				Texts.chinese("activity.audit.cover-replaced", a.title(), stored.originalName()), a.organizerPath());
		return stored;
	}

	public void setCover(long id, Long fileId) {
		ActivityRow a = access.managed(id);
		activities.setCover(id, fileId);
		audit.record(AuditType.UPDATE, "ACTIVITY", id, AuditLog.SUCCESS,
				Texts.chinese(fileId == null ? "activity.audit.cover-removed" : "activity.audit.cover-set", a.title()),
				a.organizerPath());
	}
}
