package org.quntuan.activity;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;

import org.quntuan.platform.web.QrCodes;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/** The check-in QR code an organizer shows at the door: a link to the check-in page with a fresh token. */
@Component
class CheckInCodes {

	record Code(String token, String url, OffsetDateTime expiresAt, String pngDataUri) {
	}

	private final ActivityAccess access;

	private final CheckInTokens tokens;

	private final Clock clock;

	CheckInCodes(ActivityAccess access, CheckInTokens tokens, Clock clock) {
		this.access = access;
		this.tokens = tokens;
		this.clock = clock;
	}

	/** @param base the application's address as the caller reached it, e.g. https://qt.example.cn */
	Code issue(long activityId, String base) {
		ActivityRow a = access.managed(activityId);
		OffsetDateTime now = OffsetDateTime.now(clock);
		String token = tokens.issue(a, now);
		return code(a, base, "/activities/{id}/check-in", token, now);
	}

	/** The check-out (签退) code shown at the end: hours of volunteer service run from check-in to check-out. */
	Code issueCheckOut(long activityId, String base) {
		ActivityRow a = access.managed(activityId);
		OffsetDateTime now = OffsetDateTime.now(clock);
		return code(a, base, "/activities/{id}/check-out", tokens.issueCheckOut(a, now), now);
	}

	private Code code(ActivityRow a, String base, String path, String token, OffsetDateTime now) {
		String url = UriComponentsBuilder.fromUriString(base).path(path)
			.queryParam("t", token).buildAndExpand(a.id()).toUriString();
		String png = "data:image/png;base64," + Base64.getEncoder().encodeToString(QrCodes.png(url, 320));
		return new Code(token, url, now.plus(tokens.lifetime()), png);
	}
}
