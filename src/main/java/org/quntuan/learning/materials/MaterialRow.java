package org.quntuan.learning.materials;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/** A material as stored, with its owner org (the org it was published in the name of). */
record MaterialRow(long id, String title, MaterialKind kind, String body, String url, Long fileId,
		Integer durationSeconds, Integer pageCount, int minSeconds, int points, boolean isPublic, long ownerOrgId,
		String ownerOrgName, String ownerOrgPath, long creatorAccountId, String creatorName, OffsetDateTime createdAt,
		int version, OffsetDateTime withdrawnAt) {

	static final String SELECT = """
			select m.*, so.name as owner_org_name, so.path as owner_org_path
			from learning_material m join org so on so.id = m.owner_org_id""";

	static MaterialRow map(ResultSet rs, int i) throws SQLException {
		return new MaterialRow(rs.getLong("id"), rs.getString("title"), MaterialKind.valueOf(rs.getString("kind")),
				rs.getString("body"), rs.getString("url"), rs.getObject("file_id", Long.class),
				rs.getObject("duration_seconds", Integer.class), rs.getObject("page_count", Integer.class),
				rs.getInt("min_seconds"), rs.getInt("points"), rs.getBoolean("is_public"), rs.getLong("owner_org_id"),
				rs.getString("owner_org_name"), rs.getString("owner_org_path"), rs.getLong("creator_account_id"),
				rs.getString("creator_name"), rs.getObject("created_at", OffsetDateTime.class), rs.getInt("version"),
				rs.getObject("withdrawn_at", OffsetDateTime.class));
	}

	boolean withdrawn() {
		return withdrawnAt != null;
	}

	/** A PDF, or a video without a link, needs its file before anyone can study it. */
	boolean needsFile() {
		return fileId == null && (kind == MaterialKind.PDF || kind == MaterialKind.VIDEO && url == null);
	}
}
