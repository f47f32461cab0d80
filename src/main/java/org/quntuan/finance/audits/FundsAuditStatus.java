package org.quntuan.finance.audits;

import org.quntuan.platform.Coded;

/** Where an audit of one book stands: planned, being examined, waiting for rectification, closed. */
enum FundsAuditStatus implements Coded {

	PLANNED("已列入计划"), IN_PROGRESS("审查中"), RECTIFYING("整改中"), CLOSED("已结束");

	private final String label;

	FundsAuditStatus(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}

	/** The auditor examines the book: checklist, samples and findings may change. */
	boolean underWay() {
		return this == IN_PROGRESS || this == RECTIFYING;
	}
}
