package org.quntuan.platform.web;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;

/**
 * Page sessions in the database ({@code spring_session}), so that any node behind the load balancer
 * serves any signed-in user: {@code quntuan.sessions.store=jdbc} (environment
 * {@code QUNTUAN_SESSIONS_STORE=jdbc}). Without it sessions live in the node's memory, which suits one
 * node and the test suite. Everything a page keeps in the session is {@link java.io.Serializable}
 * (the sign-in, the pending second factor, a pending mobile change, an import under review, flash
 * messages); {@code SessionStoreTests} signs in and uses these through the stored session. The
 * session timeout is {@code server.servlet.session.timeout}; expired rows are deleted every minute on
 * every node (an idempotent delete).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "quntuan.sessions.store", havingValue = "jdbc")
@EnableJdbcHttpSession
class SessionStore {

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionTimeout(
			@Value("${server.servlet.session.timeout:30m}") Duration timeout) {
		return repository -> repository.setDefaultMaxInactiveInterval(timeout);
	}
}
