package org.quntuan.notification;

/**
 * The addresses of an account, as far as they are known.
 *
 * @param email null when unknown
 * @param mobile null when the account is no active person's
 */
public record Recipient(long accountId, String displayName, String email, String mobile) {
}
