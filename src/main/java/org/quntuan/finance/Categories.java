package org.quntuan.finance;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.quntuan.audit.AuditLog;
import org.quntuan.audit.AuditType;
import org.quntuan.platform.ConflictException;
import org.quntuan.platform.InvalidValueException;
import org.quntuan.platform.NotFoundException;
import org.quntuan.platform.PageRequest;
import org.quntuan.platform.PageResult;
import org.quntuan.platform.Text;
import org.quntuan.platform.TextInput;
import org.quntuan.platform.Texts;
import org.springframework.stereotype.Service;

/** The 收支科目 table; a category is named by its code (DUES) or its Chinese name (会费收入). */
@Service
public class Categories {

	private final CategoryRepository categories;

	private final AuditLog audit;

	Categories(CategoryRepository categories, AuditLog audit) {
		this.audit = audit;
		this.categories = categories;
	}

	List<Category> all() {
		return categories.all();
	}

	PageResult<Category> all(PageRequest page) {
		return categories.page(page);
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
			throw new InvalidValueException(field, Text.of("finance.category.error.choose", kind(kind)));
		}
		Category category = find(codeOrName)
			.orElseThrow(() -> new InvalidValueException(field, Text.of("finance.category.error.unknown", codeOrName.strip())));
		if (category.kind() != kind) {
			throw new InvalidValueException(field, Text.of("finance.category.error.wrongKind", category.name(), kind(kind)));
		}
		if (!category.active()) {
			throw new InvalidValueException(field, Text.of("finance.category.error.inactive", category.name()));
		}
		return category;
	}

	/**
	 * Adds a category (工会会计制度 leaves room for a union's own lines, e.g. 疗休养支出). Codes are
	 * upper-case letters, digits and underscores, and never change once used in the journal.
	 */
	Category add(String code, String name, Category.Kind kind) {
		String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
		if (c.isEmpty() && kind != null) {
			c = nextCode(kind);
		}
		if (!c.matches("[A-Z][A-Z0-9_]{1,29}")) {
			throw new InvalidValueException("code", "finance.category.error.code");
		}
		if (Journal.BANK.equals(c) || Journal.NET_ASSETS.equals(c)) {
			throw new InvalidValueException("code", Text.of("finance.category.error.reserved", c));
		}
		String n = TextInput.name("name", name);
		if (n == null || n.length() > 50) {
			throw new InvalidValueException("name", "finance.category.error.name");
		}
		if (kind == null) {
			throw new InvalidValueException("kind", "finance.category.error.kind");
		}
		if (find(c).isPresent() || find(n).isPresent()) {
			throw new ConflictException("finance.category.error.taken");
		}
		int order = categories.nextSortOrder(kind);
		categories.insert(c, n, kind, order);
		// the chart of accounts is the federation's, above every org: only the federation admin sees the event
		audit.record(AuditType.CREATE, "FIN_CATEGORY", c, AuditLog.SUCCESS,
				Texts.chinese("finance.category.audit.added", kind(kind), n, c));
		return find(c).orElseThrow();
	}

	/**
	 * A code for a category added by its Chinese name alone (people name categories, the journal
	 * needs a stable code): IN_01, IN_02 … for income, OUT_01 … for expenses, the first one free.
	 */
	private String nextCode(Category.Kind kind) {
		String prefix = kind == Category.Kind.INCOME ? "IN_" : "OUT_";
		Set<String> taken = all().stream().map(Category::code).collect(Collectors.toSet());
		for (int i = 1;; i++) {
			String candidate = prefix + String.format("%02d", i);
			if (!taken.contains(candidate)) {
				return candidate;
			}
		}
	}

	/** Stops (or resumes) a category for new entries; entries already posted keep it. */
	Category setActive(String code, boolean active) {
		Category category = find(code).filter(c -> c.code().equalsIgnoreCase(code.strip()))
			.orElseThrow(() -> new NotFoundException("finance.category.error.notFound"));
		categories.setActive(category.code(), active);
		audit.record(AuditType.UPDATE, "FIN_CATEGORY", category.code(), AuditLog.SUCCESS,
				Texts.chinese(active ? "finance.category.audit.activated" : "finance.category.audit.deactivated", category.name()));
		return find(category.code()).orElseThrow();
	}

	/** Name of an account: a category's name, 银行存款 or 净资产. */
	String accountName(String account) {
		return switch (account) {
			case Journal.BANK -> Texts.localized("finance.category.account.bank");
			case Journal.NET_ASSETS -> Texts.localized("finance.category.account.netAssets");
			default -> find(account).map(Category::name).orElse(account);
		};
	}

	/** The kind's name (收入, 支出) inside a sentence. */
	private static Text kind(Category.Kind kind) {
		return Text.of(kind == Category.Kind.INCOME ? "finance.category.kind.income" : "finance.category.kind.expense");
	}
}
