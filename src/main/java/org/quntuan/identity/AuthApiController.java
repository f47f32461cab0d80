package org.quntuan.identity;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.quntuan.organization.OrgSummary;
import org.quntuan.organization.OrganizationQueries;
import org.quntuan.organization.OrgType;
import org.quntuan.platform.CodeLabel;
import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.Role;
import org.quntuan.platform.Texts;
import org.quntuan.platform.Zones;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "登录与当前用户")
class AuthApiController {

	/** @param code the 6-digit dynamic code, for accounts with TOTP */
	record TokenRequest(String username, String password, String code) {
	}

	record TokenResponse(String token, OffsetDateTime expiresAt) {
	}

	record RoleAt(CodeLabel role, Long orgId, String orgName, CodeLabel orgType) {
	}

	/** @param consentRequired the app shows the 个人信息处理规则 and posts the consent before going on */
	record Me(String username, String displayName, Long personId, List<RoleAt> roles, boolean consentRequired) {
	}

	private final AccountAuthenticator authenticator;

	private final ApiTokens tokens;

	private final CurrentUserProvider users;

	private final OrganizationQueries orgs;

	private final TotpAccounts totp;

	private final Consents consents;

	AuthApiController(AccountAuthenticator authenticator, ApiTokens tokens, CurrentUserProvider users,
			OrganizationQueries orgs, TotpAccounts totp, Consents consents) {
		this.consents = consents;
		this.totp = totp;
		this.authenticator = authenticator;
		this.tokens = tokens;
		this.users = users;
		this.orgs = orgs;
	}

	@PostMapping("/api/v1/auth/token")
	@Operation(summary = "用账号或手机号和密码换取访问令牌")
	TokenResponse token(@RequestBody TokenRequest request) {
		AccountPrincipal principal = authenticator.authenticate(request.username(), request.password());
		if (totp.enrolled(principal.accountId())
				&& !totp.check(principal.accountId(), principal.username(), request.code())) {
			throw new TotpCodeRequired();
		}
		ApiTokens.Issued issued = tokens.issue(principal.accountId());
		return new TokenResponse(issued.token(), issued.expiresAt().atZoneSameInstant(Zones.BUSINESS).toOffsetDateTime());
	}

	@ExceptionHandler(TotpCodeRequired.class)
	ResponseEntity<ProblemDetail> codeRequired(TotpCodeRequired ex) {
		ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
				Texts.localized(TotpCodeRequired.MESSAGE));
		pd.setTitle(Texts.localized("identity.sign-in.problem.title"));
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(pd);
	}

	@ExceptionHandler(BadCredentialsException.class)
	ResponseEntity<ProblemDetail> badCredentials(BadCredentialsException ex) {
		ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
				Texts.localized(AccountAuthenticator.FAILURE));
		pd.setTitle(Texts.localized("identity.sign-in.problem.title"));
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(pd);
	}

	@GetMapping("/api/v1/me")
	@Operation(summary = "当前用户与其角色（干部职工角色列在最后）")
	Me me() {
		CurrentUser user = users.current();
		List<RoleAt> roles = new ArrayList<>();
		user.scope().grants().forEach(g -> roles.add(new RoleAt(g.role().toCodeLabel(), g.orgId(), g.orgName(),
				OrgType.valueOf(g.orgType().name()).toCodeLabel())));
		if (user.personId() != null) {
			Long organId = user.scope().personOrganId();
			OrgSummary organ = organId == null ? null : orgs.find(organId).orElse(null);
			roles.add(new RoleAt(Role.MEMBER.toCodeLabel(), organId, organ == null ? null : organ.name(),
					organ == null ? null : organ.type().toCodeLabel()));
		}
		return new Me(user.username(), user.displayName(), user.personId(), roles,
				!consents.hasAccepted(user.accountId(), ConsentKind.PRIVACY_RULES));
	}
}
