package org.quntuan.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;
import tools.jackson.databind.json.JsonMapper;

import org.quntuan.platform.Text;
import org.quntuan.platform.Texts;
import org.quntuan.platform.web.RequestIds;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Three chains: the actuator (health probes open, metrics to the scraper's token, nothing else), the
 * JSON API signs in with bearer tokens only (no cookies, so no CSRF to forge), the pages with a form,
 * a session and CSRF tokens.
 */
@Configuration
@EnableConfigurationProperties(SecuritySettings.class)
class SecurityConfig {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
			+ "script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * The load balancer probes liveness and readiness without signing in (the status only, no
	 * details); Prometheus scrapes {@code /actuator/prometheus} with {@code Authorization: Bearer} and
	 * the token of {@code quntuan.metrics.token} (QUNTUAN_METRICS_TOKEN; without one, nobody can).
	 * Every other actuator path is refused, whoever asks: a signed-in session or API token counts for
	 * nothing here.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain actuatorChain(HttpSecurity http, JsonMapper json, LocaleResolver locales,
			@Value("${quntuan.metrics.token:}") String metricsToken) throws Exception {
		byte[] expected = ("Bearer " + metricsToken).getBytes(StandardCharsets.UTF_8);
		http.securityMatcher("/actuator/**")
			.csrf(csrf -> csrf.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.authorizeHttpRequests(a -> a
				.requestMatchers(HttpMethod.GET, "/actuator/health/liveness", "/actuator/health/readiness").permitAll()
				.requestMatchers(HttpMethod.GET, "/actuator/prometheus").access((auth, context) -> {
					String given = context.getRequest().getHeader(HttpHeaders.AUTHORIZATION);
					return new AuthorizationDecision(!metricsToken.isBlank() && given != null
							&& MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8)));
				})
				.anyRequest().denyAll())
			.exceptionHandling(e -> e
				.authenticationEntryPoint((req, res, ex) -> problem(req, res, json, locales, HttpStatus.UNAUTHORIZED,
						"identity.problem.unauthorized", "identity.problem.actuator-only"))
				.accessDeniedHandler((req, res, ex) -> problem(req, res, json, locales, HttpStatus.FORBIDDEN,
						"identity.problem.forbidden", "identity.problem.actuator-only")))
			.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
		return http.build();
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiChain(HttpSecurity http, ApiTokens tokens, JsonMapper json, JdbcClient jdbc,
			TotpSettings totp, LocaleResolver locales) throws Exception {
		http.securityMatcher("/api/**")
			.csrf(csrf -> csrf.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests(a -> a.requestMatchers(HttpMethod.POST, "/api/v1/auth/token").permitAll()
				.requestMatchers(HttpMethod.GET, "/api/v1/ping").permitAll()
				.requestMatchers(HttpMethod.POST, "/api/v1/auth/password-reset", "/api/v1/auth/password-reset/code").permitAll()
				.anyRequest().authenticated())
			.addFilterBefore(new BearerTokenFilter(tokens), UsernamePasswordAuthenticationFilter.class)
			.addFilterBefore(new AccountStatusFilter(jdbc, json, locales, true, totp.totpRequiredForAdmins()), AuthorizationFilter.class)
			.exceptionHandling(e -> e
				.authenticationEntryPoint((req, res, ex) -> problem(req, res, json, locales, HttpStatus.UNAUTHORIZED,
						"identity.problem.unauthorized", "identity.problem.token-missing"))
				.accessDeniedHandler((req, res, ex) -> problem(req, res, json, locales, HttpStatus.FORBIDDEN,
						"identity.problem.forbidden", "identity.problem.no-permission")))
			.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pageChain(HttpSecurity http, JdbcClient jdbc, JsonMapper json, SignInSuccessHandler signedIn,
			TotpSettings totp, SignOutLog signOutLog, LocaleResolver locales) throws Exception {
		http.authorizeHttpRequests(a -> a
			.requestMatchers("/login", "/login/totp", "/password/forgot", "/password/reset", "/error", "/webjars/**", "/verify/**",
					"/css/**", "/js/**", "/favicon.ico", "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
			.permitAll()
			.anyRequest().authenticated())
			.formLogin(f -> f.loginPage("/login").successHandler(signedIn).failureUrl("/login?error"))
			.addFilterBefore(new AccountStatusFilter(jdbc, json, locales, false, totp.totpRequiredForAdmins()), AuthorizationFilter.class)
			.logout(l -> l.logoutUrl("/logout").addLogoutHandler(signOutLog).logoutSuccessUrl("/login?logout"))
			.sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
			.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}

	/**
	 * A problem answered by the security filters, before the dispatcher has set the request's language:
	 * {@code titleKey} and {@code detailKey} are put into words in the language the pages and the API
	 * use for this request (the language cookie, Chinese by default), not the client's Accept-Language.
	 */
	static void problem(HttpServletRequest request, HttpServletResponse response, JsonMapper json,
			LocaleResolver locales, HttpStatus status, String titleKey, String detailKey) throws IOException {
		Locale locale = locales.resolveLocale(request);
		ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, Texts.in(Text.of(detailKey), locale));
		pd.setTitle(Texts.in(Text.of(titleKey), locale));
		String requestId = MDC.get(RequestIds.MDC_KEY);
		if (requestId != null) {
			pd.setProperty(RequestIds.MDC_KEY, requestId);
		}
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), pd);
	}
}
