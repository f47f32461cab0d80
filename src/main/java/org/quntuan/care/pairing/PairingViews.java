package org.quntuan.care.pairing;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.quntuan.platform.CodeLabel;

/** What the pages and the API show of pairing (结对共建). */
public final class PairingViews {

	private PairingViews() {
	}

	/** A partner outside the tree; the phone masked in lists. */
	public record Partner(long id, String name, CodeLabel kind, String district, String contactName,
			String contactPhone) {
	}

	/** A pair in a list; current: its term holds this year. */
	public record PairSummary(long id, long organId, String organName, long partnerId, String partnerName,
			CodeLabel partnerKind, String district, int startYear, int endYear, boolean current) {
	}

	/** One of the organ's contact people, the mobile masked. */
	public record Contact(long personId, String name, String mobile) {
	}

	public record Progress(long id, LocalDate happenedOn, String note, boolean photo, String authorName,
			OffsetDateTime createdAt) {
	}

	/** A joint project of the year's plan: what, when, who, and what has been done. */
	public record PlanItem(long id, int year, String title, LocalDate plannedOn, String who, List<Progress> progress) {
	}

	/**
	 * A problem of a pair.
	 *
	 * @param overdue open and past its due date
	 * @param escalatedAt when it was reported to the work committee as overdue; null if not
	 * @param version what a step sends back
	 */
	public record Problem(long id, long pairId, String organName, String partnerName, CodeLabel category,
			String description, String owner, CodeLabel raisedBy, LocalDate raisedOn, LocalDate dueDate, CodeLabel status,
			boolean open, boolean overdue, OffsetDateTime escalatedAt, LocalDate closedOn, int version) {
	}

	public record Step(CodeLabel from, CodeLabel to, String note, String actorName, OffsetDateTime at) {
	}

	/** A problem with its steps and the statuses it may move to next. */
	public record ProblemDetail(Problem problem, List<Step> steps, List<CodeLabel> next) {
	}

	/**
	 * A pair with one year of its plan and its problems.
	 *
	 * @param canRenew the caller may make the pair of the next term (新一轮结对)
	 * @param nextPairId the pair of the next term, if made
	 */
	public record PairDetail(long id, long organId, String organName, Partner partner, int startYear, int endYear,
			Long previousPairId, Long nextPairId, List<Contact> contacts, int year, List<Integer> years,
			List<PlanItem> plan, List<Problem> problems, boolean canRenew) {
	}

	/** Open problems of a category by age since raised: up to 30 days, 31 to 90, over 90. */
	public record BoardRow(CodeLabel category, int upTo30, int upTo90, int over90, int total, int overdue) {
	}

	public record Board(LocalDate asOf, List<BoardRow> rows, BoardRow totals) {
	}
}
