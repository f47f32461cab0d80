package org.quntuan.finance.audits;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.quntuan.finance.JournalQueries;
import org.quntuan.organization.OrgType;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.Text;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.quntuan.platform.files.Download;
import org.quntuan.platform.files.FileStorage;
import org.quntuan.platform.files.StoredFile;
import org.quntuan.platform.reads.ReadsJdbc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of audits for those who read the audited books: the board, one audit, the open findings. The
 * board (page, API, Excel) reads on the standby when there is one ({@link ReadsJdbc}); the reader's
 * scope, one audit and the findings read the primary.
 */
@Service
@Transactional(readOnly = true)
class FinanceAuditQueries {

	private final FundsAuditAccess access;

	private final JournalQueries journal;

	private final FileStorage files;

	private final JdbcClient jdbc;

	/** The board's reads: the read-only standby when there is one. */
	private final JdbcClient reads;

	private final Clock clock;

	FinanceAuditQueries(FundsAuditAccess access, JournalQueries journal, FileStorage files, JdbcClient jdbc,
			ReadsJdbc reads, Clock clock) {
		this.access = access;
		this.journal = journal;
		this.files = files;
		this.jdbc = jdbc;
		this.reads = reads.client();
		this.clock = clock;
	}

	/** {@link #board(Integer, String)} with its totals, as the API gives it. */
	public FundsAuditViews.Board boardWithTotals(Integer year, String status) {
		int y = year == null ? today().getYear() : year;
		return FundsAuditViews.Board.of(y, board(y, status));
	}

	/** The audits of a year (default: this year) on the books the caller reads, by org path. */
	public List<FundsAuditViews.Row> board(Integer year, String status) {
		access.requireReader();
		int y = year == null ? today().getYear() : year;
		FundsAuditStatus s = parseStatus(status);
		Map<String, Object> params = new HashMap<>();
		String within = FundsAuditAccess.pathCondition(access.readablePrefixes(), params, "p");
		params.put("y", y);
		params.put("today", today());
		String byStatus = "";
		if (s != null) {
			byStatus = " and a.status = :s";
			params.put("s", s.name());
		}
		Map<Long, String> groups = groupNames(reads);
		return reads.sql("""
				select a.id, a.fiscal_year, a.org_id, o.name, o.type, o.path, a.status, a.closed_at, acc.display_name as auditor,
				  (select count(*) from fin_audit_finding f where f.audit_id = a.id and f.status <> 'CLOSED') as open_count,
				  (select count(*) from fin_audit_finding f where f.audit_id = a.id and f.status <> 'CLOSED'
				     and f.deadline < :today) as overdue_count
				from fin_audit a join org o on o.id = a.org_id left join account_name acc on acc.id = a.auditor_account_id
				where a.fiscal_year = :y""" + " and " + within + byStatus + " order by o.path, a.id")
			.params(params)
			.query((rs, i) -> new FundsAuditViews.Row(rs.getLong("id"), rs.getInt("fiscal_year"), rs.getLong("org_id"),
					rs.getString("name"), label(rs.getString("type")), groupOf(rs.getString("path"), groups),
					FundsAuditStatus.valueOf(rs.getString("status")).toCodeLabel(), rs.getString("auditor"),
					rs.getLong("open_count"), rs.getLong("overdue_count"), local(rs.getObject("closed_at", OffsetDateTime.class))))
			.list();
	}

	private record Header(String auditor, String planner, OffsetDateTime createdAt, OffsetDateTime startedAt,
			OffsetDateTime closedAt, String conclusion) {
	}

	private record SampleRow(long txnId, String note, OffsetDateTime sampledAt) {
	}

