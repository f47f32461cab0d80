package org.quntuan.finance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.SqlPages;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** fin_category: the 收支科目, by sort order and code. */
@Repository
class CategoryRepository {

	private final JdbcClient jdbc;

	CategoryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Category> all() {
		return jdbc.sql("select * from fin_category order by sort_order, code").query(CategoryRepository::category)
			.list();
	}

	PageResult<Category> page(PageRequest page) {
		return SqlPages.page(jdbc, "*", "from fin_category", "sort_order, code", Map.of(), page,
				CategoryRepository::category);
	}

	/** The sort order after the last category of the kind. */
	int nextSortOrder(Category.Kind kind) {
		return jdbc.sql("select coalesce(max(sort_order), 0) + 10 from fin_category where kind = :k")
			.param("k", kind.name()).query(Integer.class).single();
	}

	void insert(String code, String name, Category.Kind kind, int sortOrder) {
		jdbc.sql("insert into fin_category (code, name, kind, sort_order, active) values (:c, :n, :k, :o, true)")
			.param("c", code).param("n", name).param("k", kind.name()).param("o", sortOrder).update();
	}

	void setActive(String code, boolean active) {
		jdbc.sql("update fin_category set active = :a where code = :c").param("a", active).param("c", code)
			.update();
	}

	private static Category category(ResultSet rs, int i) throws SQLException {
		return new Category(rs.getString("code"), rs.getString("name"), Category.Kind.valueOf(rs.getString("kind")),
				rs.getInt("sort_order"), rs.getBoolean("active"));
	}
}
