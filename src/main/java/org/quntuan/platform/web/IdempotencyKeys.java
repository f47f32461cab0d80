package org.quntuan.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.quntuan.platform.CurrentUser;
import org.quntuan.platform.CurrentUserProvider;
import org.quntuan.platform.Texts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} on the API's writes (POST, PUT, PATCH, DELETE under {@code /api/}): a client
 * that did not get the answer (a node died behind the load balancer, the phone lost its connection)
 * sends the request again with the same key and gets the first answer, marked
 * {@code Idempotency-Replayed: true}, instead of a second income, journal entry or sign-up.
 * <p>
 * The key is claimed (a row, committed) before the request runs and answered after it: the same key
 * while the first request still runs is answered 409; the same key with another request (method,
 * path, body) 422. A server error frees the key so that it can be tried again. If the node dies
 * while the request runs, the key stays claimed: the request may or may not have been booked, so a
 * retry is answered 409 and the client looks (nothing is ever booked twice). Keys are per account
 * and forgotten after a day ({@link IdempotencyKeyCleanup}). Without the header nothing changes.
 */
@Component
public class IdempotencyKeys extends OncePerRequestFilter {

	public static final String HEADER = "Idempotency-Key";

	private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");

	/** A body over this is answered but not kept for a replay (the replay then has the status only). */
	private static final int KEPT_BODY = 200_000;

	private final JdbcClient jdbc;

	private final ObjectProvider<CurrentUserProvider> users;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	IdempotencyKeys(JdbcClient jdbc, ObjectProvider<CurrentUserProvider> users, Clock clock) {
		this.jdbc = jdbc;
		this.users = users;
		this.clock = clock;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String method = request.getMethod();
		return request.getHeader(HEADER) == null || "GET".equals(method) || "HEAD".equals(method)
				|| "OPTIONS".equals(method) || !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

	private record Claim(String fingerprint, Integer status, String contentType, String body) {
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<CurrentUser> user = users.getObject().currentIfAny();
		if (user.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		String key = request.getHeader(HEADER);
		if (!WELL_FORMED.matcher(key).matches()) {
			problem(request, response, 400, "platform.idempotency.malformed");
			return;
		}
		long account = user.get().accountId();
		CachedBodyRequest cached = new CachedBodyRequest(request);
		String fingerprint = fingerprint(cached);
		try {
			jdbc.sql("""
					insert into idempotency_key (account_id, idem_key, fingerprint, created_at)
					values (:a, :k, :f, :now)""")
				.param("a", account).param("k", key).param("f", fingerprint).param("now", OffsetDateTime.now(clock))
				.update();
		}
		catch (DuplicateKeyException seen) {
			answerAgain(request, response, account, key, fingerprint);
			return;
		}
		ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
		boolean kept = false;
		try {
			chain.doFilter(cached, wrapper);
			int status = wrapper.getStatus();
			if (status < 500) {
				byte[] body = wrapper.getContentAsByteArray();
				String text = new String(body, StandardCharsets.UTF_8);
				jdbc.sql("""
						update idempotency_key set status = :s, content_type = :t, body = :b
						where account_id = :a and idem_key = :k""")
					.param("s", status).param("t", wrapper.getContentType())
					.param("b", text.length() <= KEPT_BODY ? text : null).param("a", account).param("k", key).update();
				kept = true;
			}
		}
		finally {
			if (!kept) {
				jdbc.sql("delete from idempotency_key where account_id = :a and idem_key = :k and status is null")
					.param("a", account).param("k", key).update();
			}
			wrapper.copyBodyToResponse();
		}
	}

	private void answerAgain(HttpServletRequest request, HttpServletResponse response, long account, String key,
			String fingerprint) throws IOException {
		Optional<Claim> claim = jdbc.sql("""
				select fingerprint, status, content_type, body from idempotency_key
				where account_id = :a and idem_key = :k""").param("a", account).param("k", key)
			.query((rs, n) -> new Claim(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3), rs.getString(4)))
			.optional();
		if (claim.isEmpty()) {
			// freed by a server error a moment ago
			problem(request, response, 409, "platform.idempotency.failed");
		}
		else if (!claim.get().fingerprint().equals(fingerprint)) {
			problem(request, response, 422, "platform.idempotency.reused");
		}
		else if (claim.get().status() == null) {
			problem(request, response, 409, "platform.idempotency.pending");
		}
		else {
			response.setStatus(claim.get().status());
			response.setHeader("Idempotency-Replayed", "true");
			if (claim.get().body() != null && !claim.get().body().isEmpty()) {
				response.setContentType(claim.get().contentType());
				response.getOutputStream().write(claim.get().body().getBytes(StandardCharsets.UTF_8));
			}
		}
	}

	private void problem(HttpServletRequest request, HttpServletResponse response, int status, String detail)
			throws IOException {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "about:blank");
		body.put("title", Texts.localized(status == 400 ? "platform.title.400"
				: status == 409 ? "platform.title.conflict" : "platform.title.business-rule"));
		body.put("status", status);
		body.put("detail", Texts.localized(detail));
		body.put("instance", request.getRequestURI());
		String id = RequestIds.of(request);
		if (id != null) {
			body.put(RequestIds.MDC_KEY, id);
		}
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getOutputStream().write(json.writeValueAsBytes(body));
	}

	/** Method, path, query and body: the request a key stands for. */
	private static String fingerprint(CachedBodyRequest request) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update((request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString() + "\n")
				.getBytes(StandardCharsets.UTF_8));
			digest.update(request.body());
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