	public FundsAuditViews.Detail detail(long auditId) {
		FundsAuditAccess.Ref a = access.readable(auditId);
		Header h = jdbc.sql("""
				select acc.display_name as auditor, p.display_name as planner, a.created_at, a.started_at, a.closed_at,
				  a.conclusion
				from fin_audit a left join account_name acc on acc.id = a.auditor_account_id
				left join account_name p on p.id = a.planned_by_account_id where a.id = :id""")
			.param("id", auditId)
			.query((rs, i) -> new Header(rs.getString("auditor"), rs.getString("planner"),
					local(rs.getObject("created_at", OffsetDateTime.class)), local(rs.getObject("started_at", OffsetDateTime.class)),
					local(rs.getObject("closed_at", OffsetDateTime.class)), rs.getString("conclusion")))
			.single();
		List<FundsAuditViews.Check> checks = jdbc.sql("select * from fin_audit_check where audit_id = :a order by item_no")
			.param("a", auditId)
			.query((rs, i) -> new FundsAuditViews.Check(rs.getInt("item_no"), rs.getString("item"),
					rs.getString("result") == null ? null : CheckResult.valueOf(rs.getString("result")).toCodeLabel(),
					rs.getString("note")))
			.list();
		List<SampleRow> sampleRows = jdbc.sql(
				"select txn_id, note, sampled_at from fin_audit_sample where audit_id = :a order by sampled_at, txn_id")
			.param("a", auditId)
			.query((rs, i) -> new SampleRow(rs.getLong("txn_id"), rs.getString("note"),
					local(rs.getObject("sampled_at", OffsetDateTime.class))))
			.list();
		Map<Long, FundsAuditViews.EntrySummary> entries = summaries(sampleRows.stream().map(SampleRow::txnId).toList());
		List<FundsAuditViews.Sample> samples = sampleRows.stream()
			.map(r -> new FundsAuditViews.Sample(entries.get(r.txnId()), r.note(), r.sampledAt()))
			.toList();
		return new FundsAuditViews.Detail(auditId, a.year(), a.orgId(), a.book().name(), a.book().type().label(),
				groupOf(a.book().path(), groupNames(jdbc)), a.status().toCodeLabel(), h.auditor(), h.planner(), h.createdAt(),
				h.startedAt(), h.closedAt(), h.conclusion(), checks, samples,
				findings("f.audit_id = :a", Map.of("a", auditId)), access.mayPerform(a.book()), access.mayRespond(a.book()));
	}

	public FundsAuditViews.Finding finding(long findingId) {
		auditOf(findingId);
		return findings("f.id = :f", Map.of("f", findingId)).get(0);
	}

	/** The audit a finding belongs to, if the caller reads its book. */
	public long auditOf(long findingId) {
		Long auditId = jdbc.sql("select audit_id from fin_audit_finding where id = :id").param("id", findingId)
			.query(Long.class).optional().orElseThrow(() -> new NotFoundException("finance.audit.error.finding-not-found"));
		try {
			access.readable(auditId);
		}
		catch (NotFoundException ex) {
			throw new NotFoundException("finance.audit.error.finding-not-found");
		}
		return auditId;
	}

	/** 整改事项: findings not yet closed on the books the caller keeps as org admin or finance officer. */
	public List<FundsAuditViews.OpenFinding> openFindingsToRectify() {
		Map<String, Object> params = new HashMap<>();
		String within = FundsAuditAccess.pathCondition(access.prefixes(FundsAuditAccess.RESPONDERS), params, "p");
		params.put("today", today());
		return jdbc.sql("""
				select f.id, f.audit_id, a.fiscal_year, a.org_id, o.name, f.severity, f.description, f.rectification,
				  f.deadline, f.status, case when f.deadline < :today then 1 else 0 end as overdue
				from fin_audit_finding f join fin_audit a on a.id = f.audit_id join org o on o.id = a.org_id
				where f.status <> 'CLOSED'""" + " and " + within + " order by f.deadline, f.id")
			.params(params)
			.query((rs, i) -> new FundsAuditViews.OpenFinding(rs.getLong("id"), rs.getLong("audit_id"), rs.getInt("fiscal_year"),
					rs.getLong("org_id"), rs.getString("name"), FindingSeverity.valueOf(rs.getString("severity")).toCodeLabel(),
					rs.getString("description"), rs.getString("rectification"), rs.getObject("deadline", LocalDate.class),
					FindingStatus.valueOf(rs.getString("status")).toCodeLabel(), rs.getInt("overdue") == 1))
			.list();
	}

	/** A piece of evidence of a finding the caller may see. */
	public Download evidence(long findingId, long fileId) {
		auditOf(findingId);
		StoredFile file = files.find(fileId)
			.filter(f -> f.ownerType().equals(FundsAuditFindings.OWNER) && f.ownerId() == findingId)
			.orElseThrow(() -> new NotFoundException("finance.audit.error.evidence-not-found"));
		return files.open(file.id());
	}

	public List<Integer> years() {
		int current = today().getYear();
		List<Integer> years = new ArrayList<>();
		for (int y = current + 1; y >= current - 5; y--) {
			years.add(y);
		}
		return years;
	}

