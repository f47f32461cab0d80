package org.quntuan.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;

import org.quntuan.organization.TreeRoot;
import org.quntuan.platform.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On a first start without demo data: the root organization and the first federation admin. The
 * password comes from {@code quntuan.security.bootstrap-admin-password}, or a one-time password is
 * printed once and must be changed at first sign-in. There is no default production password.
 */
@Component
@Profile("!demo")
@Order(10)
class FirstAdmin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

	private final AccountRepository accounts;

	private final TreeRoot root;

	private final PasswordEncoder encoder;

	private final PasswordPolicy policy;

	private final SecuritySettings settings;

	private final Clock clock;

	FirstAdmin(AccountRepository accounts, TreeRoot root, PasswordEncoder encoder, PasswordPolicy policy,
			SecuritySettings settings, Clock clock) {
		this.accounts = accounts;
		this.root = root;
		this.encoder = encoder;
		this.policy = policy;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (accounts.count() > 0) {
			return;
		}
		OffsetDateTime now = OffsetDateTime.now(clock);
		long rootId = root.ensure();
		String configured = settings.bootstrapAdminPassword();
		String password;
		boolean oneTime = configured == null || configured.isBlank();
		if (oneTime) {
			password = oneTimePassword();
		}
		else {
			policy.check(configured);
			password = configured;
		}
		long id = accounts.insert("admin", encoder.encode(password), Texts.chinese("identity.first-admin.display-name"), null,
				oneTime, now);
		accounts.bind(id, "FEDERATION_ADMIN", rootId, now);
		if (oneTime) {
			log.warn("首次启动：已创建管理员账号 admin，一次性密码 {} （仅显示这一次，首次登录后请立即修改）", password);
		}
		else {
			log.info("首次启动：已按配置创建管理员账号 admin");
		}
	}

	private static String oneTimePassword() {
		String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
		SecureRandom random = new SecureRandom();
		StringBuilder sb = new StringBuilder("Qt-");
		for (int i = 0; i < 14; i++) {
			sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return sb.append('9').toString();
	}
}
