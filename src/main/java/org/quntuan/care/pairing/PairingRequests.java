package org.quntuan.care.pairing;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Size;

/** What the pairing forms and the API send. */
public final class PairingRequests {

	private PairingRequests() {
	}

	/** @param kind COMMUNITY 社区, VILLAGE 村 or ENTERPRISE 企业 (code or label) */
	public record Partner(String name, String kind, String district, String contactName, String contactPhone) {
	}

	/** @param contactPersonIds people of the organ who keep in touch with the partner (1 to 10) */
	public record Pair(Long organId, Long partnerId, Integer startYear, Integer endYear,
			@Size(max = 20) List<Long> contactPersonIds) {
	}

	/** The next term: by default the year after the old one ends, as long as the old one. */
	public record Renewal(Integer startYear, Integer endYear) {
	}

	/** A joint project: what, when, who. */
	public record PlanItem(String title, LocalDate plannedOn, String who) {
	}

	/**
	 * @param raisedBy ORGAN (the department) or PARTNER (the community side); ORGAN if not given
	 * @param raisedOn today if not given; never in the future
	 */
	public record Problem(String category, String description, String owner, LocalDate dueDate, LocalDate raisedOn,
			String raisedBy) {
	}

	/** A step of a problem: the status it moves to, the note (required) and the version read. */
	public record StatusChange(String status, String note, Integer version) {
	}

	/** An uploaded photo. */
	public record Upload(String name, InputStream content, long size) {
	}
}
