package org.quntuan.learning.materials;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The configured topic tags (学习标签); materials refer to them by id, so a new name reaches every material. */
@Repository
class TagRepository {

	private final JdbcClient jdbc;

	TagRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<LearningViews.TopicTag> all() {
		return jdbc.sql("""
				select t.id, t.name, t.active, (select count(*) from learning_material_tag mt where mt.tag_id = t.id)
				from learning_tag t order by t.active desc, t.sort_order, t.id""")
			.query((rs, i) -> new LearningViews.TopicTag(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getInt(4)))
			.list();
	}

	Optional<LearningViews.TopicTag> find(long id) {
		return all().stream().filter(t -> t.id() == id).findFirst();
	}

	Optional<Long> idOf(String name) {
		return jdbc.sql("select id from learning_tag where name = :n").param("n", name).query(Long.class).optional();
	}

	long insert(String name) {
		int order = jdbc.sql("select coalesce(max(sort_order), 0) + 10 from learning_tag").query(Integer.class).single();
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("insert into learning_tag (name, sort_order, active) values (:n, :o, true)").param("n", name)
			.param("o", order).update(keys, "id");
		return keys.getKey().longValue();
	}

	void rename(long id, String name) {
		jdbc.sql("update learning_tag set name = :n where id = :id").param("n", name).param("id", id).update();
	}

	void setActive(long id, boolean active) {
		jdbc.sql("update learning_tag set active = :a where id = :id").param("a", active).param("id", id).update();
	}
}
