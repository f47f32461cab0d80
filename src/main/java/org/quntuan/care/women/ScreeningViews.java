package org.quntuan.care.women;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.quntuan.platform.CodeLabel;

/** What the pages and the API show of the 两癌 screenings. */
public final class ScreeningViews {

	private ScreeningViews() {
	}

	/**
	 * A screening in a list.
	 *
	 * @param signupOpen today is inside the sign-up window
	 * @param mySignupId the caller's own sign-up, if any (cancelled ones included)
	 */
	public record Summary(long id, int year, String title, LocalDate startsOn, LocalDate endsOn, LocalDate signupOpensOn,
			LocalDate signupClosesOn, int capacity, boolean signupOpen, Long mySignupId, CodeLabel myStatus) {
	}

	/** An organ's places, the sign-ups holding them and its wait list. */
	public record Quota(long organId, String organName, int places, int confirmed, int waiting) {
	}

	/**
	 * A screening with what the caller may see and do.
	 *
	 * @param committee the caller keeps sign-ups of some organ here (a women's committee or the federation)
	 * @param canSignUp the caller may sign herself up now
	 * @param quotas all for the federation, the caller's committees' and her own organ's for others
	 * @param me the caller's own sign-up; null if none
	 */
	public record Detail(long id, int year, String title, LocalDate startsOn, LocalDate endsOn, LocalDate signupOpensOn,
			LocalDate signupClosesOn, int capacity, int priorityAge, int priorityYears, String creatorName,
			boolean signupOpen, boolean committee, boolean canSignUp, List<Quota> quotas, Signup me) {
	}

	/** A sign-up in the committee's list: the mobile masked, the result only as recorded or not. */
	public record SignupLine(long id, String name, String mobile, String organName, int age, CodeLabel status,
			boolean priority, OffsetDateTime signedUpAt, boolean resultRecorded) {
	}

	/**
	 * One sign-up whole, with its result: for the woman, her organ's women's committee and the federation.
	 *
	 * @param canCancel the woman may give her place back now
	 * @param canRecord the caller records the result
	 */
	public record Signup(long id, long screeningId, String screeningTitle, LocalDate startsOn, LocalDate endsOn,
			String name, String organName, int age, CodeLabel status, boolean priority, OffsetDateTime signedUpAt,
			OffsetDateTime cancelledAt, CodeLabel result, String resultNote, OffsetDateTime resultAt, String resultByName,
			boolean self, boolean canCancel, boolean canRecord) {
	}
}
