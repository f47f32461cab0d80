package org.quntuan.finance.dues;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.quntuan.member.PersonFacts;
import org.quntuan.organization.OrgSummary;
import org.quntuan.organization.OrgType;
import org.quntuan.platform.CodeLabel;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.SqlPages;
import org.quntuan.platform.Texts;
import org.quntuan.platform.reads.ReadsJdbc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of dues: sheets with their totals for every reader of the book; lines (names, base pay and
 * amounts) and per-member arrears only for the union's finance officers. Arrears are what posted
 * sheets say was due and not paid; a member who paid more than was due has negative arrears.
 * The exports ({@link #sheetToExport}, {@link #arrearsToExport}) read on the standby when there is one
 * ({@link ReadsJdbc}); the page, the API and what is shown right after a change read the primary.
 */
@Service
@Transactional(readOnly = true)
class DuesQueries {

	/** @param lines null (and absent from JSON) unless the caller sees the union's pay */
	record SheetView(long id, long orgId, String orgName, int year, int month, String period, BigDecimal rate,
			CodeLabel status, int memberCount, BigDecimal totalDue, BigDecimal totalPaid, BigDecimal arrears, Long txnId,
			OffsetDateTime createdAt, OffsetDateTime confirmedAt, OffsetDateTime postedAt,
			@JsonInclude(JsonInclude.Include.NON_NULL) List<LineView> lines) {

		SheetView withLines(List<LineView> lines) {
			return new SheetView(id, orgId, orgName, year, month, period, rate, status, memberCount, totalDue, totalPaid,
					arrears, txnId, createdAt, confirmedAt, postedAt, lines);
		}
	}

	record LineView(long personId, String name, BigDecimal basePay, BigDecimal amountDue, BigDecimal amountPaid,
			BigDecimal arrears) {
	}

	record MemberArrears(long personId, String name, BigDecimal due, BigDecimal paid, BigDecimal arrears) {
	}

	record UnionArrears(long orgId, String name, int postedSheets, BigDecimal due, BigDecimal paid, BigDecimal arrears) {
	}

	/**
	 * @param members for a union, to its finance officers: every member whose posted dues do not balance
	 * @param unions for a 片组 or the federation: every union below, with its totals
	 */
	record Arrears(long orgId, String orgName, BigDecimal due, BigDecimal paid, BigDecimal total,
			@JsonInclude(JsonInclude.Include.NON_NULL) List<MemberArrears> members,
			@JsonInclude(JsonInclude.Include.NON_NULL) List<UnionArrears> unions) {
	}

	private static final String SHEET = """
			select s.*, o.name as org_name from fin_dues_sheet s join org o on o.id = s.org_id""";

	private final JdbcClient jdbc;

	/** The exports' reads: the read-only standby when there is one. */
	private final JdbcClient reads;

	private final DuesAccess access;

	private final PersonFacts people;

	DuesQueries(JdbcClient jdbc, ReadsJdbc reads, DuesAccess access, PersonFacts people) {
		this.jdbc = jdbc;
		this.reads = reads.client();
		this.access = access;
		this.people = people;
	}

	/** A union's sheets, or for a 片组 or the federation those of the unions below; newest first, of a year or all. */
	public List<SheetView> sheets(long orgId, Integer year) {
		OrgSummary book = access.readable(orgId);
		Map<String, Object> params = new HashMap<>();
		String where;
		if (book.type() == OrgType.UNION) {
			where = " where s.org_id = :o";
			params.put("o", orgId);
		}
		else {
			where = " where o.path like :p";
			params.put("p", book.path() + "%");
		}
		if (year != null) {
			where += " and s.fiscal_year = :y";
			params.put("y", year);
		}
		return jdbc.sql(SHEET + where + " order by s.fiscal_year desc, s.fiscal_month desc, o.path, s.id").params(params)
			.query((rs, i) -> sheet(rs)).list();
	}

	/** A page of {@link #sheets(long, Integer)}, latest month first. */
	public PageResult<SheetView> sheets(long orgId, Integer year, PageRequest page) {
		OrgSummary book = access.readable(orgId);
		Map<String, Object> params = new HashMap<>();
		String where;
		if (book.type() == OrgType.UNION) {
			where = " where s.org_id = :o";
			params.put("o", orgId);
		}
		else {
			where = " where o.path like :p";
			params.put("p", book.path() + "%");
		}
		if (year != null) {
			where += " and s.fiscal_year = :y";
			params.put("y", year);
		}
		return SqlPages.page(jdbc, "s.*, o.name as org_name", "from fin_dues_sheet s join org o on o.id = s.org_id" + where,
				"s.fiscal_year desc, s.fiscal_month desc, o.path, s.id", params, page, (rs, i) -> sheet(rs));
	}

	public SheetView sheet(long sheetId) {
		return sheet(jdbc, sheetId);
	}

	/** {@link #sheet(long)} for the Excel file, read on the standby (a sheet made a moment ago may not be there yet). */
	SheetView sheetToExport(long sheetId) {
		return sheet(reads, sheetId);
	}

	private SheetView sheet(JdbcClient via, long sheetId) {
		SheetView sheet = via.sql(SHEET + " where s.id = :id").param("id", sheetId).query((rs, i) -> sheet(rs))
			.optional().orElseThrow(() -> new NotFoundException("finance.dues.error.notFound"));
		OrgSummary union;
		try {
			union = access.readable(sheet.orgId());
		}
		catch (NotFoundException ex) {
			throw new NotFoundException("finance.dues.error.notFound");
		}
		return access.seesPay(union) ? sheet.withLines(lines(via, sheetId)) : sheet;
	}

	public Arrears arrears(long orgId) {
		return arrears(jdbc, orgId);
	}

	/** {@link #arrears(long)} for the Excel file, read on the standby. */
	Arrears arrearsToExport(long orgId) {
		return arrears(reads, orgId);
	}

	private Arrears arrears(JdbcClient via, long orgId) {
		OrgSummary book = access.readable(orgId);
		if (book.type() == OrgType.UNION) {
			BigDecimal[] totals = via.sql("""
					select coalesce(sum(total_due), 0) as due, coalesce(sum(total_paid), 0) as paid
					from fin_dues_sheet where org_id = :o and status = 'POSTED'""").param("o", orgId)
				.query((rs, i) -> new BigDecimal[] { rs.getBigDecimal("due"), rs.getBigDecimal("paid") }).single();
			return new Arrears(book.id(), book.name(), totals[0], totals[1], totals[0].subtract(totals[1]),
					access.seesPay(book) ? members(via, orgId) : null, null);
		}
		List<UnionArrears> unions = via.sql("""
				select o.id, o.name, o.path, count(s.id) as sheets, coalesce(sum(s.total_due), 0) as due,
				  coalesce(sum(s.total_paid), 0) as paid
				from org o left join fin_dues_sheet s on s.org_id = o.id and s.status = 'POSTED'
				where o.type = 'UNION' and o.active = true and o.path like :p
				group by o.id, o.name, o.path order by o.path""").param("p", book.path() + "%")
			.query((rs, i) -> new UnionArrears(rs.getLong("id"), rs.getString("name"), rs.getInt("sheets"),
					rs.getBigDecimal("due"), rs.getBigDecimal("paid"), rs.getBigDecimal("due").subtract(rs.getBigDecimal("paid"))))
			.list();
		BigDecimal due = unions.stream().map(UnionArrears::due).reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal paid = unions.stream().map(UnionArrears::paid).reduce(BigDecimal.ZERO, BigDecimal::add);
		return new Arrears(book.id(), book.name(), due, paid, due.subtract(paid), null, unions);
	}

	private List<MemberArrears> members(JdbcClient via, long unionId) {
		Map<Long, BigDecimal[]> sums = new HashMap<>();
		via.sql("""
				select l.person_id, sum(l.amount_due) as due, sum(l.amount_paid) as paid
				from fin_dues_line l join fin_dues_sheet s on s.id = l.sheet_id
				where s.org_id = :o and s.status = 'POSTED'
				group by l.person_id having sum(l.amount_due) <> sum(l.amount_paid)""").param("o", unionId)
			.query(rs -> {
				sums.put(rs.getLong("person_id"), new BigDecimal[] { rs.getBigDecimal("due"), rs.getBigDecimal("paid") });
			});
		List<MemberArrears> result = new ArrayList<>();
		for (PersonFacts.Named person : people.names(sums.keySet())) {
			BigDecimal[] s = sums.get(person.id());
			result.add(new MemberArrears(person.id(), person.name(), s[0], s[1], s[0].subtract(s[1])));
		}
		result.sort(Comparator.comparing(MemberArrears::arrears).reversed());
		return result;
	}

	private List<LineView> lines(JdbcClient via, long sheetId) {
		Map<Long, LineView> byPerson = new HashMap<>();
		via.sql("select * from fin_dues_line where sheet_id = :s").param("s", sheetId).query(rs -> {
			long person = rs.getLong("person_id");
			BigDecimal due = rs.getBigDecimal("amount_due");
			BigDecimal paid = rs.getBigDecimal("amount_paid");
			byPerson.put(person, new LineView(person, null, rs.getBigDecimal("base_pay"), due, paid, due.subtract(paid)));
		});
		return people.names(byPerson.keySet()).stream().map(p -> {
			LineView l = byPerson.get(p.id());
			return new LineView(l.personId(), p.name(), l.basePay(), l.amountDue(), l.amountPaid(), l.arrears());
		}).toList();
	}

	private static SheetView sheet(ResultSet rs) throws SQLException {
		int year = rs.getInt("fiscal_year");
		int month = rs.getInt("fiscal_month");
		BigDecimal due = rs.getBigDecimal("total_due");
		BigDecimal paid = rs.getBigDecimal("total_paid");
		return new SheetView(rs.getLong("id"), rs.getLong("org_id"), rs.getString("org_name"), year, month,
				Texts.localized("finance.dues.sheet.period", year, month), rs.getBigDecimal("rate"), DuesStatus.valueOf(rs.getString("status")).toCodeLabel(),
				rs.getInt("member_count"), due, paid, due.subtract(paid), rs.getObject("txn_id", Long.class),
				rs.getObject("created_at", OffsetDateTime.class), rs.getObject("confirmed_at", OffsetDateTime.class),
				rs.getObject("posted_at", OffsetDateTime.class), null);
	}
}
