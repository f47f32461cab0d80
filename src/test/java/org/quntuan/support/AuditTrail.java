package org.quntuan.support;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The audit events recorded on one object, oldest first, as the tests of each module read them. */
public final class AuditTrail {

	/** One row of audit_event, in the words a test asserts. */
	public record Event(String type, String actor, String objectType, String objectId, String result, String detail,
			String orgPath) {
	}

	private AuditTrail() {
	}

	public static List<Event> of(JdbcClient jdbc, String objectType, Object objectId) {
		return jdbc.sql("""
				select type, actor, object_type, object_id, result, detail, org_path from audit_event
				where object_type = :t and object_id = :id order by id""")
			.param("t", objectType).param("id", String.valueOf(objectId))
			.query((rs, i) -> new Event(rs.getString("type"), rs.getString("actor"), rs.getString("object_type"),
					rs.getString("object_id"), rs.getString("result"), rs.getString("detail"), rs.getString("org_path")))
			.list();
	}

	public static String pathOf(JdbcClient jdbc, String orgName) {
		return jdbc.sql("select path from org where name = :n").param("n", orgName).query(String.class).single();
	}
}
