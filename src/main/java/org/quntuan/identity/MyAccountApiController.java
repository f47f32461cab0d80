package org.quntuan.identity;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.quntuan.platform.Coded;
import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.Masking;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.Texts;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "登录与当前用户")
class MyAccountApiController {

	record PasswordChange(String currentPassword, String newPassword) {
	}

	record MobileCodeRequest(String mobile, String currentPassword) {
	}

	record MobileChange(String mobile, String code) {
	}

	record ConsentChange(String kind, Boolean given) {
	}

	record CodeRequest(String username) {
	}

	record PasswordReset(String username, String code, String newPassword) {
	}

	/** The one answer to a reset-code request, whether the account exists or not. */
	static final String CODE_SENT_KEY = "identity.password-reset.code-sent";

	/** The answer in Chinese, for tests; the API answers {@link #codeSent()}. */
	static final Map<String, String> CODE_SENT = Map.of("message", Texts.chinese(CODE_SENT_KEY));

	/** The answer in the language of the request. */
	static Map<String, String> codeSent() {
		return Map.of("message", Texts.localized(CODE_SENT_KEY));
	}

	private final PasswordChanges changes;

	private final PasswordResets resets;

	private final CurrentUserProvider users;

	private final MobileChanges mobiles;

	private final Consents consents;

	MyAccountApiController(PasswordChanges changes, PasswordResets resets, CurrentUserProvider users,
			MobileChanges mobiles, Consents consents) {
		this.consents = consents;
		this.mobiles = mobiles;
		this.changes = changes;
		this.resets = resets;
		this.users = users;
	}

	@PostMapping("/api/v1/me/password")
	@Operation(summary = "修改本人密码（新密码不符合密码策略时返回 400）")
	ResponseEntity<Void> changePassword(@RequestBody PasswordChange request) {
		changes.change(users.current().accountId(), request.currentPassword(), request.newPassword());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/me/mobile/code")
	@Operation(summary = "更换手机号：向新手机号发送验证码")
	Map<String, String> sendMobileCode(@RequestBody MobileCodeRequest request) {
		String mobile = mobiles.sendCode(users.current(), request.currentPassword(), request.mobile());
		return Map.of("message", Texts.localized("identity.mobile.code-sent-to", Masking.keepHeadAndTail(mobile)));
	}

	@PostMapping("/api/v1/me/mobile")
	@Operation(summary = "更换手机号：凭发往新手机号的验证码确认")
	ResponseEntity<Void> changeMobile(@RequestBody MobileChange request) {
		mobiles.confirm(users.current(), request.mobile(), request.code());
		return ResponseEntity.noContent().build();
	}

	@org.springframework.web.bind.annotation.GetMapping("/api/v1/me/consents")
	@Operation(summary = "本人同意记录（含撤回），最近的在前、分页")
	PageResult<Consents.Entry> consents(@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return consents.history(users.current().accountId(), PageRequest.of(page, size));
	}

	@PostMapping("/api/v1/me/consents")
	@Operation(summary = "同意或撤回（kind 为 PRIVACY_RULES 或“个人信息处理规则”，given 为 true / false）；答复同意记录的第一页")
	PageResult<Consents.Entry> changeConsent(@RequestBody ConsentChange request) {
		ConsentKind kind = Coded.parse(ConsentKind.class, request.kind());
		if (kind == null || request.given() == null) {
			throw new InvalidValueException("kind", "identity.consent.error.kind-and-given-required");
		}
		long account = users.current().accountId();
		if (request.given()) {
			consents.give(account, kind);
		}
		else {
			consents.withdraw(account, kind);
		}
		return consents.history(account, PageRequest.of(0, null));
	}

	@PostMapping("/api/v1/auth/password-reset/code")
	@Operation(summary = "忘记密码：向本人手机发送验证码（无论账号是否存在，回答相同）")
	Map<String, String> sendCode(@RequestBody CodeRequest request) {
		resets.sendCode(request.username());
		return codeSent();
	}

	@PostMapping("/api/v1/auth/password-reset")
	@Operation(summary = "忘记密码：凭验证码设置新密码")
	ResponseEntity<Void> reset(@RequestBody PasswordReset request) {
		resets.reset(request.username(), request.code(), request.newPassword());
		return ResponseEntity.noContent().build();
	}
}
