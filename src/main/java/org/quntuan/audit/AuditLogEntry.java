package org.quntuan.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

import org.quntuan.platform.CodeLabel;
import org.quntuan.platform.Masking;
import org.quntuan.platform.Zones;

/**
 * One event as the viewer, the API and the export show it; the time with the offset of
 * Asia/Shanghai, an actor that is a mobile (a person's account) masked.
 */
public record AuditLogEntry(long id, OffsetDateTime occurredAt, CodeLabel type, String actor, String ip,
		String objectType, String objectId, String result, String detail) {

	static AuditLogEntry map(ResultSet rs, int row) throws SQLException {
		OffsetDateTime at = rs.getObject("occurred_at", OffsetDateTime.class);
		return new AuditLogEntry(rs.getLong("id"), at == null ? null : at.atZoneSameInstant(Zones.BUSINESS).toOffsetDateTime(),
				typeOf(rs.getString("type")), Masking.ifMobile(rs.getString("actor")), rs.getString("ip"), rs.getString("object_type"),
				rs.getString("object_id"), rs.getString("result"), rs.getString("detail"));
	}

	private static CodeLabel typeOf(String code) {
		try {
			return AuditType.valueOf(code).toCodeLabel();
		}
		catch (IllegalArgumentException ex) {
			return new CodeLabel(code, code);
		}
	}

	public String resultLabel() {
		return AuditLabels.result(result);
	}

	public String objectTypeLabel() {
		return AuditLabels.objectType(objectType);
	}
}
