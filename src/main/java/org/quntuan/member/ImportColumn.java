package org.quntuan.member;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The columns of the import template, in order: the header a row is read by, the field of
 * {@link PersonForm} a problem is reported against, and what the 填写说明 sheet says of it.
 */
enum ImportColumn {
	NAME("姓名", "name", true, "不超过 50 个字", 12),
	ID_NUMBER("身份证号", "idNumber", true, "18 位居民身份证号码，末位可为 X；请将单元格设为文本格式，以免 Excel 改写为科学计数法", 22),
	MOBILE("手机号", "mobile", true, "11 位手机号码，不能与在册人员重复", 15),
	ORGAN("所属单位", "organId", true, "单位全称，须为您管理范围内的单位（见“可选单位”工作表）", 26),
	GENDER("性别", "gender", false, "可不填，按身份证号识别；填写时须与身份证号一致", 8),
	POSITION("职务", "position", false, "不超过 100 个字", 16),
	POLITICAL_STATUS("政治面貌", "politicalStatus", false, "可不填，默认为“群众”", 14),
	UNION_STATUS("工会会籍", "unionStatus", false, "可不填，默认为“会员”", 10),
	UNION_JOINED_ON("入会日期", "unionJoinedOn", false, "可不填；格式如 2020-01-05、2020/1/5 或 2020年1月5日，不能早于出生日期或晚于今天", 14),
	EMPLOYMENT_STATUS("在职状态", "employmentStatus", false, "可不填，默认为“在职”", 10);

	private final String header;

	private final String field;

	private final boolean required;

	private final String hint;

	private final int width;

	ImportColumn(String header, String field, boolean required, String hint, int width) {
		this.header = header;
		this.field = field;
		this.required = required;
		this.hint = hint;
		this.width = width;
	}

	String header() {
		return header;
	}

	boolean required() {
		return required;
	}

	String hint() {
		return hint;
	}

	/** Column width in characters. */
	int width() {
		return width;
	}

	/** The column a problem with a {@link PersonForm} field is shown in; birth dates come from the ID number. */
	static String headerOf(String field) {
		if ("birthDate".equals(field)) {
			return ID_NUMBER.header;
		}
		return Arrays.stream(values()).filter(c -> c.field.equals(field)).findFirst().map(c -> c.header).orElse(NAME.header);
	}

	static String allHeaders() {
		return Arrays.stream(values()).map(c -> c.header).collect(Collectors.joining("、"));
	}
}
