package org.quntuan.identity;

import java.io.Serializable;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Pattern;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.identity.AccountAdminRepository.AccountRow;
import org.quntuan.identity.AccountAdminRepository.BindingRow;
import org.quntuan.identity.AccountAdminRepository.OrgRow;
import org.quntuan.member.MemberQueries;
import org.quntuan.platform.BusinessRuleException;
import org.quntuan.platform.Coded;
import org.quntuan.platform.ConflictException;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.ForbiddenException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.Role;
import org.quntuan.platform.Text;
import org.quntuan.platform.TextInput;
import org.quntuan.platform.Texts;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating accounts and binding roles, by federation and org admins within their reach. Nobody
 * grants above their own role or outside their admin subtree, nor changes their own account here.
 */
@Service
@Transactional
class AccountAdministration {

	record NewAccount(String username, String displayName, Long personId, String email) {
	}

	/** Shown once on the next page (a flash attribute, so it may travel in a stored session). */
	record Issued(long id, String username, String oneTimePassword) implements Serializable {
	}

	private static final Pattern USERNAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{2,63}");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private final AccountAdminRepository repository;

	private final AccountRepository accounts;

	private final AccountReach reach;

	private final MemberQueries members;

	private final PasswordEncoder encoder;

	private final PasswordPolicy policy;

	private final AuditLog audit;

	private final Clock clock;

	private final SignInOrgPath orgPaths;

	AccountAdministration(AccountAdminRepository repository, AccountRepository accounts, AccountReach reach,
			MemberQueries members, PasswordEncoder encoder, PasswordPolicy policy, AuditLog audit, Clock clock,
				SignInOrgPath orgPaths) {
		this.orgPaths = orgPaths;
		this.repository = repository;
		this.accounts = accounts;
		this.reach = reach;
		this.members = members;
		this.encoder = encoder;
		this.policy = policy;
		this.audit = audit;
		this.clock = clock;
	}

	Issued create(NewAccount form) {
		CurrentUser user = reach.requireAdmin();
		String username = TextInput.compact(form.username());
		String displayName = TextInput.name("displayName", form.displayName());
		String email = TextInput.compact(form.email());
		if (username == null || !USERNAME.matcher(username).matches()) {
			throw new InvalidValueException("username", "identity.account.error.username-invalid");
		}
		if (displayName == null || displayName.length() > 100) {
			throw new InvalidValueException("displayName", "identity.account.error.display-name-required");
		}
		if (email != null && (email.length() > 200 || !EMAIL.matcher(email).matches())) {
			throw new InvalidValueException("email", "identity.account.error.email-invalid");
		}
		if (form.personId() != null) {
			if (members.find(form.personId()).isEmpty() || !reach.administersPerson(form.personId())) {
				throw new InvalidValueException("personId", "identity.account.error.person-not-found");
			}
			if (repository.personHasAccount(form.personId())) {
				throw new ConflictException("identity.account.error.person-has-account");
			}
		}
		else if (!reach.of(user).everything()) {
			throw new BusinessRuleException("identity.account.error.person-required");
		}
		if (repository.usernameTaken(username)) {
			throw new ConflictException("identity.account.error.username-taken", username);
		}
		String password = OneTimePasswords.generate();
		policy.check(password);
		long id;
		try {
			id = accounts.insert(username, encoder.encode(password), displayName, form.personId(), true,
					OffsetDateTime.now(clock));
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("identity.account.error.duplicate");
		}
		if (email != null) {
			repository.setEmail(id, email);
		}
		audit.record(AuditType.CREATE, "ACCOUNT", id, AuditLog.SUCCESS, Texts.chinese("identity.account.audit.created", username, displayName),
				orgPaths.ofAccount(id));
		return new Issued(id, username, password);
	}

