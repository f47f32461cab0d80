package org.quntuan.matchmaking;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The photos of profiles: the stored original and its thumbnail. */
@Repository
class PhotoRepository {

	record PhotoRow(long id, long profileId, long fileId, long thumbFileId) {
	}

	private final JdbcClient jdbc;

	PhotoRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(long profileId, long fileId, long thumbFileId, OffsetDateTime now) {
		jdbc.sql("""
				insert into matchmaking_photo (profile_id, file_id, thumb_file_id, created_at)
				values (:p, :f, :t, :now)""")
			.param("p", profileId).param("f", fileId).param("t", thumbFileId).param("now", now).update();
	}

	Optional<PhotoRow> find(long id) {
		return jdbc.sql("select id, profile_id, file_id, thumb_file_id from matchmaking_photo where id = :id")
			.param("id", id).query((rs, i) -> new PhotoRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
			.optional();
	}

	List<PhotoRow> ofProfile(long profileId) {
		return jdbc.sql("""
				select id, profile_id, file_id, thumb_file_id from matchmaking_photo where profile_id = :p order by id""")
			.param("p", profileId).query((rs, i) -> new PhotoRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
			.list();
	}

	/** Photo ids per profile, for a page of cards in one query. */
	Map<Long, List<Long>> idsOf(List<Long> profileIds) {
		Map<Long, List<Long>> ids = new LinkedHashMap<>();
		if (profileIds.isEmpty()) {
			return ids;
		}
		jdbc.sql("select profile_id, id from matchmaking_photo where profile_id in (:p) order by profile_id, id")
			.param("p", profileIds).query(rs -> {
				ids.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
			});
		return ids;
	}

	void delete(long id) {
		jdbc.sql("delete from matchmaking_photo where id = :id").param("id", id).update();
	}
}
