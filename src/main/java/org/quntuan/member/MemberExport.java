package org.quntuan.member;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditOrgPaths;
import org.quntuan.audit.AuditType;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.organization.OrgSummary;
import org.quntuan.organization.OrganizationQueries;
import org.quntuan.platform.Masking;
import org.quntuan.platform.ScopeGrant;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.quntuan.platform.excel.ExcelTable;
import org.quntuan.platform.reads.ReadsJdbc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people list as an .xlsx file: the same people as the list on screen (same scope, same
 * filters), ID numbers and mobiles masked as there. Rows stream from the database (a cursor inside a
 * read-only transaction) into {@link ExcelTable#streaming()}, which keeps a window of rows in memory,
 * so a hundred thousand people need no more heap than a hundred.
 */
@Service
class MemberExport {

	private static final int FETCH_SIZE = 500;

	private static final String[] HEADERS = { "name", "gender", "age", "id-number", "mobile", "organ", "position",
		"political-status", "union-status", "union-joined-on", "employment-status" };

	private static final int[] WIDTHS = { 12, 6, 6, 22, 15, 26, 18, 14, 10, 12, 10 };

	/**
	 * What to export, fixed (and access checked) before the response starts.
	 *
	 * @param orgPath where the export is recorded in the audit log: the filter org, else the caller's grants
	 */
	record Plan(MemberQueries.ListScope scope, String q, boolean active, boolean whole, LocalDate today, String orgPath) {
	}

	private final MemberQueries queries;

	private final CurrentUserProvider users;

	private final AuditLog audit;

	private final Clock clock;

	/**
	 * Its own template: the fetch size makes PostgreSQL use a cursor instead of loading every row. On the
	 * read-only standby when there is one ({@link ReadsJdbc}); the audit row stays on the primary.
	 */
	private final JdbcClient streaming;

	private final OrganizationQueries orgs;

	MemberExport(MemberQueries queries, CurrentUserProvider users, AuditLog audit, Clock clock, ReadsJdbc reads,
			OrganizationQueries orgs) {
		this.orgs = orgs;
		this.queries = queries;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
		JdbcTemplate template = new JdbcTemplate(reads.dataSource());
		template.setFetchSize(FETCH_SIZE);
		this.streaming = JdbcClient.create(new NamedParameterJdbcTemplate(template));
	}

	/** 403 for who may not list people, 404 for an org filter out of scope. */
	Plan plan(String q, Long orgId, boolean active, boolean whole) {
		MemberQueries.ListScope scope = queries.listScope(orgId);
		String orgPath = orgId != null ? orgs.find(orgId).map(OrgSummary::path).orElse(null)
				: AuditOrgPaths.commonAncestor(users.current().scope().adminGrants().stream().map(ScopeGrant::orgPath).toList());
		return new Plan(scope, q, active, whole, LocalDate.now(clock.withZone(Zones.BUSINESS)), orgPath);
	}

	String fileName(Plan plan) {
		return Texts.localized(plan.active() ? "member.export.file" : "member.export.file-left", plan.today()) + ".xlsx";
	}

	/** @return the number of people written */
	@Transactional(readOnly = true)
	public int write(Plan plan, OutputStream out) throws IOException {
		PersonRepository.Search search = PersonRepository.search(plan.q());
		Map<String, Object> params = new HashMap<>();
		params.putAll(plan.scope().scope().params());
		params.putAll(plan.scope().filter().params());
		params.putAll(search.params());
		params.put("active", plan.active());
		String sql = PersonRow.SELECT + " where p.active = :active and " + plan.scope().scope().sql() + " and "
				+ plan.scope().filter().sql() + search.sql() + " order by p.name_pinyin, p.id";
		int count = 0;
		boolean complete = false;
		try (ExcelTable table = ExcelTable.streaming()) {
			table.sheet(Texts.localized(plan.active() ? "member.export.sheet" : "member.export.sheet-left"))
				.header(Arrays.stream(HEADERS).map(h -> Texts.localized("member.export.column." + h)).toArray(String[]::new), WIDTHS);
			try (Stream<PersonRow> people = streaming.sql(sql).params(params).query(PersonRow::map).stream()) {
				for (PersonRow p : (Iterable<PersonRow>) people::iterator) {
					write(table.row(), p, plan);
					count++;
				}
			}
			table.autoFilter();
			table.writeTo(out);
			out.flush();
			complete = true;
		}
		finally {
			// logged even when the download breaks off: most rows of a cut-off file can still be read
			CurrentUser user = users.current();
			audit.recordIndependently(AuditType.PERSONAL_DATA_VIEW, user.accountId(), user.username(), "PERSON_EXPORT",
					null, complete ? AuditLog.SUCCESS : AuditLog.FAILURE,
					Texts.chinese(plan.whole() ? "member.export.audit.whole" : "member.export.audit.masked", count,
							complete ? "" : Texts.chinese("member.export.audit.cut-off")),
					plan.orgPath());
		}
		return count;
	}

	/** Whole numbers only when asked for: every exported person is one the caller administers. */
	private static void write(ExcelTable.Line row, PersonRow p, Plan plan) {
		row.text(p.name())
			.text(p.gender().label())
			.number(Period.between(p.birthDate(), plan.today()).getYears())
			.text(plan.whole() ? p.idNumber() : Masking.keepHeadAndTail(p.idNumber()))
			.text(plan.whole() ? p.mobile() : Masking.keepHeadAndTail(p.mobile()))
			.text(p.organName())
			.text(p.position())
			.text(p.politicalStatus().label())
			.text(p.unionStatus().label())
			.date(p.unionJoinedOn())
			.text(p.employmentStatus().label());
	}
}
