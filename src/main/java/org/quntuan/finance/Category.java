package org.quntuan.finance;

/** A 收支科目: an income or expense category, used as the account of its lines. */
public record Category(String code, String name, Kind kind, int sortOrder, boolean active) {

	public enum Kind {
		INCOME("收入"), EXPENSE("支出");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	public boolean isIncome() {
		return kind == Kind.INCOME;
	}
}
