package org.quntuan.finance.audits;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.quntuan.platform.CodeLabel;

/** What the API and the pages show of audits 审查监督. */
final class FundsAuditViews {

	private FundsAuditViews() {
	}

	/** One line of the audit board; open counts findings not yet closed, overdue those past their deadline. */
	public record Row(long id, int year, long orgId, String orgName, String orgType, String groupName,
			CodeLabel status, String auditor, long openFindings, long overdueFindings, OffsetDateTime closedAt) {
	}

	/**
	 * The board as the API gives it: the whole year's rows (one per audited book, a bounded set) and
	 * their totals, rather than a page, because the totals are what the committee reads first.
	 */
	public record Board(int year, List<Row> rows, BoardTotals totals) {

		static Board of(int year, List<Row> rows) {
			long closed = rows.stream().filter(r -> "CLOSED".equals(r.status().code())).count();
			return new Board(year, rows, new BoardTotals(rows.size(), closed,
					rows.stream().mapToLong(Row::openFindings).sum(), rows.stream().mapToLong(Row::overdueFindings).sum()));
		}
	}

	public record BoardTotals(long audits, long closed, long openFindings, long overdueFindings) {
	}

	/** A plan request's outcome: the audits created, and the books already in that year's plan. */
	public record Plan(int year, List<Planned> created, List<Planned> skipped) {
	}

	public record Planned(Long auditId, long orgId, String orgName) {
	}

	/**
	 * @param canPerform the caller may examine (start, checklist, samples, findings, decisions, close)
	 * @param canRespond the caller keeps the audited book and answers its findings
	 */
	public record Detail(long id, int year, long orgId, String orgName, String orgType, String groupName,
			CodeLabel status, String auditor, String plannedBy, OffsetDateTime createdAt, OffsetDateTime startedAt,
			OffsetDateTime closedAt, String conclusion, List<Check> checks, List<Sample> samples,
			List<Finding> findings, boolean canPerform, boolean canRespond) {

		public long openFindings() {
			return findings.stream().filter(f -> !f.status().code().equals(FindingStatus.CLOSED.code())).count();
		}

		public long uncheckedItems() {
			return checks.stream().filter(c -> c.result() == null).count();
		}
	}

	public record Check(int itemNo, String item, CodeLabel result, String note) {
	}

	/** An entry of the journal, as far as an audit needs to show it; bankAmount positive for money in. */
	public record EntrySummary(long txnId, LocalDate date, String category, String memo, String counterparty,
			BigDecimal bankAmount, String source, boolean reversed) {
	}

	public record Sample(EntrySummary entry, String note, OffsetDateTime sampledAt) {
	}

	public record Finding(long id, long auditId, CodeLabel severity, String description, String rectification,
			LocalDate deadline, CodeLabel status, boolean overdue, String response, OffsetDateTime respondedAt,
			String respondedBy, OffsetDateTime closedAt, OffsetDateTime createdAt, List<EntrySummary> entries,
			List<Evidence> evidence, List<Step> steps) {
	}

	public record Evidence(long fileId, String name, String kind, long sizeBytes, OffsetDateTime uploadedAt) {
	}

	/** One step of a finding's back and forth: a response, a return with the reason, the acceptance. */
	public record Step(String action, String actionLabel, String note, String by, OffsetDateTime at) {
	}

	/** A finding still waiting for the union, for the 整改事项 list of its keepers. */
	public record OpenFinding(long id, long auditId, int year, long orgId, String orgName, CodeLabel severity,
			String description, String rectification, LocalDate deadline, CodeLabel status, boolean overdue) {
	}
}
