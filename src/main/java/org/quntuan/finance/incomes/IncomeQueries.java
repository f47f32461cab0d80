package org.quntuan.finance.incomes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.quntuan.finance.Amounts;
import org.quntuan.finance.FinanceAccess;
import org.quntuan.organization.OrgSummary;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.Text;
import org.quntuan.platform.files.Download;
import org.quntuan.platform.files.FileStorage;
import org.quntuan.platform.files.StoredFile;
import org.quntuan.platform.reads.ReadsJdbc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of recorded income, for those who read the book. */
@Service
@Transactional(readOnly = true)
class IncomeQueries {

	public record Document(long id, String name, String kind, long size) {
	}

	/** A recorded income; amount as a string with two decimals. */
	public record View(long id, long orgId, String orgName, LocalDate date, String category, String categoryName,
			String amount, String counterparty, String memo, Long txnId, String recordedBy, OffsetDateTime createdAt,
			List<Document> documents) {

		/** 20,000.00, for pages. */
		public String amountText() {
			return Amounts.format(new BigDecimal(amount));
		}
	}

	private static final String SELECT = """
			select i.*, o.name as org_name, c.name as category_name, a.display_name as recorder
			from fin_income i
			join org o on o.id = i.org_id
			left join fin_category c on c.code = i.category_code
			left join account_name a on a.id = i.recorded_by_account_id""";

	private final JdbcClient jdbc;

	/** The export's reads ({@link #all}): the read-only standby when there is one. */
	private final JdbcClient reads;

	private final FinanceAccess access;

	private final FileStorage files;

	IncomeQueries(JdbcClient jdbc, ReadsJdbc reads, FinanceAccess access, FileStorage files) {
		this.jdbc = jdbc;
		this.reads = reads.client();
		this.access = access;
		this.files = files;
	}

	/** A book's recorded income, latest income date first. */
	public PageResult<View> list(long orgId, PageRequest page) {
		access.readable(orgId);
		long total = jdbc.sql("select count(*) from fin_income where org_id = :o").param("o", orgId).query(Long.class)
			.single();
		List<View> views = jdbc.sql(SELECT + " where i.org_id = :o order by i.income_date desc, i.id desc"
				+ " limit :limit offset :offset")
			.param("o", orgId).param("limit", page.size()).param("offset", page.offset())
			.query((rs, i) -> view(rs, List.of())).list();
		return PageResult.of(views.stream().map(v -> withDocuments(v)).toList(), page, total);
	}

	/** The most rows one export holds: beyond it the export is refused rather than cut short. */
	static final int EXPORT_LIMIT = 100_000;

	/**
	 * The same list, every row (documents left out), for the Excel export: read on the standby when
	 * there is one; the book check stays on the primary.
	 */
	public List<View> all(long orgId) {
		access.readable(orgId);
		List<View> views = reads.sql(SELECT + " where i.org_id = :o order by i.income_date desc, i.id desc limit :limit")
			.param("o", orgId).param("limit", EXPORT_LIMIT + 1)
			.query((rs, i) -> view(rs, List.of())).list();
		if (views.size() > EXPORT_LIMIT) {
			throw new InvalidValueException("orgId", Text.of("finance.income.error.tooMany", EXPORT_LIMIT));
		}
		return views;
	}

	public View view(long id) {
		View found = jdbc.sql(SELECT + " where i.id = :id").param("id", id).query((rs, i) -> view(rs, List.of()))
			.optional().orElseThrow(IncomeQueries::notFound);
		readable(access, found.orgId());
		return withDocuments(found);
	}

	private View withDocuments(View v) {
		return new View(v.id(), v.orgId(), v.orgName(), v.date(), v.category(), v.categoryName(), v.amount(),
				v.counterparty(), v.memo(), v.txnId(), v.recordedBy(), v.createdAt(), documents(v.id()));
	}

	public Download document(long id, long fileId) {
		view(id);
		StoredFile file = files.find(fileId).orElseThrow(() -> new NotFoundException("finance.income.error.documentNotFound"));
		if (!Incomes.FILE_OWNER.equals(file.ownerType()) || file.ownerId() != id) {
			throw new NotFoundException("finance.income.error.documentNotFound");
		}
		return files.open(fileId);
	}

	private List<Document> documents(long id) {
		return files.ofOwner(Incomes.FILE_OWNER, id).stream()
			.map(f -> new Document(f.id(), f.originalName(), f.kind().label(), f.sizeBytes()))
			.toList();
	}

	static OrgSummary readable(FinanceAccess access, long orgId) {
		try {
			return access.readable(orgId);
		}
		catch (NotFoundException ex) {
			throw notFound();
		}
	}

	static NotFoundException notFound() {
		return new NotFoundException("finance.income.error.notFound");
	}

	private static View view(ResultSet rs, List<Document> documents) throws SQLException {
		return new View(rs.getLong("id"), rs.getLong("org_id"), rs.getString("org_name"),
				rs.getObject("income_date", LocalDate.class), rs.getString("category_code"), rs.getString("category_name"),
				rs.getBigDecimal("amount").setScale(2, RoundingMode.UNNECESSARY).toPlainString(),
				rs.getString("counterparty"), rs.getString("memo"), rs.getObject("txn_id", Long.class),
				rs.getString("recorder"), rs.getObject("created_at", OffsetDateTime.class), documents);
	}
}
