package org.quntuan.platform;

/** The signed-in caller of this request, with the scope resolved from the database. */
public record CurrentUser(long accountId, String username, String displayName, Long personId, DataScope scope) {

	public boolean isSelf(long otherPersonId) {
		return personId != null && personId == otherPersonId;
	}
}
