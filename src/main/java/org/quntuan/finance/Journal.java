package org.quntuan.finance;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.ConflictException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The only writer of the journal. A posting locks its book's row, finds an earlier posting of the
 * same source document (and returns it: posting is idempotent), refuses a date in a closed year,
 * then inserts the transaction, its lines and the derived monthly sums in the caller's transaction.
 * Nothing here updates or deletes a transaction or a line; a correction is {@link #reverse}.
 * <p>
 * Access is the caller's job: this class trusts that the caller may keep the book.
 */
@Service
@Transactional
public class Journal {

	/** 银行存款: where money sits. */
	public static final String BANK = "BANK";

	/** 净资产: the other side of opening balances. */
	public static final String NET_ASSETS = "NET_ASSETS";

	public record Line(String account, BigDecimal amount) {
	}

	/**
	 * @param categoryCode the category the transaction is filed under (its line's account), or null
	 * @param recordedBy the account that recorded it, or null for the platform itself (demo data)
	 */
	public record Posting(long orgId, LocalDate date, String categoryCode, String counterparty, String memo,
			String sourceType, long sourceId, String sourceAction, Long recordedBy, List<Line> lines) {

		public Posting {
			lines = List.copyOf(lines);
		}
	}

	/** @param created false when the same source document had been posted before */
	public record Posted(long txnId, boolean created) {
	}

	private final JournalRepository journal;

	private final Clock clock;

	private final TransactionTemplate newTransaction;

	Journal(JournalRepository journal, Clock clock, PlatformTransactionManager txManager) {
		this.journal = journal;
		this.clock = clock;
		this.newTransaction = new TransactionTemplate(txManager);
		this.newTransaction.setPropagationBehavior(Propagation.REQUIRES_NEW.value());
	}

	/** Income or expense of one category against the bank: the common case. */
	public static Posting simple(long orgId, LocalDate date, Category category, BigDecimal amount, String counterparty,
			String memo, String sourceType, long sourceId, String sourceAction, Long recordedBy) {
		BigDecimal signed = category.isIncome() ? amount : amount.negate();
		return new Posting(orgId, date, category.code(), counterparty, memo, sourceType, sourceId, sourceAction,
				recordedBy, List.of(new Line(BANK, signed), new Line(category.code(), signed.negate())));
	}

	public Posted post(Posting posting) {
		checkBalanced(posting.lines());
		lockBook(posting.orgId());
		Optional<Long> earlier = bySource(posting.sourceType(), posting.sourceId(), posting.sourceAction());
		if (earlier.isPresent()) {
			return new Posted(earlier.get(), false);
		}
		if (isClosed(posting.orgId(), posting.date().getYear())) {
			throw closed(posting.orgId(), posting.date().getYear());
		}
		return new Posted(insert(posting, null), true);
	}

	/**
	 * Reverses a whole transaction: the same lines with the opposite sign, dated as the original or,
	 * when the original's year is closed, today.
	 *
	 * @throws ConflictException when it has been reversed already
	 * @throws BusinessRuleException for a reversal, which is not reversed in turn
	 */
	long reverse(long txnId, String reason, Long recordedBy) {
		Map<String, Object> txn = journal.txn(txnId).orElseThrow(() -> new NotFoundException("finance.journal.error.entry-not-found"));
		long orgId = ((Number) txn.get("org_id")).longValue();
		if (txn.get("reverses_txn_id") != null) {
			throw new BusinessRuleException("finance.journal.error.reversal-of-reversal");
		}
		lockBook(orgId);
		Optional<Long> earlier = bySource("REVERSAL", txnId, "REVERSE");
		if (earlier.isPresent()) {
			throw new ConflictException("finance.journal.error.reversed-already", earlier.get());
		}
		LocalDate original = toDate(txn.get("txn_date"));
		LocalDate date = original;
		if (isClosed(orgId, original.getYear())) {
			date = LocalDate.now(clock.withZone(Zones.BUSINESS));
			if (isClosed(orgId, date.getYear())) {
				throw new BusinessRuleException("finance.journal.error.reversal-year-closed", date.getYear());
			}
		}
		List<Line> negated = journal.negatedLines(txnId);
		String memo = Texts.chinese("finance.journal.record.reversal", txnId, reason);
		Posting posting = new Posting(orgId, date, (String) txn.get("category_code"), (String) txn.get("counterparty"),
				memo.length() > 500 ? memo.substring(0, 500) : memo, "REVERSAL", txnId, "REVERSE", recordedBy, negated);
		return insert(posting, txnId);
	}

	/**
	 * Closes a year of one book: no entry dated in it is accepted afterwards.
	 *
	 * @throws BusinessRuleException for a year not yet over
	 * @throws ConflictException for a year closed already
	 */
	void closeYear(long orgId, int year, Long closedBy) {
		int current = LocalDate.now(clock.withZone(Zones.BUSINESS)).getYear();
		if (year >= current) {
			throw new BusinessRuleException("finance.journal.error.year-not-over", year);
		}
		lockBook(orgId);
		if (isYearClosed(orgId, year)) {
			throw new ConflictException("finance.journal.error.year-closed-already", year);
		}
		journal.insertYearClose(orgId, year, closedBy, OffsetDateTime.now(clock));
	}

	/**
	 * Whether a year no longer takes entries: it is closed, or a later year is (an entry in 2024
	 * would change the opening balance of a closed 2025).
	 */
	@Transactional(readOnly = true)
	boolean isClosed(long orgId, int year) {
		return latestClosed(orgId).map(latest -> year <= latest).orElse(false);
	}

	/** Whether this very year has been closed (for the close itself: closing it twice is a conflict). */
	@Transactional(readOnly = true)
	boolean isYearClosed(long orgId, int year) {
		return journal.isYearClosed(orgId, year);
	}

	@Transactional(readOnly = true)
	Optional<Integer> latestClosed(long orgId) {
		return journal.latestClosed(orgId);
	}

	/** Throws the clear message for a date the book no longer accepts; for checks before an approval. */
	@Transactional(readOnly = true)
	public void requireOpen(long orgId, LocalDate date) {
		if (isClosed(orgId, date.getYear())) {
			throw closed(orgId, date.getYear());
		}
	}

	private BusinessRuleException closed(long orgId, int year) {
		int latest = latestClosed(orgId).orElse(year);
		return latest == year ? new BusinessRuleException("finance.journal.error.year-closed", year)
				: new BusinessRuleException("finance.journal.error.earlier-year-closed", latest, year);
	}

	@Transactional(readOnly = true)
	Optional<Long> bySource(String sourceType, long sourceId, String sourceAction) {
		return journal.bySource(sourceType, sourceId, sourceAction);
	}

	/** Locks the book's row, creating it first (in its own transaction) when this is its first entry. */
	void lockBook(long orgId) {
		boolean exists = journal.lockBook(orgId);
		if (!exists) {
			try {
				newTransaction.executeWithoutResult(s -> journal.insertBook(orgId, OffsetDateTime.now(clock)));
			}
			catch (DuplicateKeyException raced) {
				// another transaction opened it at the same moment: fine
			}
			journal.lockOpenedBook(orgId);
		}
	}

	private long insert(Posting p, Long reverses) {
		long txnId = journal.insertTxn(p, reverses, OffsetDateTime.now(clock));
		Map<String, BigDecimal> byAccount = new LinkedHashMap<>();
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (Line line : p.lines()) {
			journal.insertLine(txnId, line);
			byAccount.merge(line.account(), line.amount(), BigDecimal::add);
			counts.merge(line.account(), 1, Integer::sum);
		}
		byAccount.forEach((account, amount) -> addToMonth(p.orgId(), p.date(), account, amount, counts.get(account)));
		return txnId;
	}

	/** The derived monthly sum; safe without an upsert because the book's row is locked. */
	private void addToMonth(long orgId, LocalDate date, String account, BigDecimal amount, int lines) {
		int updated = journal.addToMonthSum(orgId, date, account, amount, lines);
		if (updated == 0) {
			journal.insertMonthSum(orgId, date, account, amount, lines);
		}
	}

	static void checkBalanced(List<Line> lines) {
		if (lines.size() < 2) {
			throw new IllegalArgumentException("a transaction needs two or more lines");
		}
		BigDecimal sum = BigDecimal.ZERO;
		for (Line line : lines) {
			if (line.amount().signum() == 0 || line.amount().scale() > 2) {
				throw new IllegalArgumentException("line amounts are non-zero with at most two decimals: " + line);
			}
			sum = sum.add(line.amount());
		}
		if (sum.signum() != 0) {
			throw new IllegalArgumentException("lines do not sum to zero: " + lines);
		}
	}

	public static LocalDate toDate(Object value) {
		if (value instanceof Date d) {
			return d.toLocalDate();
		}
		return (LocalDate) value;
	}
}
