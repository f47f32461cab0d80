package org.quntuan.care.visits;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.quntuan.platform.CodeLabel;

/** What the pages and the API take and show of visit plans, recipients and visits. */
public final class VisitViews {

	private VisitViews() {
	}

	/**
	 * A new plan.
	 *
	 * @param bookOrgId the 工会 (or 片组, or the federation) whose book pays
	 * @param budget yuan, as a string ("50000.00")
	 * @param standards one per kind of recipient
	 */
	public record PlanInput(String title, LocalDate startsOn, LocalDate endsOn, Long bookOrgId, String budget,
			String note, @Valid @Size(max = 20) List<StandardInput> standards) {
	}

	/**
	 * @param kind MODEL_WORKER 劳模, UNION_CADRE 机关工会干部, HARDSHIP 困难会员, SICK 患病住院, RETIRED 退休老同志, OTHER 其他
	 * @param form CASH 慰问金 or GOODS 慰问品
	 * @param amount the cash per person, or the value of the goods per person
	 * @param goods what the goods are (for GOODS)
	 */
	public record StandardInput(String kind, String form, String amount, String goods) {
	}

	/** A person added to a plan's list, with their kind and an optional note (e.g. the hospital). */
	public record RecipientInput(Long personId, String kind, String note) {
	}

	/**
	 * A visit to one recipient.
	 *
	 * @param form CASH or GOODS; the kind's standard when absent
	 * @param amount the cash, or the goods' value; the kind's standard when absent
	 */
	public record VisitInput(Long recipientId, LocalDate visitedOn, String visitors, String form, String amount,
			String goods, String note) {
	}

	/** @param kind HARDSHIP 困难会员 or SICK 患病住院: the register to add from */
	public record RegisterInput(String kind) {
	}

	/** A budget raised or cut, with the version of the plan the caller saw. */
	public record BudgetInput(String budget, Integer version) {
	}

	/** A photo as it arrives. */
	public record Upload(String name, InputStream content, long size) {
	}

	public record Standard(CodeLabel kind, CodeLabel form, BigDecimal amount, String goods) {
	}

	public record PlanSummary(long id, String title, LocalDate startsOn, LocalDate endsOn, String bookOrgName,
			BigDecimal budget, long recipients, long visited) {
	}

	/**
	 * @param organizer whether the caller keeps the plan (budget, the whole list and board)
	 * @param canAdd whether the caller may add people (an admin of some of the plan's people)
	 */
	public record PlanDetail(long id, String title, LocalDate startsOn, LocalDate endsOn, long bookOrgId,
			String bookOrgName, String areaOrgName, BigDecimal budget, String note, String creatorName,
			OffsetDateTime createdAt, int version, List<Standard> standards, BigDecimal planned, BigDecimal spent,
			boolean organizer, boolean canAdd) {
	}

	/** A recipient with their visit, if any. */
	public record Recipient(long id, long personId, String name, CodeLabel kind, long organId, String organName,
			BigDecimal plannedAmount, String note, String addedByName, Visit visit) {
	}

	public record Visit(long id, long recipientId, LocalDate visitedOn, String visitors, CodeLabel form,
			BigDecimal amount, String goods, String note, Long photoFileId, Long txnId, String recordedByName,
			OffsetDateTime recordedAt) {
	}

	/** A recipient and their plan, for the page that records the visit. */
	public record RecipientDetail(Recipient recipient, PlanDetail plan, Standard standard) {
	}

	/** One organ on the board: planned and visited people, the money reserved and spent. */
	public record BoardRow(long organId, String organName, long planned, long visited, BigDecimal plannedAmount,
			BigDecimal cash, BigDecimal goods) {
	}

	public record BoardTotals(long planned, long visited, BigDecimal plannedAmount, BigDecimal cash, BigDecimal goods,
			BigDecimal spent, BigDecimal budget, BigDecimal remaining) {
	}

	/** @param whole whether the rows cover the whole plan (the organizers) or only the caller's people */
	public record Board(long planId, String title, LocalDate startsOn, LocalDate endsOn, String bookOrgName,
			boolean whole, List<BoardRow> rows, BoardTotals totals) {
	}
}
