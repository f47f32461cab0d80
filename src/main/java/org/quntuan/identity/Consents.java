package org.quntuan.identity;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.CodeLabel;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.Texts;
import org.quntuan.platform.web.ClientAddress;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Giving and withdrawing consents, kept as a history with time and address. */
@Service
@Transactional
class Consents {

	/** One consent as the person sees it on 我的. */
	record Entry(CodeLabel kind, String version, OffsetDateTime givenAt, OffsetDateTime withdrawnAt, boolean current) {
	}

	private final ConsentRepository consents;

	private final AuditLog audit;

	private final SignInOrgPath orgPaths;

	private final Clock clock;

	Consents(ConsentRepository consents, AuditLog audit, SignInOrgPath orgPaths, Clock clock) {
		this.consents = consents;
		this.audit = audit;
		this.orgPaths = orgPaths;
		this.clock = clock;
	}

	/** The SQL condition "this account has accepted the current version of the rules", for the filter. */
	static final String ACCEPTED_RULES = """
			exists (select 1 from consent c where c.account_id = a.id and c.kind = 'PRIVACY_RULES'
			  and c.version = '%s' and c.withdrawn_at is null)""".formatted(ConsentKind.PRIVACY_RULES.version());

	@Transactional(readOnly = true)
	boolean hasAccepted(long accountId, ConsentKind kind) {
		return consents.hasAccepted(accountId, kind);
	}

	void give(long accountId, ConsentKind kind) {
		if (hasAccepted(accountId, kind)) {
			return;
		}
		consents.insert(accountId, kind, OffsetDateTime.now(clock), ClientAddress.current());
		record(accountId, Texts.chinese("identity.consent.audit.given", kind, kind.version()));
	}

	/** Withdrawing the rules is allowed: the platform then asks again before it is used. */
	void withdraw(long accountId, ConsentKind kind) {
		int withdrawn = consents.withdraw(accountId, kind, OffsetDateTime.now(clock));
		if (withdrawn == 0) {
			throw new BusinessRuleException("identity.consent.error.not-given", kind);
		}
		record(accountId, Texts.chinese("identity.consent.audit.withdrawn", kind));
	}

	@Transactional(readOnly = true)
	/** A page of {@link #history(long)}, latest first. */
	PageResult<Entry> history(long accountId, PageRequest page) {
		return consents.history(accountId, page);
	}

	List<Entry> history(long accountId) {
		return consents.history(accountId);
	}

	private void record(long accountId, String what) {
		audit.record(AuditType.UPDATE, "ACCOUNT", accountId, AuditLog.SUCCESS, what, orgPaths.ofAccount(accountId));
	}

}
