package org.quntuan.finance;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.organization.OrgSummary;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.TextInput;
import org.quntuan.platform.Texts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The keeper's own acts on a book: reversing an entry, closing a year. Audit-logged. */
@Service
@Transactional
class Bookkeeping {

	private final Journal journal;

	private final JournalQueries queries;

	private final FinanceAccess access;

	private final AuditLog audit;

	Bookkeeping(Journal journal, JournalQueries queries, FinanceAccess access, AuditLog audit) {
		this.journal = journal;
		this.queries = queries;
		this.access = access;
		this.audit = audit;
	}

	/** @return the reversing transaction's id */
	public long reverse(long txnId, String reason) {
		JournalQueries.Entry entry = queries.entry(txnId);
		OrgSummary book = access.keepable(entry.orgId());
		if ("DUES".equals(entry.sourceType())) {
			// the sheet records what each member paid and stays POSTED: a reversal would leave the books
			// and the members' dues (and arrears) disagreeing, with no way to post the month again
			throw new BusinessRuleException("finance.journal.error.dues-reversal");
		}
		if (entry.sourceType() != null && entry.sourceType().startsWith("CARE_")) {
			// a subsidy, a visit's cash or a mutual-aid payment stays paid in its module (counted against
			// the cap, the visit recorded once, the organ paid up): the books would disagree with it
			throw new BusinessRuleException("finance.journal.error.care-reversal");
		}
		String why = TextInput.normalize(reason);
		if (why == null) {
			throw new InvalidValueException("reason", "finance.journal.error.reason-required");
		}
		if (why.length() > 200) {
			throw new InvalidValueException("reason", "finance.journal.error.reason-too-long");
		}
		long reversal = journal.reverse(txnId, why, access.user().accountId());
		audit.record(AuditType.CREATE, "FIN_TXN", reversal, AuditLog.SUCCESS, Texts.chinese("finance.journal.record.reversal", txnId, why), book.path());
		return reversal;
	}

	public void closeYear(long orgId, int year) {
		OrgSummary book = access.keepable(orgId);
		journal.closeYear(orgId, year, access.user().accountId());
		audit.record(AuditType.UPDATE, "FIN_BOOK", orgId, AuditLog.SUCCESS, Texts.chinese("finance.journal.record.year-closed", book.name(), year), book.path());
	}
}
