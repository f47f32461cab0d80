package org.quntuan.finance.dues;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.finance.Amounts;
import org.quntuan.finance.Categories;
import org.quntuan.finance.Category;
import org.quntuan.finance.Journal;
import org.quntuan.member.PersonFacts;
import org.quntuan.organization.OrgSummary;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.ConflictException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.Text;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * 会费收缴表: one per union and month, drafted from the members and their base pay (due = base ×
 * rate, rounded half up to the fen; paid = due until adjusted), confirmed, then posted to the
 * journal as one income of the month's last day. Every change locks the sheet's row first, so that
 * a state is checked and changed by one caller at a time: twenty simultaneous posts make one entry.
 */
@Service
@Transactional
@EnableConfigurationProperties(DuesSettings.class)
class DuesSheets {

	/** The sheet's row as locked for a change. */
	record Sheet(long id, long orgId, int year, int month, BigDecimal rate, DuesStatus status, BigDecimal totalPaid,
			Long txnId) {

		Text period() {
			return Text.of("finance.dues.sheet.period", year, month);
		}
	}

	private final DuesRepository dues;

	private final DuesAccess access;

	private final PersonFacts people;

	private final BasePay pay;

	private final Journal journal;

	private final Categories categories;

	private final AuditLog audit;

	private final DuesSettings settings;

	private final Clock clock;

	DuesSheets(DuesRepository dues, DuesAccess access, PersonFacts people, BasePay pay, Journal journal,
			Categories categories, AuditLog audit, DuesSettings settings, Clock clock) {
		this.dues = dues;
		this.access = access;
		this.people = people;
		this.pay = pay;
		this.journal = journal;
		this.categories = categories;
		this.audit = audit;
		this.settings = settings;
		this.clock = clock;
	}

	/** @return the new sheet's id */
	public long generate(long orgId, Integer year, Integer month) {
		OrgSummary union = access.payUnion(orgId);
		YearMonth period = period(year, month);
		if (period.isAfter(YearMonth.from(LocalDate.now(clock.withZone(Zones.BUSINESS))).plusMonths(1))) {
			throw new BusinessRuleException("finance.dues.error.tooEarly");
		}
		Text label = Text.of("finance.dues.sheet.period", period.getYear(), period.getMonthValue());
		if (dues.sheetExists(union.id(), period.getYear(), period.getMonthValue())) {
			throw new ConflictException("finance.dues.error.exists", union.name(), label);
		}
		List<PersonFacts.Named> members = people.unionMembers(union.organId());
		Map<Long, BigDecimal> bases = pay.bases(members.stream().map(PersonFacts.Named::id).toList());
		long id;
		try {
			id = dues.insertSheet(union.id(), period.getYear(), period.getMonthValue(), settings.duesRate(),
					access.finance().user().accountId(), OffsetDateTime.now(clock));
		}
		catch (DuplicateKeyException raced) {
			throw new ConflictException("finance.dues.error.exists", union.name(), label);
		}
		dues.insertLines(members.stream().map(m -> {
			BigDecimal base = bases.getOrDefault(m.id(), BigDecimal.ZERO.setScale(2));
			BigDecimal due = due(base, settings.duesRate());
			return new Object[] { id, m.id(), base, due, due };
		}).toList());
		recompute(id);
		audit.record(AuditType.CREATE, "FIN_DUES_SHEET", id, AuditLog.SUCCESS,
				Texts.chinese("finance.dues.audit.generated", union.name(), label, members.size()), union.path());
		return id;
	}

	/** Sets what a member paid (and, when given, their base pay and so what is due) on a draft. */
	public void adjust(long sheetId, long personId, String amountPaid, String basePay) {
		Sheet sheet = lock(sheetId);
		access.requirePay(readable(sheet));
		BigDecimal paid = BasePay.paid("amountPaid", amountPaid);
		BigDecimal base = basePay == null || basePay.isBlank() ? null : BasePay.base("basePay", basePay);
		requireDraft(sheet);
		int updated = base == null
				? dues.setPaid(sheetId, personId, paid)
				: dues.updateLine(sheetId, personId, base, due(base, sheet.rate()), paid);
		if (updated == 0) {
			throw new NotFoundException("finance.dues.error.notOnSheet", sheet.period());
		}
		recompute(sheetId);
	}

