package org.quntuan.care.pairing;

import org.quntuan.platform.Coded;

/** The kinds of shared problems (共性、突出问题) a pair raises, for the federation's board. */
enum ProblemCategory implements Coded {
	INFRASTRUCTURE("基础设施"),
	ENVIRONMENT("环境卫生"),
	ELDERLY_CARE("为老服务"),
	EMPLOYMENT("就业帮扶"),
	SAFETY("安全稳定"),
	OTHER("其他");

	private final String label;

	ProblemCategory(String label) {
		this.label = label;
	}

	@Override
	public String label() {
		return label;
	}
}
