package org.quntuan.identity;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.member.MemberQueries;
import org.quntuan.platform.MobileNumber;
import org.quntuan.platform.TextInput;
import org.quntuan.platform.Texts;
import org.quntuan.platform.web.ClientAddress;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks a username (or a person's mobile) and password for the sign-in form and the token
 * endpoint alike. Unknown user, wrong password, locked and disabled accounts all fail with the same
 * message, after the same amount of hashing work.
 * <p>
 * Parallel guesses cannot beat the lock: each password check first takes one of the account's
 * allowed attempts in one conditional update ({@link AccountRepository#reserveAttempt}), so at most
 * {@code max-failed-attempts} passwords are ever checked before the lock, the guess that takes the
 * last one locks, and a right password never lifts a lock. The client's address has its own limit
 * ({@link SignInThrottle}) against guesses spread over many accounts.
 */
@Component
class AccountAuthenticator implements AuthenticationProvider {

	/** The one answer to every failed sign-in, whatever the reason. */
	static final String FAILURE = "identity.sign-in.error.failed";

	/** {@link #FAILURE} in Chinese: the exception's message, for logs and tests. */
	static final String FAILURE_MESSAGE = Texts.chinese(FAILURE);

	/** The actor of a failed sign-in whose typed name is no username (the record: Chinese). */
	static final String UNKNOWN_ACCOUNT = Texts.chinese("identity.sign-in.audit.unknown-account");

	private final AccountRepository accounts;

	private final MemberQueries members;

	private final PasswordEncoder encoder;

	private final SecuritySettings settings;

	private final AuditLog audit;

	private final Clock clock;

	private final String dummyHash;

	private final SignInOrgPath orgPath;

	private final SignInThrottle addresses;

	private final TransactionTemplate transactions;

	/** quntuan_signin_failures_total and quntuan_signin_lockouts_total in Prometheus. */
	private final Counter failures;

	private final Counter lockouts;

	AccountAuthenticator(AccountRepository accounts, MemberQueries members, PasswordEncoder encoder,
			SecuritySettings settings, AuditLog audit, Clock clock, SignInOrgPath orgPath, SignInThrottle addresses,
			PlatformTransactionManager transactionManager, MeterRegistry meters) {
		this.failures = meters.counter("quntuan.signin.failures");
		this.lockouts = meters.counter("quntuan.signin.lockouts");
		this.addresses = addresses;
		this.transactions = new TransactionTemplate(transactionManager);
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
		String address = ClientAddress.current();
		if (!addresses.tryAcquire(address)) {
			encoder.matches(password == null ? "" : password, dummyHash);
			audit.recordIndependently(AuditType.LOGIN_FAILURE, null, knownNameOrMarker(login), "ACCOUNT", null,
					AuditLog.FAILURE, Texts.chinese("identity.sign-in.audit.address-throttled"));
			failures.increment();
			throw new BadCredentialsException(FAILURE_MESSAGE);
		}
		Optional<Account> found = find(login);
		if (found.isEmpty() || password == null) {
			encoder.matches(password == null ? "" : password, dummyHash);
			audit.recordIndependently(AuditType.LOGIN_FAILURE, null, found.map(Account::username).orElse(UNKNOWN_ACCOUNT),
					"ACCOUNT", null, AuditLog.FAILURE,
					Texts.chinese(found.isPresent() ? "identity.sign-in.audit.no-password" : "identity.sign-in.audit.no-account"));
			failures.increment();
			throw new BadCredentialsException(FAILURE_MESSAGE);
		}
		Account account = found.get();
		OffsetDateTime now = OffsetDateTime.now(clock);
		if (!account.enabled()) {
			encoder.matches(password, dummyHash);
			fail(account, "identity.sign-in.audit.disabled");
		}
		int attempt = transactions.execute(tx -> accounts.reserveAttempt(account.id(), settings.maxFailedAttempts(), now));
		if (attempt == 0) {
			// locked, or every allowed check is taken by guesses in flight: no password is checked
			encoder.matches(password, dummyHash);
			fail(account, "identity.sign-in.audit.locked");
		}
		if (!encoder.matches(password, account.passwordHash())) {
			if (attempt >= settings.maxFailedAttempts()) {
				accounts.lock(account.id(), now.plus(settings.lockDuration()));
				lockouts.increment();
				fail(account, "identity.sign-in.audit.wrong-password-locked", attempt);
			}
			fail(account, "identity.sign-in.audit.wrong-password", attempt);
		}
		if (accounts.findById(account.id()).map(a -> a.lockedAt(OffsetDateTime.now(clock))).orElse(true)) {
			// a guess checked beside this one locked the account meanwhile: a lock is never lifted by a success
			fail(account, "identity.sign-in.audit.locked-meanwhile");
		}
		accounts.recordSuccess(account.id(), attempt);
		addresses.succeeded(address);
		audit.recordIndependently(AuditType.LOGIN_SUCCESS, account.id(), account.username(), "ACCOUNT", account.id(),
				AuditLog.SUCCESS, null, orgPath.of(account));
		return new AccountPrincipal(account.id(), account.username(), account.displayName(), account.personId());
	}

	/** Logs the failure with the reason under {@code reasonKey} (in Chinese, the record) and refuses. */
	private void fail(Account account, String reasonKey, Object... args) {
		audit.recordIndependently(AuditType.LOGIN_FAILURE, account.id(), account.username(), "ACCOUNT", account.id(),
				AuditLog.FAILURE, Texts.chinese(reasonKey, args), orgPath.of(account));
		failures.increment();
		throw new BadCredentialsException(FAILURE_MESSAGE);
	}

	/**
	 * What the log keeps of a typed name that did not sign in: the username when it is one, never
	 * whatever else was typed (a password typed into the name field, a stranger's mobile).
	 */
	private String knownNameOrMarker(String login) {
		String v = TextInput.compact(login);
		if (v == null || v.length() > 64) {
			return UNKNOWN_ACCOUNT;
		}
		return accounts.findByUsername(v).map(Account::username).orElse(UNKNOWN_ACCOUNT);
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
