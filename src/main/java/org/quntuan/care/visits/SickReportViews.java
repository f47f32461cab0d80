package org.quntuan.care.visits;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** What the pages and the API take and show of sick reports (患病住院登记). */
public final class SickReportViews {

	private SickReportViews() {
	}

	/**
	 * A new report, or the changed one.
	 *
	 * @param personId whom it is about (on edit ignored: a report stays with its person)
	 * @param dischargedOn empty while in hospital
	 * @param diagnosis a short note (at most 200 characters), optional
	 * @param version on edit, the version the caller saw (optional: a stale one is 409)
	 */
	public record ReportInput(Long personId, LocalDate admittedOn, LocalDate dischargedOn, String hospital,
			String diagnosis, Integer version) {
	}

	/** @param open whether the case is still open (someone to visit) */
	public record Report(long id, long personId, String name, long organId, String organName, LocalDate admittedOn,
			LocalDate dischargedOn, String hospital, String diagnosis, String filedByName, OffsetDateTime filedAt,
			boolean open, OffsetDateTime closedAt, String closedByName, int version) {
	}
}
