package org.quntuan.identity;

import org.quntuan.platform.Coded;

/**
 * What a person consents to. The rules of personal-information processing (个人信息处理规则, under
 * the Personal Information Protection Law) must be accepted before the platform is used; a new
 * version is accepted anew. Modules that process more sensitive data add their own kinds.
 */
enum ConsentKind implements Coded {

	PRIVACY_RULES("个人信息处理规则", "2026-11", true);

	private final String label;

	private final String version;

	private final boolean required;

	ConsentKind(String label, String version, boolean required) {
		this.label = label;
		this.version = version;
		this.required = required;
	}

	@Override
	public String label() {
		return label;
	}

	String version() {
		return version;
	}

	boolean required() {
		return required;
	}
}
