package org.quntuan.member;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Optional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Uploaded import files between their check and the admin's confirmation, in {@code member_pending_import}
 * so that any node can confirm what another one checked: the page (and the session) carry only the
 * random token, and a token counts only for the account that uploaded the file.
 * <p>
 * A table of the member module rather than {@code platform.files.FileStorage}: the file store keeps
 * files in a directory of each node ({@code QUNTUAN_FILES_ROOT}) with a permanent {@code stored_file}
 * row that backups copy and restores verify, while a pending upload lives minutes, holds whole ID numbers
 * and mobiles, and must be gone once imported or abandoned. A row is seen by every node at once, is
 * locked, imported and deleted in the confirming transaction (a second confirmation of the same token
 * waits for the first and then finds nothing, so nothing is imported twice), and is forgotten by a
 * scheduled delete when nobody confirms it.
 */
@Component
class PendingImports {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final int MAX_NAME = 200;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ImportSettings settings;

	PendingImports(JdbcClient jdbc, Clock clock, ImportSettings settings) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.settings = settings;
	}

	/** A kept upload; {@code expired} when it is older than {@code quntuan.import.pending-lifetime}. */
	record Upload(String fileName, byte[] content, boolean expired) {
	}

	/** Keeps a checked file for its account. @return the new random token */
	String keep(long accountId, String fileName, byte[] content) {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		String token = HexFormat.of().formatHex(bytes);
		jdbc.sql("""
				insert into member_pending_import (token, account_id, file_name, content, created_at)
				values (:token, :account, :name, :content, :now)""")
			.param("token", token).param("account", accountId).param("name", cleanName(fileName))
			.param("content", content).param("now", OffsetDateTime.now(clock))
			.update();
		return token;
	}

	/**
	 * The account's upload under this token, locked until the transaction ends; empty for an unknown
	 * token or one of another account.
	 */
	Optional<Upload> lock(String token, long accountId) {
		if (token == null || token.isBlank()) {
			return Optional.empty();
		}
		OffsetDateTime cutoff = cutoff();
		return jdbc.sql("""
				select file_name, content, created_at from member_pending_import
				 where token = :token and account_id = :account for update""")
			.param("token", token).param("account", accountId)
			.query((rs, n) -> new Upload(rs.getString("file_name"), rs.getBytes("content"),
					!rs.getObject("created_at", OffsetDateTime.class).isAfter(cutoff)))
			.optional();
	}

	/** Forgets the account's upload under this token (confirmed, replaced or cancelled). */
	void remove(String token, long accountId) {
		if (token != null) {
			jdbc.sql("delete from member_pending_import where token = :token and account_id = :account")
				.param("token", token).param("account", accountId).update();
		}
	}

	/** Uploads nobody confirmed in time (every ten minutes, on one node). @return how many were deleted */
	@Scheduled(cron = "${quntuan.jobs.pending-import-cleanup:0 */10 * * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "pending-import-cleanup")
	@Transactional
	public Integer removeExpired() {
		return jdbc.sql("delete from member_pending_import where created_at <= :cutoff").param("cutoff", cutoff()).update();
	}

	private OffsetDateTime cutoff() {
		return OffsetDateTime.now(clock).minus(settings.pendingLifetime());
	}

	/** The name is only shown and audited; control characters (NUL is refused by PostgreSQL) go. */
	private static String cleanName(String name) {
		if (name == null) {
			return null;
		}
		String clean = name.replaceAll("\\p{Cntrl}", "");
		return clean.length() > MAX_NAME ? clean.substring(0, MAX_NAME) : clean;
	}
}