	/** Updates the lines of a draft from a payroll file: every row right, or nothing changed. */
	public int importFile(long sheetId, MultipartFile file, String fileName) {
		Sheet sheet = lock(sheetId);
		OrgSummary union = access.requirePay(readable(sheet));
		requireDraft(sheet);
		Payroll.Checked checked = Payroll.read(file, union.organId(), people, true);
		Set<Long> onSheet = dues.personsOnSheet(sheetId);
		checked.lines().stream().filter(line -> !onSheet.contains(line.personId()))
			.forEach(line -> checked.errors().add(new PayrollRejected.RowError(line.row(), Payroll.NAME,
					Texts.localized("finance.dues.import.notOnSheet", line.name(), sheet.period()))));
		checked.requireNoErrors();
		for (Payroll.Line line : checked.lines()) {
			BigDecimal due = due(line.base(), sheet.rate());
			dues.updateLine(sheetId, line.personId(), line.base(), due, line.paid() == null ? due : line.paid());
		}
		recompute(sheetId);
		audit.record(AuditType.UPDATE, "FIN_DUES_SHEET", sheetId, AuditLog.SUCCESS, fileName == null
				? Texts.chinese("finance.dues.audit.imported", union.name(), sheet.period(), checked.lines().size())
				: Texts.chinese("finance.dues.audit.importedFile", union.name(), sheet.period(), checked.lines().size(), fileName),
				union.path());
		return checked.lines().size();
	}

	public void confirm(long sheetId) {
		Sheet sheet = lock(sheetId);
		OrgSummary union = access.requireKeeper(readable(sheet));
		requireDraft(sheet);
		dues.markConfirmed(sheetId, OffsetDateTime.now(clock));
		audit.record(AuditType.UPDATE, "FIN_DUES_SHEET", sheetId, AuditLog.SUCCESS,
				Texts.chinese("finance.dues.audit.confirmed", union.name(), sheet.period()), union.path());
	}

	/**
	 * Posts a confirmed sheet: one income entry of its total paid, dated the month's last day (none
	 * for a zero total). A posted sheet is posted again as a no-op that names the same entry.
	 *
	 * @return the journal transaction, or null when nothing was paid
	 * @throws BusinessRuleException when the month's year is closed
	 */
	public Long post(long sheetId) {
		Sheet sheet = lock(sheetId);
		OrgSummary union = access.requireKeeper(readable(sheet));
		if (sheet.status() == DuesStatus.POSTED) {
			return sheet.txnId();
		}
		if (sheet.status() != DuesStatus.CONFIRMED) {
			throw new ConflictException("finance.dues.error.notConfirmed");
		}
		LocalDate date = YearMonth.of(sheet.year(), sheet.month()).atEndOfMonth();
		journal.requireOpen(sheet.orgId(), date);
		Long txn = null;
		if (sheet.totalPaid().signum() > 0) {
			Category dues = categories.require("category", "DUES", Category.Kind.INCOME);
			txn = journal.post(Journal.simple(sheet.orgId(), date, dues, sheet.totalPaid(),
					Texts.chinese("finance.dues.entry.counterparty"), Texts.chinese("finance.dues.entry.memo", sheet.period()), "DUES", sheetId, "POST", access.finance().user().accountId())).txnId();
		}
		dues.markPosted(sheetId, txn, OffsetDateTime.now(clock));
		audit.record(AuditType.UPDATE, "FIN_DUES_SHEET", sheetId, AuditLog.SUCCESS, txn == null
				? Texts.chinese("finance.dues.audit.postedNoEntry", union.name(), sheet.period(), Amounts.format(sheet.totalPaid()))
				: Texts.chinese("finance.dues.audit.posted", union.name(), sheet.period(), Amounts.format(sheet.totalPaid()), txn),
				union.path());
		return txn;
	}

	/** Round half up to the fen: 8650.00 × 0.005 = 43.25, 7777.77 × 0.005 = 38.89. */
	static BigDecimal due(BigDecimal base, BigDecimal rate) {
		return base.multiply(rate).setScale(2, RoundingMode.HALF_UP);
	}

	static YearMonth period(Integer year, Integer month) {
		if (year == null || year < 2000 || year > 2100) {
			throw new InvalidValueException("year", "finance.dues.error.year");
		}
		if (month == null || month < 1 || month > 12) {
			throw new InvalidValueException("month", "finance.dues.error.month");
		}
		return YearMonth.of(year, month);
	}

	private Sheet lock(long sheetId) {
		return dues.lockSheet(sheetId).orElseThrow(() -> new NotFoundException("finance.dues.error.notFound"));
	}

	private OrgSummary readable(Sheet sheet) {
		try {
			return access.readable(sheet.orgId());
		}
		catch (NotFoundException ex) {
			throw new NotFoundException("finance.dues.error.notFound");
		}
	}

	private static void requireDraft(Sheet sheet) {
		if (sheet.status() != DuesStatus.DRAFT) {
			throw new ConflictException("finance.dues.error.notDraft", sheet.period(), sheet.status());
		}
	}

	private void recompute(long sheetId) {
		// the per-person limits keep the totals within numeric(14,2); lines written before them might not
		BigDecimal largest = dues.largestTotal(sheetId);
		if (largest.compareTo(Amounts.MAX) > 0) {
			throw new BusinessRuleException("finance.dues.error.totalTooLarge");
		}
		dues.updateTotals(sheetId);
	}
}
