package org.quntuan.identity;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.member.MemberQueries;
import org.quntuan.platform.MobileNumber;
import org.quntuan.platform.TextInput;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks a username (or a person's mobile) and password for the sign-in form and the token
 * endpoint alike. Unknown user, wrong password, locked and disabled accounts all fail with the same
 * message, after the same amount of hashing work.
 */
@Component
class AccountAuthenticator implements AuthenticationProvider {

	static final String FAILURE_MESSAGE = "账号或密码错误";

	private final AccountRepository accounts;

	private final MemberQueries members;

	private final PasswordEncoder encoder;

	private final SecuritySettings settings;

	private final AuditLog audit;

	private final Clock clock;

	private final String dummyHash;

	private final SignInOrgPath orgPath;

	AccountAuthenticator(AccountRepository accounts, MemberQueries members, PasswordEncoder encoder,
			SecuritySettings settings, AuditLog audit, Clock clock, SignInOrgPath orgPath) {
		this.orgPath = orgPath;
		this.accounts = accounts;
		this.members = members;
		this.encoder = encoder;
		this.settings = settings;
		this.audit = audit;
		this.clock = clock;
		this.dummyHash = encoder.encode("not-a-password-" + System.nanoTime());
	}

	Optional<Account> find(String login) {
		String v = TextInput.compact(login);
		if (v == null || v.length() > 64) {
			return Optional.empty();
		}
		Optional<Account> byName = accounts.findByUsername(v);
		if (byName.isPresent()) {
			return byName;
		}
		try {
			String mobile = MobileNumber.parse(v).value();
			return members.findActivePersonIdByMobile(mobile).flatMap(accounts::findByPersonId);
		}
		catch (RuntimeException notAMobile) {
			return Optional.empty();
		}
	}

	/** The principal when the credentials are right; BadCredentialsException otherwise. */
	AccountPrincipal authenticate(String login, String password) {
		Optional<Account> found = find(login);
		if (found.isEmpty() || password == null) {
			encoder.matches(password == null ? "" : password, dummyHash);
			audit.recordIndependently(AuditType.LOGIN_FAILURE, null, truncate(login), "ACCOUNT", null,
					AuditLog.FAILURE, "账号不存在");
			throw new BadCredentialsException(FAILURE_MESSAGE);
		}
		Account account = found.get();
		OffsetDateTime now = OffsetDateTime.now(clock);
		boolean passwordOk = encoder.matches(password, account.passwordHash());
		if (account.lockedAt(now)) {
			fail(account, "账号已锁定");
		}
		if (!account.enabled()) {
			fail(account, "账号已停用");
		}
		if (!passwordOk) {
			int failures = accounts.recordFailure(account.id());
			if (failures >= settings.maxFailedAttempts()) {
				if (accounts.lockUnlessLocked(account.id(), now, now.plus(settings.lockDuration()))) {
					fail(account, "密码错误，连续失败 " + failures + " 次，账号锁定");
				}
				fail(account, "密码错误，账号已被同时进行的尝试锁定");
			}
			if (failures < 1) {
				// a concurrent attempt locked the account (and reset the count) between our count and its read
				fail(account, "密码错误，账号已被同时进行的尝试锁定");
			}
			fail(account, "密码错误（第 " + failures + " 次）");
		}
		accounts.recordSuccess(account.id());
		audit.recordIndependently(AuditType.LOGIN_SUCCESS, account.id(), account.username(), "ACCOUNT", account.id(),
				AuditLog.SUCCESS, null, orgPath.of(account));
		return new AccountPrincipal(account.id(), account.username(), account.displayName(), account.personId());
	}

	private void fail(Account account, String reason) {
		audit.recordIndependently(AuditType.LOGIN_FAILURE, account.id(), account.username(), "ACCOUNT", account.id(),
				AuditLog.FAILURE, reason, orgPath.of(account));
		throw new BadCredentialsException(FAILURE_MESSAGE);
	}

	private static String truncate(String s) {
		return s == null ? "" : s.length() > 64 ? s.substring(0, 64) : s;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		AccountPrincipal principal = authenticate(authentication.getName(),
				authentication.getCredentials() == null ? null : authentication.getCredentials().toString());
		return authenticated(principal);
	}

	static UsernamePasswordAuthenticationToken authenticated(AccountPrincipal principal) {
		return UsernamePasswordAuthenticationToken.authenticated(principal, null,
				List.of(new SimpleGrantedAuthority("ROLE_USER")));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
