package org.quntuan.learning.materials;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.quntuan.support.TestClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The objects of the access matrix (AccessMatrixTests) for learning. "own" is an article published by
 * 市财政局工会 (orgadmin1's union, in group1's 第一片组) and assigned to it, so the people of 市财政局 study it;
 * "sibling" the same for 市教育局工会. An article has no file, so uploads are refused (422) and the file is
 * missing (404); its reading time has not passed for anyone, so 学完 is refused (422).
 */
public final class LearningMatrixObjects {

	private LearningMatrixObjects() {
	}

	public static Long object(JdbcClient jdbc, String endpoint, String relation) {
		if (endpoint.contains("/learning/tags/")) {
			return jdbc.sql("select id from learning_tag where name = '理论学习'").query(Long.class).single();
		}
		String union = "OWN".equals(relation) ? "市财政局工会" : "市教育局工会";
		var org = jdbc.sql("select id, path, parent_id from org where name = :n").param("n", union)
			.query((rs, i) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getLong(3) }).single();
		long material = material(jdbc, (Long) org[0]);
		long assignment = assignment(jdbc, material, (Long) org[0], (String) org[1], (Long) org[2]);
		return endpoint.contains("/assignments/{id}") ? assignment : material;
	}

	private static long material(JdbcClient jdbc, long org) {
		String title = "access-matrix-material-" + org;
		var existing = jdbc.sql("select id from learning_material where title = :t").param("t", title).query(Long.class)
			.optional();
		if (existing.isPresent()) {
			return existing.get();
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into learning_material (title, kind, body, min_seconds, points, is_public, owner_org_id,
				  creator_account_id, creator_name, created_at)
				values (:t, 'ARTICLE', '<p>测试</p>', 600, 1, false, :org, 0, '测试', :now)""")
			.param("t", title).param("org", org).param("now", OffsetDateTime.now(TestClock.CLOCK)).update(keys, "id");
		return keys.getKey().longValue();
	}

	private static long assignment(JdbcClient jdbc, long material, long org, String path, long organ) {
		String title = "access-matrix-assignment-" + org;
		var existing = jdbc.sql("select id from learning_assignment where title = :t").param("t", title).query(Long.class)
			.optional();
		if (existing.isPresent()) {
			return existing.get();
		}
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into learning_assignment (title, due_date, targets_json, owner_org_id, creator_account_id,
				  creator_name, created_at)
				values (:t, :due, '{}', :org, 0, '测试', :now)""")
			.param("t", title).param("due", LocalDate.now(TestClock.CLOCK).plusDays(30)).param("org", org)
			.param("now", OffsetDateTime.now(TestClock.CLOCK)).update(keys, "id");
		long id = keys.getKey().longValue();
		jdbc.sql("insert into learning_assignment_material (assignment_id, material_id) values (:a, :m)").param("a", id)
			.param("m", material).update();
		jdbc.sql("""
				insert into learning_assignment_audience (assignment_id, org_id, org_path, member_organ_id)
				values (:a, :o, :p, :organ)""").param("a", id).param("o", org).param("p", path).param("organ", organ)
			.update();
		return id;
	}
}
