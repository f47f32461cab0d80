package org.quntuan.notification;

/**
 * One notification handed to a channel.
 *
 * @param link a path inside the application ("/members/12"), or null
 */
public record OutgoingMessage(long notificationId, Recipient recipient, String title, String body, String link) {
}
