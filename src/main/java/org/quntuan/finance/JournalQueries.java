package org.quntuan.finance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.Text;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.quntuan.platform.reads.ReadsJdbc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of one book's journal, for those who may read the book. */
@Service
@Transactional(readOnly = true)
public class JournalQueries {

	public record LineView(String account, String accountName, BigDecimal amount) {

		public BigDecimal debit() {
			return amount.signum() > 0 ? amount : null;
		}

		public BigDecimal credit() {
			return amount.signum() < 0 ? amount.negate() : null;
		}
	}

	/**
	 * One transaction. bankAmount is its movement of 银行存款 (positive: money in), zero when it does
	 * not touch the bank.
	 */
	public record Entry(long id, long orgId, LocalDate date, String categoryCode, String categoryName,
			String counterparty, String memo, String sourceType, String sourceLabel, long sourceId,
			BigDecimal bankAmount, Long reversesId, Long reversedById, String recordedBy, OffsetDateTime recordedAt,
			List<LineView> lines) {
	}

	private final JdbcClient jdbc;

	private final FinanceAccess access;

	private final Categories categories;

	/** The export's reads ({@link #all}): the read-only standby when there is one. */
	private final JdbcClient reads;

	JournalQueries(JdbcClient jdbc, ReadsJdbc reads, FinanceAccess access, Categories categories) {
		this.jdbc = jdbc;
		this.reads = reads.client();
		this.access = access;
		this.categories = categories;
	}

	/** A book's entries dated from … to (both optional, inclusive), newest first. */
	PageResult<Entry> entries(long orgId, LocalDate from, LocalDate to, String categoryCode, PageRequest page) {
		Map<String, Object> params = new HashMap<>();
		String where = where(orgId, from, to, categoryCode, params);
		long total = jdbc.sql("select count(*) from fin_txn t" + where).params(params).query(Long.class).single();
		params.put("limit", page.size());
		params.put("offset", page.offset());
		List<Long> ids = jdbc.sql("select t.id from fin_txn t" + where
				+ " order by t.txn_date desc, t.id desc limit :limit offset :offset").params(params)
			.query(Long.class).list();
		return PageResult.of(load(ids), page, total);
	}

	/** The book's filter, checked: the caller may read the book, the period runs forward. */
	private String where(long orgId, LocalDate from, LocalDate to, String categoryCode, Map<String, Object> params) {
		access.readable(orgId);
		if (from != null && to != null && from.isAfter(to)) {
			throw new InvalidValueException("from", "finance.journal.error.period");
		}
		StringBuilder where = new StringBuilder(" where t.org_id = :org");
		params.put("org", orgId);
		if (from != null) {
			where.append(" and t.txn_date >= :from");
			params.put("from", from);
		}
		if (to != null) {
			where.append(" and t.txn_date <= :to");
			params.put("to", to);
		}
		if (categoryCode != null && !categoryCode.isBlank()) {
			where.append(" and t.category_code = :cat");
			params.put("cat", categoryCode);
		}
		return where.toString();
	}

	/** The most entries one export holds: beyond it the page asks for a shorter period. */
	static final int EXPORT_LIMIT = 100_000;

	/**
	 * Every entry of the list as filtered on the page (all pages), newest first, for the Excel
	 * export; refused with a clear message beyond {@value #EXPORT_LIMIT} entries. Read on the standby
	 * when there is one; the book check stays on the primary.
	 */
	List<Entry> all(long orgId, LocalDate from, LocalDate to, String categoryCode) {
		Map<String, Object> params = new HashMap<>();
		String where = where(orgId, from, to, categoryCode, params);
		params.put("limit", EXPORT_LIMIT + 1);
		List<Long> ids = reads.sql("select t.id from fin_txn t" + where + " order by t.txn_date desc, t.id desc limit :limit")
			.params(params).query(Long.class).list();
		if (ids.size() > EXPORT_LIMIT) {
			throw new InvalidValueException("from", Text.of("finance.journal.error.export-too-many", EXPORT_LIMIT));
		}
		List<Entry> all = new ArrayList<>(ids.size());
		for (int i = 0; i < ids.size(); i += 1_000) {
			all.addAll(load(reads, ids.subList(i, Math.min(ids.size(), i + 1_000))));
		}
		return all;
	}