	BindingRow bind(long accountId, String roleValue, Long orgId) {
		CurrentUser user = reach.requireAdmin();
		AccountRow account = reach.manageable(user, accountId);
		Role role;
		try {
			role = Coded.parse(Role.class, roleValue);
		}
		catch (InvalidValueException ex) {
			throw new InvalidValueException("role", Text.of("identity.account.error.role-invalid", roleValue));
		}
		if (role == null || role == Role.MEMBER) {
			throw new InvalidValueException("role", "identity.account.error.role-required");
		}
		if (orgId == null) {
			throw new InvalidValueException("orgId", "identity.account.error.org-required");
		}
		notSelf(user, accountId, "identity.account.error.own-roles");
		OrgRow org = repository.org(orgId).filter(OrgRow::active).filter(o -> reach.administersPath(user, o.path()))
			.orElseThrow(NotFoundException::new);
		if (role == Role.FEDERATION_ADMIN && !reach.isFederationAdminAbove(user, org.path())) {
			throw new ForbiddenException("identity.account.error.federation-admin-only");
		}
		long bindingId;
		try {
			bindingId = repository.bind(accountId, role.name(), orgId, user.accountId(), OffsetDateTime.now(clock));
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("identity.account.error.role-held", role);
		}
		audit.record(AuditType.UPDATE, "ACCOUNT", accountId, AuditLog.SUCCESS,
				Texts.chinese("identity.account.audit.role-granted", account.username(), role, org.name()),
				orgPaths.ofAccount(accountId));
		return new BindingRow(bindingId, accountId, role.name(), orgId, org.name(), org.type(), org.path());
	}

	void unbind(long accountId, long bindingId) {
		CurrentUser user = reach.requireAdmin();
		AccountRow account = reach.visible(user, accountId);
		BindingRow binding = repository.bindingsOf(List.of(accountId)).stream().filter(b -> b.id() == bindingId)
			.findFirst().orElseThrow(NotFoundException::new);
		notSelf(user, accountId, "identity.account.error.own-roles");
		if (!reach.mayRemove(user, binding)) {
			throw new ForbiddenException("identity.account.error.role-out-of-reach");
		}
		repository.unbind(accountId, bindingId);
		audit.record(AuditType.UPDATE, "ACCOUNT", accountId, AuditLog.SUCCESS, Texts.chinese("identity.account.audit.role-revoked",
				account.username(), Role.valueOf(binding.role()), binding.orgName()), orgPaths.ofAccount(accountId));
	}

	void disable(long accountId, Integer version) {
		CurrentUser user = reach.requireAdmin();
		AccountRow account = reach.manageable(user, accountId, version);
		notSelf(user, accountId, "identity.account.error.own-account");
		if (account.enabled()) {
			repository.disable(accountId, OffsetDateTime.now(clock));
			audit.record(AuditType.UPDATE, "ACCOUNT", accountId, AuditLog.SUCCESS, Texts.chinese("identity.account.audit.disabled", account.username()),
					orgPaths.ofAccount(accountId));
		}
	}

	void enable(long accountId, Integer version) {
		CurrentUser user = reach.requireAdmin();
		AccountRow account = reach.manageable(user, accountId, version);
		if (!account.enabled()) {
			repository.enable(accountId);
			audit.record(AuditType.UPDATE, "ACCOUNT", accountId, AuditLog.SUCCESS, Texts.chinese("identity.account.audit.enabled", account.username()),
					orgPaths.ofAccount(accountId));
		}
	}

	Issued resetPassword(long accountId, Integer version) {
		CurrentUser user = reach.requireAdmin();
		AccountRow account = reach.manageable(user, accountId, version);
		notSelf(user, accountId, "identity.account.error.own-password");
		String password = OneTimePasswords.generate();
		policy.check(password);
		repository.resetPassword(accountId, encoder.encode(password));
		audit.record(AuditType.UPDATE, "ACCOUNT", accountId, AuditLog.SUCCESS,
				Texts.chinese("identity.account.audit.password-reset", account.username()),
				orgPaths.ofAccount(accountId));
		return new Issued(accountId, account.username(), password);
	}

	private static void notSelf(CurrentUser user, long accountId, String messageKey) {
		if (user.accountId() == accountId) {
			throw new ForbiddenException(messageKey);
		}
	}
}
