package org.quntuan.identity;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.quntuan.identity.AccountAdminRepository.AccountRow;
import org.quntuan.identity.AccountAdminRepository.BindingRow;
import org.quntuan.identity.AccountAdminRepository.OrgRow;
import org.quntuan.identity.AccountAdminRepository.Reach;
import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.organization.OrgType;
import org.quntuan.platform.CodeLabel;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.Masking;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.Role;
import org.quntuan.platform.Text;
import org.quntuan.platform.TextInput;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.quntuan.platform.excel.ExcelTable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The accounts an admin reaches, with their roles. */
@Service
@Transactional(readOnly = true)
class AccountAdminQueries {

	record RoleBinding(long id, CodeLabel role, long orgId, String orgName, CodeLabel orgType, boolean removable) {
	}

	record AccountSummary(long id, String username, String displayName, Long personId, boolean enabled,
			boolean mustChangePassword, List<RoleBinding> roles) {
	}

	record AccountDetail(long id, String username, String displayName, Long personId, String email, boolean enabled,
			boolean locked, boolean mustChangePassword, boolean totpEnrolled, int version, List<RoleBinding> roles,
			boolean manageable, boolean self) {
	}

	record OrgChoice(long id, String name, CodeLabel type, int depth) {
	}

	private static final int EXPORT_CHUNK = 1000;

	private final AccountAdminRepository repository;

	private final AccountReach reach;

	private final Clock clock;

	private final AuditLog audit;

	AccountAdminQueries(AccountAdminRepository repository, AccountReach reach, Clock clock, AuditLog audit) {
		this.audit = audit;
		this.repository = repository;
		this.reach = reach;
		this.clock = clock;
	}

	PageResult<AccountSummary> list(String q, PageRequest page) {
		return list(q, page, false);
	}

	/**
	 * A page of accounts; usernames that are mobiles come masked unless {@code whole} is asked for,
	 * and a whole page that shows any is logged as a view of personal data.
	 */
	PageResult<AccountSummary> list(String q, PageRequest page, boolean whole) {
		CurrentUser user = reach.requireAdmin();
		Reach r = reach.of(user);
		String like = like(q);
		long total = repository.count(r, like);
		List<AccountRow> rows = repository.page(r, like, page.offset(), page.size());
		Map<Long, List<BindingRow>> bindings = repository.bindingsOf(rows.stream().map(AccountRow::id).toList())
			.stream().collect(Collectors.groupingBy(BindingRow::accountId));
		List<AccountSummary> content = rows.stream()
			.map(a -> new AccountSummary(a.id(), whole ? a.username() : Masking.ifMobile(a.username()),
					a.displayName(), a.personId(), a.enabled(), a.mustChangePassword(),
					roles(user, bindings.getOrDefault(a.id(), List.of()))))
			.toList();
		if (whole) {
			long shown = rows.stream().filter(a -> !a.username().equals(Masking.ifMobile(a.username()))).count();
			if (shown > 0) {
				audit.recordIndependently(AuditType.PERSONAL_DATA_VIEW, user.accountId(), user.username(), "ACCOUNT",
						null, AuditLog.SUCCESS, Texts.chinese("identity.account.audit.list-viewed", shown));
			}
		}
		return PageResult.of(content, page, total);
	}

	/** The file name of the export, with today's date in Beijing. */
	String exportFileName() {
		return Texts.localized("identity.account.export.file-name",
				LocalDate.now(clock.withZone(Zones.BUSINESS)).toString());
	}