	Entry entry(long txnId) {
		List<Entry> found = load(List.of(txnId));
		if (found.isEmpty()) {
			throw new NotFoundException("finance.journal.error.entry-not-readable");
		}
		Entry entry = found.get(0);
		try {
			access.readable(entry.orgId());
		}
		catch (NotFoundException ex) {
			throw new NotFoundException("finance.journal.error.entry-not-readable");
		}
		return entry;
	}

	/** The transactions with these ids, in the order given. Unscoped: callers check the book. */
	public List<Entry> load(List<Long> ids) {
		return load(jdbc, ids);
	}

	private List<Entry> load(JdbcClient via, List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Long, List<LineView>> lines = new HashMap<>();
		via.sql("select txn_id, account, amount from fin_line where txn_id in (:ids) order by id").param("ids", ids)
			.query(rs -> {
				String account = rs.getString("account");
				lines.computeIfAbsent(rs.getLong("txn_id"), k -> new ArrayList<>())
					.add(new LineView(account, categories.accountName(account), rs.getBigDecimal("amount")));
			});
		Map<Long, Entry> byId = new HashMap<>();
		via.sql("""
				select t.*, c.name as category_name, a.display_name as recorder,
				  (select r.id from fin_txn r where r.reverses_txn_id = t.id) as reversed_by
				from fin_txn t
				left join fin_category c on c.code = t.category_code
				left join account_name a on a.id = t.recorded_by_account_id
				where t.id in (:ids)""").param("ids", ids).query(rs -> {
			long id = rs.getLong("id");
			List<LineView> own = lines.getOrDefault(id, List.of());
			BigDecimal bank = own.stream().filter(l -> l.account().equals(Journal.BANK)).map(LineView::amount)
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			byId.put(id, new Entry(id, rs.getLong("org_id"), rs.getObject("txn_date", LocalDate.class),
					rs.getString("category_code"), rs.getString("category_name"), rs.getString("counterparty"),
					rs.getString("memo"), rs.getString("source_type"), sourceLabel(rs.getString("source_type")),
					rs.getLong("source_id"), bank, (Long) rs.getObject("reverses_txn_id", Long.class),
					(Long) rs.getObject("reversed_by", Long.class),
					rs.getString("recorder") == null ? Texts.localized("finance.journal.recorder.system") : rs.getString("recorder"),
					rs.getObject("recorded_at", OffsetDateTime.class).atZoneSameInstant(Zones.BUSINESS)
						.toOffsetDateTime(), own));
		});
		return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
	}

	static String sourceLabel(String sourceType) {
		return switch (sourceType) {
			case "DUES" -> Texts.localized("finance.journal.source.dues");
			case "EXPENSE" -> Texts.localized("finance.journal.source.expense");
			case "INCOME" -> Texts.localized("finance.journal.source.income");
			case "ALLOCATION" -> Texts.localized("finance.journal.source.allocation");
			case "OPENING" -> Texts.localized("finance.journal.source.opening");
			case "REVERSAL" -> Texts.localized("finance.journal.source.reversal");
			case "CARE_VISIT" -> Texts.localized("finance.journal.source.care-visit");
			case "CARE_SUBSIDY" -> Texts.localized("finance.journal.source.care-subsidy");
			case "CARE_MUTUALAID_PAYMENT" -> Texts.localized("finance.journal.source.care-mutual-aid");
			default -> Texts.localized("finance.journal.source.other");
		};
	}

	/** Closed years of a book, newest first. */
	List<Integer> closedYears(long orgId) {
		return jdbc.sql("select fiscal_year from fin_year_close where org_id = :o order by fiscal_year desc")
			.param("o", orgId).query(Integer.class).list();
	}
}
