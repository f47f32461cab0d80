package org.quntuan.notice.inforeports;

import org.quntuan.platform.Coded;

/** How far an information report got; only ever moves up. */
enum InfoReportStatus implements Coded {
	SUBMITTED("待处理"),
	RECEIVED("收到"),
	ADOPTED("采用"),
	PUBLISHED("刊发");

	private final String label;

	InfoReportStatus(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}
}
