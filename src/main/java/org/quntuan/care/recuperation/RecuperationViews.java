package org.quntuan.care.recuperation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.quntuan.platform.CodeLabel;

/** What the pages and the API show of recuperation. */
public final class RecuperationViews {

	private RecuperationViews() {
	}

	/**
	 * A batch in a list.
	 *
	 * @param costPerPerson yuan, two decimals
	 * @param allocated the places shared among organs
	 * @param held the places nominations hold
	 * @param myNominationId the caller's own nomination in the batch, if any
	 */
	public record Summary(long id, String title, CodeLabel kind, String destination, LocalDate startsOn, LocalDate endsOn,
			int capacity, String costPerPerson, int allocated, int held, Long myNominationId, CodeLabel myStatus) {
	}

	/** An organ's places in a batch, those its nominations hold and its wait list. */
	public record Quota(long organId, String organName, int places, int held, int waiting) {
	}

	/** A nomination on the roster. */
	public record Nomination(long id, long batchId, long personId, String name, String organName, CodeLabel status,
			String modelWorkerReference, String nominatorName, OffsetDateTime nominatedAt, OffsetDateTime answeredAt,
			String answerNote, OffsetDateTime attendanceAt) {
	}

	/**
	 * A batch with what the caller may see and do.
	 *
	 * @param version what a change of the quotas sends back
	 * @param organizer plans the places and records attendance
	 * @param canNominate the caller nominates people to it now
	 * @param attendanceOpen the trip is over: attendance may be recorded
	 * @param quotas every organ's for the organizers, the caller's own organs' for other admins
	 * @param me the caller's own nomination; null if none
	 * @param roster the nominations the caller may see
	 * @param intervalYears a person who went within so many years of the start is not nominated again
	 */
	public record Detail(long id, String title, CodeLabel kind, String destination, LocalDate startsOn, LocalDate endsOn,
			int capacity, String costPerPerson, String description, String ownerOrgName, String creatorName, int version,
			int allocated, int held, boolean organizer, boolean canNominate, boolean started, boolean attendanceOpen,
			List<Quota> quotas, Nomination me, List<Nomination> roster, int intervalYears) {
	}

	/**
	 * One nomination with its batch, as the person (or an admin of theirs) opens it from the notification.
	 *
	 * @param canAnswer the person may confirm or decline now
	 * @param canWithdraw the caller may take it back
	 */
	public record NominationPage(Nomination nomination, Summary batch, boolean self, boolean canConfirm,
			boolean canDecline, boolean canWithdraw) {
	}
}
