package org.quntuan.finance;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.quntuan.organization.OrgSummary;
import org.quntuan.organization.OrgType;
import org.quntuan.organization.OrganizationQueries;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.Role;
import org.quntuan.platform.ScopeGrant;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.SqlCondition;
import org.quntuan.platform.SqlPages;
import org.quntuan.platform.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who may read and keep which books. Books are kept by unions, 片组 and the federation. They are
 * read by the finance officers and org admins whose grant covers the book (a group's admin reads
 * the group's books and those of the unions below), by auditors in scope and by the federation
 * admin; they are kept (entries, expenses, dues, budgets) by the same people except auditors, who
 * are read-only on money. Base pay is for finance officers only.
 */
@Component
public class FinanceAccess {

	static final Set<OrgType> BOOK_TYPES = EnumSet.of(OrgType.UNION, OrgType.GROUP, OrgType.COMMITTEE);

	private static final Role[] READERS = { Role.FEDERATION_ADMIN, Role.ORG_ADMIN, Role.FINANCE_OFFICER, Role.AUDITOR };

	private static final Role[] KEEPERS = { Role.FEDERATION_ADMIN, Role.ORG_ADMIN, Role.FINANCE_OFFICER };

	private final CurrentUserProvider users;

	private final OrganizationQueries orgs;

	private final JdbcClient jdbc;

	FinanceAccess(CurrentUserProvider users, OrganizationQueries orgs, JdbcClient jdbc) {
		this.users = users;
		this.orgs = orgs;
		this.jdbc = jdbc;
	}

	public CurrentUser user() {
		return users.current();
	}

	/** Whether the caller reads any books at all (pages every reader of money may open). */
	public boolean readsAnyBooks() {
		return users.currentIfAny().map(u -> u.scope().hasAny(READERS)).orElse(false);
	}

	/**
	 * The book of an org the caller may read.
	 *
	 * @throws NotFoundException when the org does not exist or lies outside the caller's books
	 * @throws InvalidValueException when the org keeps no books (an organ, a league branch)
	 */
	public OrgSummary readable(long orgId) {
		OrgSummary org = orgs.find(orgId).orElseThrow(() -> new NotFoundException("finance.common.error.book-not-found"));
		if (!covers(org, READERS)) {
			throw new NotFoundException("finance.common.error.book-not-found");
		}
		if (!BOOK_TYPES.contains(org.type())) {
			throw new InvalidValueException("orgId", Text.of("finance.common.error.no-book", org.name()));
		}
		return org;
	}

	/**
	 * The book of an org the caller may keep.
	 *
	 * @throws ForbiddenException for a reader who may not write (an auditor)
	 */
	public OrgSummary keepable(long orgId) {
		OrgSummary org = readable(orgId);
		if (!covers(org, KEEPERS)) {
			throw new ForbiddenException("finance.common.error.auditor-reads-only");
		}
		return org;
	}

	/** The books the caller reads, the federation first, then by path. */
	public List<OrgSummary> readableBooks() {
		CurrentUser user = user();
		List<String> prefixes = user.scope().grantsFor(READERS).stream().map(ScopeGrant::orgPath).distinct().toList();
		if (prefixes.isEmpty()) {
			return List.of();
		}
		SqlCondition under = SqlCondition.pathUnder("path", "p", prefixes);
		List<Long> ids = jdbc.sql("select id from org where type in ('UNION', 'GROUP', 'COMMITTEE') and active = true and "
				+ under.sql()).params(under.params()).query(Long.class).list();
		return orgs.findAll(ids).stream().sorted(Comparator.comparing(OrgSummary::path)).toList();
	}

	/** A book as the API lists it. */
	record Book(long orgId, String name, String type) {
	}

	/** A page of {@link #readableBooks()}, the federation first, then by path. */
	PageResult<Book> readableBooks(PageRequest page) {
		List<String> prefixes = user().scope().grantsFor(READERS).stream().map(ScopeGrant::orgPath).distinct().toList();
		if (prefixes.isEmpty()) {
			return PageResult.of(List.of(), page, 0);
		}
		SqlCondition under = SqlCondition.pathUnder("path", "p", prefixes);
		return SqlPages.page(jdbc, "id, name, type",
				"from org where type in ('UNION', 'GROUP', 'COMMITTEE') and active = true and " + under.sql(), "path, id",
				under.params(), page, (rs, i) -> new Book(rs.getLong("id"), rs.getString("name"),
						OrgType.valueOf(rs.getString("type")).label()));
	}

	/**
	 * The book the caller most likely means: their own highest org's. Every readable book lies under a
	 * grant, so the shallowest one is the book of the grant's org itself (the federation's for the
	 * federation admin, the group's for a group admin), or the first book under a grant on an org that
	 * keeps none. The deepest book would open some union's book for the federation admin.
	 */
	public OrgSummary defaultBook() {
		return readableBooks().stream().min(Comparator.comparingInt(OrgSummary::depth)
			.thenComparing(OrgSummary::path)).orElseThrow(() -> new NotFoundException("finance.common.error.no-books"));
	}

	/** @throws ForbiddenException unless the caller is the federation admin (who configures categories) */
	void requireFederationAdmin() {
		if (!users.currentIfAny().map(u -> u.scope().has(Role.FEDERATION_ADMIN)).orElse(false)) {
			throw new ForbiddenException("finance.common.error.categories-federation-only");
		}
	}

	/** Whether the caller may see monthly base pay and per-person dues of this union. */
	public boolean seesPay(OrgSummary union) {
		// the union's own finance officers only: one of a 片组 above keeps the group's books, not the
		// pay of the unions below it
		return users.currentIfAny()
			.map(u -> u.scope().grantsFor(Role.FINANCE_OFFICER).stream().anyMatch(g -> g.orgId() == union.id()))
			.orElse(false);
	}

	public boolean covers(OrgSummary org, Role... roles) {
		return users.currentIfAny()
			.map(u -> u.scope().grantsFor(roles).stream().anyMatch(g -> org.path().startsWith(g.orgPath())))
			.orElse(false);
	}

	/** Bound parameters for "books under the caller's grants": org paths like any of these prefixes. */
	public List<String> readablePrefixes() {
		return user().scope().grantsFor(READERS).stream().map(ScopeGrant::orgPath).distinct().toList();
	}
}
