package org.quntuan.volunteer;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.quntuan.platform.CodeLabel;

/** What the pages and the API take and show of volunteers and their hours. */
public final class VolunteerViews {

	private VolunteerViews() {
	}

	/** A registration by the caller; {@code consent} is the consent to the volunteer rules. */
	public record RegistrationInput(String skills, String areas, String availability, Boolean consent) {
	}

	/** The decision on a registration; a rejection needs its reason. */
	public record Decision(Boolean approve, String reason) {
	}

	public record Leaving(String reason) {
	}

	/** A step in a registration's history. */
	public record Event(CodeLabel kind, String reason, String actorName, OffsetDateTime at) {
	}

	/** A registration, with its history when one is shown alone. */
	public record Registration(long id, long personId, String name, String organName, CodeLabel status, String number,
			String teamName, String skills, String areas, String availability, OffsetDateTime registeredAt,
			OffsetDateTime decidedAt, String decisionReason, List<Event> history) {
	}

	/** The caller's own standing: the registration (null before any), verified hours and star level. */
	public record Mine(Registration registration, String verifiedHours, CodeLabel star) {
	}

	/** An off-platform claim: {@code hours} as a string in half-hour steps ("2.5"). */
	public record ClaimInput(LocalDate date, String hours, String description) {
	}

	/** The check of a claim: {@code hours} (optional) verifies other hours than claimed, with a reason. */
	public record Verification(Boolean approve, String hours, String reason) {
	}

	/** A correction of verified hours by a signed number of hours ("-1.5"), with its reason. */
	public record AdjustmentInput(String hours, String reason) {
	}

	/**
	 * An entry of the ledger. For a claim: {@code status} and {@code countedHours} (what it counts with its
	 * adjustments; 0 unless verified); for an adjustment: the claim it corrects ({@code adjustsId}).
	 */
	public record Entry(long id, CodeLabel kind, LocalDate date, String hours, String description, CodeLabel status,
			String countedHours, Long adjustsId, String reason, String authorName, String checkerName,
			OffsetDateTime createdAt) {
	}

	/** A person's hours: the sum of verified entries, the claims still waiting, and the entries, newest first. */
	public record MyHours(String verifiedHours, String pendingHours, CodeLabel star, List<Entry> entries) {
	}

	/** A claim waiting for (or past) its check, as admins list them. */
	public record Claim(long id, long personId, String name, String organName, LocalDate date, String hours,
			String description, CodeLabel status, OffsetDateTime createdAt) {
	}

	/** One row of a ranking: a person, a team or an organ, with the year's verified hours. */
	public record RankRow(int rank, long id, String name, String organName, long volunteers, String hours,
			CodeLabel star) {
	}

	/** What the public verification page shows of a certificate: the minimum. */
	public record CertificateCheck(String maskedName, String hours, LocalDate from, LocalDate to, LocalDate issuedOn,
			String number, boolean valid) {
	}

	/** A standing project or a campaign; {@code month} and {@code day} are a campaign's day each year. */
	public record Project(long id, CodeLabel kind, String name, String description, String partner, String leader,
			Integer month, Integer day) {
	}

	/** What the federation enters for a project; {@code month} and {@code day} for a campaign. */
	public record ProjectInput(String kind, String name, String description, String partner, String leader,
			Integer month, Integer day) {
	}
}
