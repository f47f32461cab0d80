package org.quntuan.notification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A notification to send: to whom, from which template with which arguments, on which channels,
 * and the key of the event that caused it. The same event key, recipient and channel are sent only
 * once, so a listener that runs twice, or on two nodes, notifies nobody twice.
 * <pre>
 * notifications.send(NotificationRequest.of("person-transferred:" + transferId, "person-transferred",
 *         List.of(accountId), personName, newOrganName).withLink("/members/" + personId)
 *     .via(Channel.INBOX, Channel.SMS));
 * </pre>
 *
 * @param template the key {@code notification.<template>.title} / {@code .body} in the message bundles
 * @param arguments the template's {0}, {1}…; pass text, not numbers (which would be grouped "1,234")
 * @param eventKey stable for the triggering event, e.g. {@code "person-transferred:123"}
 * @param link a path inside the application, shown with the notification; null for none
 * @param mobile for one recipient, the number to text instead of the one on record (a code that
 *     proves a new number); null for the number on record
 * @param secret the arguments (a one-time code, say) reach the recipient but are stored as
 *     "******": the database keeps no usable copy
 */
public record NotificationRequest(Set<Long> recipientAccountIds, String template, List<Object> arguments,
		String eventKey, String link, Set<Channel> channels, String mobile, boolean secret) {

	private static final Pattern TEMPLATE = Pattern.compile("[a-z0-9]+([.-][a-z0-9]+)*");

	/** Relative to the application only: nothing that could lead a reader to another site. */
	private static final Pattern LINK = Pattern.compile("/(?![/\\\\])[A-Za-z0-9\\-._~/?=&%#+]*");

	public NotificationRequest {
		if (recipientAccountIds == null || recipientAccountIds.stream().anyMatch(id -> id == null)) {
			throw new IllegalArgumentException("recipients must not be null");
		}
		recipientAccountIds = Collections.unmodifiableSet(new LinkedHashSet<>(recipientAccountIds));
		if (template == null || template.length() > 100 || !TEMPLATE.matcher(template).matches()) {
			throw new IllegalArgumentException("invalid template key: " + template);
		}
		arguments = arguments == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(arguments));
		if (eventKey == null || eventKey.isBlank() || eventKey.length() > 200) {
			throw new IllegalArgumentException("the event key must be 1 to 200 characters");
		}
		if (link != null && (link.length() > 500 || !LINK.matcher(link).matches())) {
			throw new IllegalArgumentException("a link must be a path inside the application: " + link);
		}
		if (channels == null || channels.isEmpty()) {
			throw new IllegalArgumentException("no channel");
		}
		channels = Collections.unmodifiableSet(EnumSet.copyOf(channels));
		if (mobile != null && (recipientAccountIds.size() != 1 || !mobile.matches("1[3-9]\\d{9}"))) {
			throw new IllegalArgumentException("a mobile of its own needs one recipient and a valid number");
		}
	}

	/** To the inbox only, without a link; add them with {@link #via} and {@link #withLink}. */
	public static NotificationRequest of(String eventKey, String template, Collection<Long> recipientAccountIds,
			Object... arguments) {
		return new NotificationRequest(new LinkedHashSet<>(recipientAccountIds), template,
				Arrays.asList(arguments), eventKey, null, EnumSet.of(Channel.INBOX), null, false);
	}

	public NotificationRequest withLink(String link) {
		return new NotificationRequest(recipientAccountIds, template, arguments, eventKey, link, channels, mobile,
				secret);
	}

	/** The arguments are secret: delivered, never stored. */
	public NotificationRequest confidential() {
		return new NotificationRequest(recipientAccountIds, template, arguments, eventKey, link, channels, mobile, true);
	}

	/** Texts this number rather than the one on record; for a single recipient. */
	public NotificationRequest toMobile(String number) {
		return new NotificationRequest(recipientAccountIds, template, arguments, eventKey, link, channels, number,
				secret);
	}

	public NotificationRequest via(Channel first, Channel... more) {
		return new NotificationRequest(recipientAccountIds, template, arguments, eventKey, link,
				EnumSet.of(first, more), mobile, secret);
	}
}
