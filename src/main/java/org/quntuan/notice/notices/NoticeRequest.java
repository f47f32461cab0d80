package org.quntuan.notice.notices;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.quntuan.organization.Targets;

/**
 * A notice to publish. The body may be plain text (blank lines make paragraphs) or simple HTML, which
 * is reduced to a safe whitelist before it is stored.
 *
 * @param isPublic also shown on the home page of every member the targets serve (JSON {@code public})
 */
public record NoticeRequest(String title, String body, Targets targets, Boolean pinned, OffsetDateTime expiresAt,
		@JsonProperty("public") Boolean isPublic) {
}
