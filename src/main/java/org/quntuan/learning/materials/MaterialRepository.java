package org.quntuan.learning.materials;

import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.quntuan.platform.PageRequest;
import org.quntuan.platform.SqlCondition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Materials, their tags, the first openings and the completions. */
@Repository
class MaterialRepository {

	record NewMaterial(String title, MaterialKind kind, String body, String url, Integer durationSeconds,
			int minSeconds, int points, boolean isPublic, long ownerOrgId, long creatorAccountId, String creatorName,
			OffsetDateTime now) {
	}

	record Tag(long id, String name) {
	}

	record ListItem(long id, String title, MaterialKind kind, String ownerOrgName, OffsetDateTime createdAt,
			boolean isPublic, boolean withdrawn) {
	}

	private final JdbcClient jdbc;

	MaterialRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(NewMaterial m) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into learning_material (title, kind, body, url, duration_seconds, min_seconds, points, is_public,
				  owner_org_id, creator_account_id, creator_name, created_at)
				values (:title, :kind, :body, :url, :duration, :min, :points, :public, :org, :account, :name, :now)""")
			.param("title", m.title()).param("kind", m.kind().name()).param("body", m.body())
			.param("url", m.url(), Types.VARCHAR).param("duration", m.durationSeconds(), Types.INTEGER)
			.param("min", m.minSeconds()).param("points", m.points()).param("public", m.isPublic())
			.param("org", m.ownerOrgId()).param("account", m.creatorAccountId()).param("name", m.creatorName())
			.param("now", m.now())
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void insertTags(long materialId, List<Long> tagIds) {
		for (Long tag : tagIds) {
			jdbc.sql("insert into learning_material_tag (material_id, tag_id) values (:m, :t)").param("m", materialId)
				.param("t", tag).update();
		}
	}

	/** The new title, cleaned body, reading time and tags, while nobody else changed the material. */
	boolean update(long id, int version, String title, String body, int minSeconds, List<Long> tagIds,
			OffsetDateTime now) {
		boolean updated = jdbc.sql("""
				update learning_material set title = :title, body = :body, min_seconds = :min, updated_at = :now,
				  version = version + 1 where id = :id and version = :version and withdrawn_at is null""")
			.param("title", title).param("body", body).param("min", minSeconds).param("now", now).param("id", id)
			.param("version", version).update() == 1;
		if (updated) {
			jdbc.sql("delete from learning_material_tag where material_id = :m").param("m", id).update();
			insertTags(id, tagIds);
		}
		return updated;
	}

	boolean withdraw(long id, int version, String by, OffsetDateTime now) {
		return jdbc.sql("""
				update learning_material set withdrawn_at = :now, withdrawn_by = :by, version = version + 1
				where id = :id and version = :version and withdrawn_at is null""")
			.param("now", now).param("by", by).param("id", id).param("version", version).update() == 1;
	}

	/** The tags a material carries, by name (retired ones too: an edit may keep them). */
	List<Tag> tagsOf(long materialId) {
		return jdbc.sql("""
				select t.id, t.name from learning_material_tag mt join learning_tag t on t.id = mt.tag_id
				where mt.material_id = :m order by t.sort_order, t.id""").param("m", materialId)
			.query((rs, i) -> new Tag(rs.getLong(1), rs.getString(2))).list();
	}

	/** Sets the file (and for a PDF its pages and reading time) while nobody else changed the material. */
	boolean attachFile(long id, int version, long fileId, Integer pageCount, int minSeconds) {
		return jdbc.sql("""
				update learning_material set file_id = :file, page_count = :pages, min_seconds = :min,
				  version = version + 1 where id = :id and version = :version""")
			.param("file", fileId).param("pages", pageCount, Types.INTEGER).param("min", minSeconds).param("id", id)
			.param("version", version).update() == 1;
	}

	Optional<MaterialRow> find(long id) {
		return jdbc.sql(MaterialRow.SELECT + " where m.id = :id").param("id", id).query(MaterialRow::map).optional();
	}

	/** Whether the caller reaches the material by this condition over {@code m} and {@code so}. */
	boolean matches(long id, SqlCondition condition) {
		return jdbc.sql("select count(*) from learning_material m join org so on so.id = m.owner_org_id where m.id = :id and "
				+ condition.sql()).params(condition.paramsWith("id", id)).query(Long.class).single() > 0;
	}

	List<ListItem> list(SqlCondition visible, PageRequest page) {
		return jdbc.sql("""
				select m.id, m.title, m.kind, so.name as owner_org_name, m.created_at, m.is_public, m.withdrawn_at
				from learning_material m join org so on so.id = m.owner_org_id where """ + " " + visible.sql()
				+ " order by m.created_at desc, m.id desc offset :offset rows fetch next :size rows only")
			.params(visible.params()).param("offset", page.offset()).param("size", page.size())
			.query((rs, i) -> new ListItem(rs.getLong("id"), rs.getString("title"), MaterialKind.valueOf(rs.getString("kind")),
					rs.getString("owner_org_name"), rs.getObject("created_at", OffsetDateTime.class), rs.getBoolean("is_public"),
					rs.getObject("withdrawn_at", OffsetDateTime.class) != null))
			.list();
	}

	long count(SqlCondition visible) {
		return jdbc.sql("select count(*) from learning_material m join org so on so.id = m.owner_org_id where " + visible.sql())
			.params(visible.params()).query(Long.class).single();
	}

	List<String> tagNames(long materialId) {
		return jdbc.sql("""
				select t.name from learning_material_tag mt join learning_tag t on t.id = mt.tag_id
				where mt.material_id = :m order by t.sort_order, t.id""").param("m", materialId).query(String.class).list();
	}

	List<Tag> activeTags() {
		return jdbc.sql("select id, name from learning_tag where active = true order by sort_order, id")
			.query((rs, i) -> new Tag(rs.getLong(1), rs.getString(2))).list();
	}

	String orgPath(long orgId) {
		return jdbc.sql("select path from org where id = :id").param("id", orgId).query(String.class).single();
	}

	/** Records the first opening; a later one changes nothing. */
	void recordOpening(long materialId, long personId, OffsetDateTime now) {
		jdbc.sql("""
				insert into learning_open (material_id, person_id, opened_at) values (:m, :p, :now)
				on conflict do nothing""").param("m", materialId).param("p", personId).param("now", now).update();
	}

	Optional<OffsetDateTime> openedAt(long materialId, long personId) {
		return jdbc.sql("select opened_at from learning_open where material_id = :m and person_id = :p")
			.param("m", materialId).param("p", personId).query(OffsetDateTime.class).optional();
	}

	/** True for the completion that counts; false if the person had completed the material already. */
	boolean insertCompletion(long materialId, long personId, OffsetDateTime now, int points) {
		return jdbc.sql("""
				insert into learning_completion (material_id, person_id, completed_at, points) values (:m, :p, :now, :points)
				on conflict do nothing""").param("m", materialId).param("p", personId).param("now", now)
			.param("points", points).update() == 1;
	}

	Optional<OffsetDateTime> completedAt(long materialId, long personId) {
		return jdbc.sql("select completed_at from learning_completion where material_id = :m and person_id = :p")
			.param("m", materialId).param("p", personId).query(OffsetDateTime.class).optional();
	}
}
