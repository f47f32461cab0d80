package org.quntuan.identity;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.CodeLabel;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.SqlPages;
import org.quntuan.platform.web.ClientAddress;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Giving and withdrawing consents, kept as a history with time and address. */
@Service
@Transactional
class Consents {

	/** One consent as the person sees it on 我的. */
	record Entry(CodeLabel kind, String version, OffsetDateTime givenAt, OffsetDateTime withdrawnAt, boolean current) {
	}

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final SignInOrgPath orgPaths;

	private final Clock clock;

	Consents(JdbcClient jdbc, AuditLog audit, SignInOrgPath orgPaths, Clock clock) {
		this.jdbc = jdbc;
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
		return jdbc.sql("""
				select count(*) from consent where account_id = :a and kind = :k and version = :v and withdrawn_at is null""")
			.param("a", accountId).param("k", kind.name()).param("v", kind.version()).query(Long.class).single() > 0;
	}

	void give(long accountId, ConsentKind kind) {
		if (hasAccepted(accountId, kind)) {
			return;
		}
		jdbc.sql("insert into consent (account_id, kind, version, given_at, ip) values (:a, :k, :v, :now, :ip)")
			.param("a", accountId).param("k", kind.name()).param("v", kind.version())
			.param("now", OffsetDateTime.now(clock)).param("ip", ClientAddress.current()).update();
		record(accountId, "同意《" + kind.label() + "》（" + kind.version() + " 版）");
	}

	/** Withdrawing the rules is allowed: the platform then asks again before it is used. */
	void withdraw(long accountId, ConsentKind kind) {
		int withdrawn = jdbc.sql("""
				update consent set withdrawn_at = :now where account_id = :a and kind = :k and withdrawn_at is null""")
			.param("now", OffsetDateTime.now(clock)).param("a", accountId).param("k", kind.name()).update();
		if (withdrawn == 0) {
			throw new BusinessRuleException("您尚未同意《" + kind.label() + "》，无需撤回");
		}
		record(accountId, "撤回对《" + kind.label() + "》的同意");
	}

	@Transactional(readOnly = true)
	/** A page of {@link #history(long)}, latest first. */
	PageResult<Entry> history(long accountId, PageRequest page) {
		return SqlPages.page(jdbc, "kind, version, given_at, withdrawn_at, id", "from consent where account_id = :a",
				"given_at desc, id desc", Map.of("a", accountId), page, (rs, i) -> {
					ConsentKind kind = ConsentKind.valueOf(rs.getString("kind"));
					OffsetDateTime withdrawn = rs.getObject("withdrawn_at", OffsetDateTime.class);
					return new Entry(kind.toCodeLabel(), rs.getString("version"),
							rs.getObject("given_at", OffsetDateTime.class), withdrawn,
							withdrawn == null && kind.version().equals(rs.getString("version")));
				});
	}

	List<Entry> history(long accountId) {
		return jdbc.sql("""
				select kind, version, given_at, withdrawn_at from consent where account_id = :a order by given_at desc, id desc""")
			.param("a", accountId)
			.query((rs, i) -> {
				ConsentKind kind = ConsentKind.valueOf(rs.getString("kind"));
				OffsetDateTime withdrawn = rs.getObject("withdrawn_at", OffsetDateTime.class);
				return new Entry(kind.toCodeLabel(), rs.getString("version"), rs.getObject("given_at", OffsetDateTime.class),
						withdrawn, withdrawn == null && kind.version().equals(rs.getString("version")));
			})
			.list();
	}

	private void record(long accountId, String what) {
		audit.record(AuditType.UPDATE, "ACCOUNT", accountId, AuditLog.SUCCESS, what, orgPaths.ofAccount(accountId));
	}

}
