package org.quntuan.matchmaking;

import java.time.OffsetDateTime;
import java.util.List;

import org.quntuan.platform.CodeLabel;

/**
 * What the pages and the API show of matchmaking. Only {@link Match} and the reviewers' {@link ReviewItem}
 * carry a real name, organ or mobile; every view another member reads is a {@link Card}.
 */
public final class MatchmakingViews {

	private MatchmakingViews() {
	}

	/**
	 * The matchmaking rules.
	 *
	 * @param consentedVersion the version the caller holds a consent to, null if none
	 * @param consentRequired the caller has not agreed to the current version
	 */
	public record Rules(int version, String text, Integer consentedVersion, boolean consentRequired) {
	}

	public record Preferences(Integer ageFrom, Integer ageTo, Integer heightFrom, Integer heightTo, CodeLabel education,
			List<String> tags) {
	}

	/** A review of the caller's profile: who and when. */
	public record Review(boolean approved, String reason, String reviewerName, OffsetDateTime decidedAt) {
	}

	/**
	 * The caller's own profile.
	 *
	 * @param listed others find it now (approved, not paused, consent held)
	 * @param consentWithdrawn the consent was withdrawn: hidden until it is given again
	 * @param deleted deleted, waiting for its erasure
	 */
	public record MyProfile(long id, CodeLabel status, String returnReason, String nickname, CodeLabel gender,
			int birthYear, int height, CodeLabel education, String hometown, List<String> hobbies, String intro,
			Preferences preferences, boolean paused, boolean recommendations, boolean consentWithdrawn, boolean listed,
			boolean deleted, int version, List<Review> reviews, List<Long> photos) {
	}

	/**
	 * Another member's profile as members see it: never a real name, organ or mobile.
	 *
	 * @param photos the ids of its photos, served as thumbnails before a match
	 */
	public record Card(long id, String nickname, CodeLabel gender, int age, int height, CodeLabel education,
			String hometown, List<String> hobbies, String intro, String reason, List<Long> photos) {
	}

	/** A profile in a reviewer's queue or opened by a reviewer (logged as a view of personal data). */
	public record ReviewItem(long id, String name, String organName, CodeLabel status, OffsetDateTime updatedAt,
			MyProfile profile) {
	}

	/**
	 * An interest the caller sent or received.
	 *
	 * @param direction {@code SENT} or {@code RECEIVED}
	 * @param canAnswer received and waiting: the caller may accept or decline
	 */
	public record Interest(long id, String direction, CodeLabel status, Card other, OffsetDateTime createdAt,
			boolean canAnswer) {
	}

	/** A mutual interest: only here the other's real name, organ and mobile. */
	public record Match(long id, long profileId, String nickname, String name, String organName, String mobile,
			OffsetDateTime matchedAt) {
	}

	/** A report, for the work committee's reviewers. */
	public record Report(long id, long reportedProfileId, String reportedNickname, String reason,
			OffsetDateTime createdAt) {
	}
}
