package org.quntuan.finance;

import java.util.List;
import java.util.Optional;

import org.quntuan.platform.InvalidValueException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The 收支科目 table; a category is named by its code (DUES) or its Chinese name (会费收入). */
@Service
public class Categories {

	private final JdbcClient jdbc;

	Categories(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Category> all() {
		return jdbc.sql("select * from fin_category order by sort_order, code")
			.query((rs, i) -> new Category(rs.getString("code"), rs.getString("name"),
					Category.Kind.valueOf(rs.getString("kind")), rs.getInt("sort_order"), rs.getBoolean("active")))
			.list();
	}

	public List<Category> active(Category.Kind kind) {
		return all().stream().filter(c -> c.active() && c.kind() == kind).toList();
	}

	public Optional<Category> find(String codeOrName) {
		if (codeOrName == null) {
			return Optional.empty();
		}
		String key = codeOrName.strip();
		return all().stream().filter(c -> c.code().equalsIgnoreCase(key) || c.name().equals(key)).findFirst();
	}

	/**
	 * An active category of the kind wanted.
	 *
	 * @throws InvalidValueException naming the category when there is none such
	 */
	public Category require(String field, String codeOrName, Category.Kind kind) {
		if (codeOrName == null || codeOrName.isBlank()) {
			throw new InvalidValueException(field, "请选择" + kind.label() + "科目");
		}
		Category category = find(codeOrName)
			.orElseThrow(() -> new InvalidValueException(field, "收支科目“" + codeOrName.strip() + "”不存在"));
		if (category.kind() != kind) {
			throw new InvalidValueException(field, "“" + category.name() + "”不是" + kind.label() + "科目");
		}
		if (!category.active()) {
			throw new InvalidValueException(field, "收支科目“" + category.name() + "”已停用");
		}
		return category;
	}

	/** Name of an account: a category's name, 银行存款 or 净资产. */
	public String accountName(String account) {
		return switch (account) {
			case Journal.BANK -> "银行存款";
			case Journal.NET_ASSETS -> "净资产";
			default -> find(account).map(Category::name).orElse(account);
		};
	}
}
