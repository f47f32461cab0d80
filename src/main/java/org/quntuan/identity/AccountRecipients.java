package org.quntuan.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.quntuan.member.MemberContacts;
import org.quntuan.notification.Recipient;
import org.quntuan.notification.RecipientDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Tells the notification module where enabled accounts can be reached: e-mail, and the person's mobile. */
@Component
class AccountRecipients implements RecipientDirectory {

	private static final int CHUNK = 500;

	private record Row(long id, String displayName, String email, Long personId) {
	}

	private final JdbcClient jdbc;

	private final MemberContacts contacts;

	AccountRecipients(JdbcClient jdbc, MemberContacts contacts) {
		this.jdbc = jdbc;
		this.contacts = contacts;
	}

	@Override
	public List<Recipient> find(Collection<Long> accountIds) {
		List<Long> ids = new ArrayList<>(accountIds);
		List<Row> rows = new ArrayList<>();
		for (int from = 0; from < ids.size(); from += CHUNK) {
			rows.addAll(jdbc.sql("select id, display_name, email, person_id from account where enabled = true and id in (:ids)")
				.param("ids", ids.subList(from, Math.min(from + CHUNK, ids.size())))
				.query((rs, i) -> new Row(rs.getLong("id"), rs.getString("display_name"), rs.getString("email"),
						rs.getObject("person_id", Long.class)))
				.list());
		}
		Map<Long, String> mobiles = contacts
			.activeMobiles(rows.stream().map(Row::personId).filter(p -> p != null).distinct().toList());
		return rows.stream()
			.map(r -> new Recipient(r.id(), r.displayName(), r.email(),
					r.personId() == null ? null : mobiles.get(r.personId())))
			.toList();
	}
}
