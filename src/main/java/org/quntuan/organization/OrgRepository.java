package org.quntuan.organization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.quntuan.platform.ScopeGrant;
import org.quntuan.platform.SqlCondition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL of the org tree. Every statement binds its values; a subtree is a path-prefix match. */
@Repository
class OrgRepository {

	private static final String COLUMNS = "o.id, o.parent_id, o.type, o.name, o.path, o.depth, o.active, o.version";

	private final JdbcClient jdbc;

	OrgRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	static OrgSummary map(ResultSet rs, int row) throws SQLException {
		return new OrgSummary(rs.getLong("id"), rs.getObject("parent_id", Long.class), OrgType.valueOf(rs.getString("type")),
				rs.getString("name"), rs.getString("path"), rs.getInt("depth"), rs.getBoolean("active"),
				rs.getInt("version"));
	}

	List<OrgSummary> organsBelow(String path) {
		return jdbc.sql("select " + COLUMNS + " from org o where o.type = 'ORGAN' and o.path like :prefix")
			.param("prefix", path + "%").query(OrgRepository::map).list();
	}

	/** Active orgs at or below a path, the org itself included. */
	List<OrgSummary> activeBelow(String path) {
		return jdbc.sql("select " + COLUMNS + " from org o where o.active and o.path like :prefix order by o.path")
			.param("prefix", path + "%").query(OrgRepository::map).list();
	}

	Optional<OrgSummary> findById(long id) {
		return jdbc.sql("select " + COLUMNS + " from org o where o.id = :id").param("id", id).query(OrgRepository::map)
			.optional();
	}

	List<OrgSummary> findByIds(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select " + COLUMNS + " from org o where o.id in (:ids)").param("ids", ids)
			.query(OrgRepository::map).list();
	}

	List<OrgSummary> children(long id) {
		return jdbc.sql("select " + COLUMNS + " from org o where o.parent_id = :id order by o.sort_order, o.name_pinyin")
			.param("id", id).query(OrgRepository::map).list();
	}

	/** Every organization the scope reaches, ordered for building a tree. */
	List<OrgSummary> visible(List<ScopeGrant> grants, Long ownOrganId) {
		SqlCondition v = visibility(grants, ownOrganId);
		if (v.equals(SqlCondition.NONE)) {
			return List.of();
		}
		return jdbc.sql("select " + COLUMNS + " from org o where " + v.sql() + " order by o.depth, o.sort_order, o.name_pinyin")
			.params(v.params()).query(OrgRepository::map).list();
	}

	boolean isVisible(long orgId, List<ScopeGrant> grants, Long ownOrganId) {
		SqlCondition v = visibility(grants, ownOrganId);
		if (v.equals(SqlCondition.NONE)) {
			return false;
		}
		return jdbc.sql("select count(*) from org o where o.id = :orgId and " + v.sql()).params(v.paramsWith("orgId", orgId))
			.query(Long.class).single() > 0;
	}

	long insert(Long parentId, OrgType type, String name, String pinyin, String parentPath, int depth, OffsetDateTime now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		// the path needs the id: insert with a unique provisional path, then set it
		String provisional = "/new/" + UUID.randomUUID() + "/";
		jdbc.sql("""
				insert into org (parent_id, type, name, name_pinyin, path, depth, sort_order, active, created_at, version)
				values (:parent, :type, :name, :pinyin, :path, :depth, 0, true, :now, 0)""")
			.param("parent", parentId).param("type", type.name()).param("name", name).param("pinyin", pinyin)
			.param("path", provisional).param("depth", depth).param("now", now)
			.update(keys, "id");
		long id = keys.getKey().longValue();
		jdbc.sql("update org set path = :path where id = :id").param("path", (parentPath == null ? "/" : parentPath) + id + "/")
			.param("id", id).update();
		return id;
	}

	int rename(long id, String name, String pinyin, int version) {
		return jdbc.sql("update org set name = :name, name_pinyin = :pinyin, version = version + 1 where id = :id and version = :version")
			.param("name", name).param("pinyin", pinyin).param("id", id).param("version", version).update();
	}

	/** Rewrites the paths of a whole subtree in one statement. */
	void movePaths(OrgSummary org, OrgSummary newParent) {
		String newPath = newParent.path() + org.id() + "/";
		int delta = newParent.depth() + 1 - org.depth();
		jdbc.sql("""
				update org set path = :newPath || substr(path, :cut), depth = depth + :delta
				where path like :oldPrefix""")
			.param("newPath", newPath).param("cut", org.path().length() + 1).param("delta", delta)
			.param("oldPrefix", org.path() + "%").update();
	}

	int setParent(long id, long parentId, int version) {
		return jdbc.sql("update org set parent_id = :parent, version = version + 1 where id = :id and version = :version")
			.param("parent", parentId).param("id", id).param("version", version).update();
	}

	int deactivate(long id, int version) {
		return jdbc.sql("update org set active = false, version = version + 1 where id = :id and version = :version")
			.param("id", id).param("version", version).update();
	}

	long activeChildren(long id) {
		return jdbc.sql("select count(*) from org where parent_id = :id and active = true").param("id", id)
			.query(Long.class).single();
	}

	/** Names of the active children of one type, other than {@code exceptId}. */
	List<String> activeChildrenOfType(long parentId, OrgType type, long exceptId) {
		return jdbc.sql("select name from org where parent_id = :p and type = :t and active = true and id <> :x order by id")
			.param("p", parentId).param("t", type.name()).param("x", exceptId).query(String.class).list();
	}

	void recordAffiliationChange(long orgId, Long fromParent, long toParent, LocalDate date, String reason,
			Long by, OffsetDateTime now) {
		jdbc.sql("""
				insert into org_affiliation_change (org_id, from_parent_id, to_parent_id, effective_date, reason, changed_by, changed_at)
				values (:org, :from, :to, :date, :reason, :by, :now)""")
			.param("org", orgId).param("from", fromParent).param("to", toParent).param("date", date)
			.param("reason", reason).param("by", by).param("now", now).update();
	}

	List<AffiliationChange> history(long orgId) {
		return jdbc.sql("""
				select c.effective_date, c.reason, c.changed_at, f.name as from_name, t.name as to_name
				from org_affiliation_change c
				left join org f on f.id = c.from_parent_id
				join org t on t.id = c.to_parent_id
				where c.org_id = :id order by c.changed_at desc, c.id desc""")
			.param("id", orgId)
			.query((rs, i) -> new AffiliationChange(rs.getObject("effective_date", LocalDate.class),
					rs.getString("from_name"), rs.getString("to_name"), rs.getString("reason"),
					rs.getObject("changed_at", OffsetDateTime.class)))
			.list();
	}

	/** A scope as an OR of path prefixes plus the caller's own organ and its mass organizations. */
	static SqlCondition visibility(List<ScopeGrant> grants, Long ownOrganId) {
		SqlCondition paths = SqlCondition.pathUnder("o.path", "scopePath",
				grants.stream().map(ScopeGrant::orgPath).distinct().toList());
		if (ownOrganId == null) {
			return paths;
		}
		return paths.or(SqlCondition.of("(o.id = :ownOrgan or o.parent_id = :ownOrgan)", "ownOrgan", ownOrganId));
	}
}
