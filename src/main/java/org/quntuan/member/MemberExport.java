package org.quntuan.member;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditOrgPaths;
import org.quntuan.audit.AuditType;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.organization.OrgSummary;
import org.quntuan.organization.OrganizationQueries;
import org.quntuan.platform.Masking;
import org.quntuan.platform.ScopeGrant;
import org.quntuan.platform.Zones;
import org.quntuan.platform.excel.ExcelText;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people list as an .xlsx file: the same people as the list on screen (same scope, same
 * filters), ID numbers and mobiles masked as there. Rows stream from the database (a cursor inside a
 * read-only transaction) into POI's streaming workbook, which keeps {@value #WINDOW} rows in memory,
 * so a hundred thousand people need no more heap than a hundred.
 */
@Service
class MemberExport {

	static final int WINDOW = 100;

	private static final int FETCH_SIZE = 500;

	private static final String[] HEADERS = { "姓名", "性别", "年龄", "身份证号", "手机号", "所属单位", "职务", "政治面貌", "工会会籍",
			"入会日期", "在职状态" };

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

	/** Its own template: the fetch size makes PostgreSQL use a cursor instead of loading every row. */
	private final JdbcClient streaming;

	private final OrganizationQueries orgs;

	MemberExport(MemberQueries queries, CurrentUserProvider users, AuditLog audit, Clock clock, DataSource dataSource,
			OrganizationQueries orgs) {
		this.orgs = orgs;
		this.queries = queries;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
		JdbcTemplate template = new JdbcTemplate(dataSource);
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
		return (plan.active() ? "人员名单-" : "已退休或调离人员名单-") + plan.today() + ".xlsx";
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
		SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
		workbook.setCompressTempFiles(true);
		int count = 0;
		boolean complete = false;
		try {
			SXSSFSheet sheet = workbook.createSheet(plan.active() ? "人员名单" : "已退休或调离人员名单");
			Styles styles = new Styles(workbook);
			Row header = sheet.createRow(0);
			for (int i = 0; i < HEADERS.length; i++) {
				Cell cell = header.createCell(i);
				cell.setCellValue(HEADERS[i]);
				cell.setCellStyle(styles.header);
				sheet.setColumnWidth(i, WIDTHS[i] * 256);
			}
			sheet.createFreezePane(0, 1);
			try (Stream<PersonRow> people = streaming.sql(sql).params(params).query(PersonRow::map).stream()) {
				for (PersonRow p : (Iterable<PersonRow>) people::iterator) {
					write(sheet.createRow(++count), p, plan, styles);
				}
			}
			sheet.setAutoFilter(new CellRangeAddress(0, Math.max(count, 1), 0, HEADERS.length - 1));
			workbook.write(out);
			out.flush();
			complete = true;
		}
		finally {
			workbook.dispose();
			workbook.close();
			// logged even when the download breaks off: most rows of a cut-off file can still be read
			CurrentUser user = users.current();
			audit.recordIndependently(AuditType.PERSONAL_DATA_VIEW, user.accountId(), user.username(), "PERSON_EXPORT",
					null, complete ? AuditLog.SUCCESS : AuditLog.FAILURE,
					(plan.whole() ? "导出人员名单（含完整身份证号、手机号）：" : "导出人员名单（身份证号、手机号已脱敏）：") + count + " 人"
							+ (complete ? "" : "（下载中断）"),
					plan.orgPath());
		}
		return count;
	}

	/** Whole numbers only when asked for: every exported person is one the caller administers. */
	private static void write(Row row, PersonRow p, Plan plan, Styles styles) {
		LocalDate today = plan.today();
		text(row, 0, p.name());
		text(row, 1, p.gender().label());
		row.createCell(2).setCellValue(Period.between(p.birthDate(), today).getYears());
		text(row, 3, plan.whole() ? p.idNumber() : Masking.keepHeadAndTail(p.idNumber()));
		text(row, 4, plan.whole() ? p.mobile() : Masking.keepHeadAndTail(p.mobile()));
		text(row, 5, p.organName());
		text(row, 6, p.position());
		text(row, 7, p.politicalStatus().label());
		text(row, 8, p.unionStatus().label());
		if (p.unionJoinedOn() != null) {
			Cell joined = row.createCell(9);
			joined.setCellValue(p.unionJoinedOn());
			joined.setCellStyle(styles.date);
		}
		text(row, 10, p.employmentStatus().label());
	}

	/** Text never starts a formula, whatever a person's name or position holds. */
	private static void text(Row row, int column, String value) {
		if (value != null) {
			row.createCell(column).setCellValue(ExcelText.neutralise(value));
		}
	}

	private static final class Styles {

		final CellStyle header;

		final CellStyle date;

		Styles(SXSSFWorkbook workbook) {
			Font bold = workbook.createFont();
			bold.setBold(true);
			header = workbook.createCellStyle();
			header.setFont(bold);
			date = workbook.createCellStyle();
			date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
		}
	}
}