	/**
	 * The accounts of the list (same reach and search, same order) as an .xlsx file; usernames that
	 * are mobiles masked as on the page. Logged as an export of personal data.
	 */
	byte[] export(String q) {
		CurrentUser user = reach.requireAdmin();
		Reach r = reach.of(user);
		String like = like(q);
		try (ExcelTable table = ExcelTable.streaming()) {
			table.sheet(Texts.localized("identity.account.export.sheet"))
				.header(new String[] { Texts.localized("identity.account.export.header.username"),
						Texts.localized("identity.account.export.header.name"),
						Texts.localized("identity.account.export.header.roles"),
						Texts.localized("identity.account.export.header.status") }, new int[] { 16, 12, 50, 20 });
			String separator = Texts.localized("identity.account.export.role-separator");
			String noRoles = Texts.localized(Text.label(Role.MEMBER));
			String active = Texts.localized("identity.account.export.status.active");
			String disabled = Texts.localized("identity.account.export.status.disabled");
			int count = 0;
			for (long offset = 0;; offset += EXPORT_CHUNK) {
				List<AccountRow> rows = repository.page(r, like, offset, EXPORT_CHUNK);
				Map<Long, List<BindingRow>> bindings = rows.isEmpty() ? Map.of()
						: repository.bindingsOf(rows.stream().map(AccountRow::id).toList())
							.stream()
							.collect(Collectors.groupingBy(BindingRow::accountId));
				for (AccountRow a : rows) {
					String roles = roles(user, bindings.getOrDefault(a.id(), List.of())).stream()
						.map(b -> Texts.localized("identity.account.export.role", b.role(), b.orgName()))
						.collect(Collectors.joining(separator));
					table.row()
						.text(Masking.ifMobile(a.username()))
						.text(a.displayName())
						.text(roles.isEmpty() ? noRoles : roles)
						.text(a.mustChangePassword()
								? Texts.localized("identity.account.export.status.must-change", a.enabled() ? active : disabled)
								: a.enabled() ? active : disabled);
					count++;
				}
				if (rows.size() < EXPORT_CHUNK) {
					break;
				}
			}
			byte[] file = table.bytes();
			audit.recordIndependently(AuditType.PERSONAL_DATA_VIEW, user.accountId(), user.username(), "ACCOUNT_EXPORT",
					null, AuditLog.SUCCESS, Texts.chinese("identity.account.audit.exported", count));
			return file;
		}
	}

	AccountDetail detail(long id) {
		CurrentUser user = reach.requireAdmin();
		AccountRow a = reach.visible(user, id);
		List<BindingRow> bindings = repository.bindingsOf(List.of(id));
		boolean locked = a.lockedUntil() != null && a.lockedUntil().isAfter(OffsetDateTime.now(clock));
		return new AccountDetail(a.id(), a.username(), a.displayName(), a.personId(), a.email(), a.enabled(), locked,
				a.mustChangePassword(), a.totpEnrolled(), a.version(), roles(user, bindings),
				reach.manageable(user, bindings), user.accountId() == id);
	}

	/** Where the caller may bind roles: the active orgs of their admin subtrees. */
	List<OrgChoice> bindableOrgs() {
		CurrentUser user = reach.requireAdmin();
		Reach r = reach.of(user);
		List<OrgRow> orgs = repository.orgsBelow(r.everything() ? null : r.paths());
		return orgs.stream()
			.map(o -> new OrgChoice(o.id(), o.name(), OrgType.valueOf(o.type()).toCodeLabel(),
					(int) o.path().chars().filter(c -> c == '/').count() - 2))
			.toList();
	}

	/** The roles the caller may grant: federation admin only by a federation admin. */
	List<Role> grantableRoles() {
		CurrentUser user = reach.requireAdmin();
		return List.of(Role.values()).stream()
			.filter(r -> r != Role.MEMBER && (r != Role.FEDERATION_ADMIN || user.scope().has(Role.FEDERATION_ADMIN)))
			.toList();
	}

	private List<RoleBinding> roles(CurrentUser user, List<BindingRow> bindings) {
		return bindings.stream()
			.map(b -> new RoleBinding(b.id(), Role.valueOf(b.role()).toCodeLabel(), b.orgId(), b.orgName(),
					OrgType.valueOf(b.orgType()).toCodeLabel(),
					user.accountId() != b.accountId() && reach.mayRemove(user, b)))
			.toList();
	}

	/** A lower-case contains pattern with ! escaping LIKE's wildcards, or null for no search. */
	static String like(String q) {
		String v = TextInput.normalize(q);
		if (v == null) {
			return null;
		}
		if (v.length() > 64) {
			v = v.substring(0, 64);
		}
		return "%" + v.toLowerCase().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
	}
}