	private List<FundsAuditViews.Finding> findings(String where, Map<String, Object> params) {
		LocalDate today = today();
		return jdbc.sql("""
				select f.*, acc.display_name as responder from fin_audit_finding f
				left join account_name acc on acc.id = f.responded_by_account_id""" + " where " + where + " order by f.id")
			.params(params)
			.query((rs, i) -> {
				FindingStatus status = FindingStatus.valueOf(rs.getString("status"));
				LocalDate deadline = rs.getObject("deadline", LocalDate.class);
				return new FundsAuditViews.Finding(rs.getLong("id"), rs.getLong("audit_id"),
						FindingSeverity.valueOf(rs.getString("severity")).toCodeLabel(), rs.getString("description"),
						rs.getString("rectification"), deadline, status.toCodeLabel(),
						status != FindingStatus.CLOSED && deadline.isBefore(today), rs.getString("response"),
						local(rs.getObject("responded_at", OffsetDateTime.class)), rs.getString("responder"),
						local(rs.getObject("closed_at", OffsetDateTime.class)), local(rs.getObject("created_at", OffsetDateTime.class)),
						List.of(), List.of(), List.of());
			})
			.list().stream().map(this::withDetails).toList();
	}

	/** The finding's linked entries, evidence and steps: a few rows each. */
	private FundsAuditViews.Finding withDetails(FundsAuditViews.Finding f) {
		List<Long> txnIds = jdbc.sql("select txn_id from fin_finding_entry where finding_id = :f order by txn_id")
			.param("f", f.id()).query(Long.class).list();
		Map<Long, FundsAuditViews.EntrySummary> entries = summaries(txnIds);
		List<FundsAuditViews.Evidence> evidence = files.ofOwner(FundsAuditFindings.OWNER, f.id()).stream()
			.map(e -> new FundsAuditViews.Evidence(e.id(), e.originalName(), e.kind().label(), e.sizeBytes(), local(e.createdAt())))
			.toList();
		List<FundsAuditViews.Step> steps = jdbc.sql("""
				select s.action, s.note, s.created_at, acc.display_name from fin_finding_step s
				left join account_name acc on acc.id = s.account_id where s.finding_id = :f order by s.id""")
			.param("f", f.id())
			.query((rs, i) -> new FundsAuditViews.Step(rs.getString("action"), stepLabel(rs.getString("action")),
					rs.getString("note"), rs.getString("display_name"), local(rs.getObject("created_at", OffsetDateTime.class))))
			.list();
		return new FundsAuditViews.Finding(f.id(), f.auditId(), f.severity(), f.description(), f.rectification(), f.deadline(),
				f.status(), f.overdue(), f.response(), f.respondedAt(), f.respondedBy(), f.closedAt(), f.createdAt(),
				txnIds.stream().map(entries::get).toList(), evidence, steps);
	}

	private Map<Long, FundsAuditViews.EntrySummary> summaries(List<Long> txnIds) {
		Map<Long, FundsAuditViews.EntrySummary> byId = new HashMap<>();
		for (JournalQueries.Entry e : journal.load(txnIds)) {
			byId.put(e.id(), new FundsAuditViews.EntrySummary(e.id(), e.date(), e.categoryName() == null ? e.sourceLabel()
					: e.categoryName(), e.memo(), e.counterparty(), e.bankAmount(), e.sourceLabel(),
					e.reversedById() != null));
		}
		return byId;
	}

	static String stepLabel(String action) {
		return switch (action) {
			case "RESPONDED" -> Texts.localized("finance.audit.step.responded");
			case "RETURNED" -> Texts.localized("finance.audit.step.returned");
			case "ACCEPTED" -> Texts.localized("finance.audit.step.accepted");
			default -> action;
		};
	}

	static FundsAuditStatus parseStatus(String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		String v = status.strip();
		for (FundsAuditStatus s : FundsAuditStatus.values()) {
			if (s.name().equalsIgnoreCase(v) || s.label().equals(v)) {
				return s;
			}
		}
		throw new InvalidValueException("status", Text.of("finance.audit.error.status-invalid", v));
	}

	private static Map<Long, String> groupNames(JdbcClient via) {
		Map<Long, String> groups = new HashMap<>();
		via.sql("select id, name from org where type = 'GROUP'").query(rs -> {
			groups.put(rs.getLong("id"), rs.getString("name"));
		});
		return groups;
	}

	private static String groupOf(String path, Map<Long, String> groups) {
		for (String segment : path.split("/")) {
			if (!segment.isEmpty()) {
				String name = groups.get(Long.valueOf(segment));
				if (name != null) {
					return name;
				}
			}
		}
		return null;
	}

	private static String label(String type) {
		return OrgType.valueOf(type).label();
	}

	/** Times as Beijing time, as the pages show them and as the API hands them out. */
	static OffsetDateTime local(OffsetDateTime t) {
		return t == null ? null : t.atZoneSameInstant(Zones.BUSINESS).toOffsetDateTime();
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.BUSINESS));
	}
}
