package org.quntuan.activity.clubs;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A new club: the sponsor is the federation or an organ's union; the leader a person with an account. */
public record ClubForm(@NotBlank(message = "{activity.club.validation.m1}") @Size(max = 100, message = "{activity.club.validation.m2}") String name,
		@Size(max = 2000, message = "{activity.club.validation.m3}") String description,
		@NotNull(message = "{activity.club.validation.m4}") Long leaderPersonId,
		@NotNull(message = "{activity.club.validation.m5}") Long sponsorOrgId) {
}
