package org.quntuan.learning.quizzes;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The columns of the question import template, in order, with what the 填写说明 sheet says of each. */
enum QuestionColumn {
	TYPE("题型", true, "单选、多选或判断", 8),
	TEXT("题干", true, "不超过 2000 个字", 40),
	OPTION_A("选项A", false, "单选、多选题至少填写两个选项，从选项A起连续填写；判断题不填选项", 18),
	OPTION_B("选项B", false, "", 18),
	OPTION_C("选项C", false, "", 18),
	OPTION_D("选项D", false, "", 18),
	OPTION_E("选项E", false, "", 18),
	OPTION_F("选项F", false, "", 18),
	ANSWER("答案", true, "选项字母，如 A；多选题至少两个，如 ACD；判断题填“对”或“错”", 8),
	EXPLANATION("解析", false, "可不填，不超过 2000 个字；竞赛结束后答题人可查看", 30),
	SCORE("分值", false, "1 至 100 的整数，可不填，默认为 1 分", 6),
	TAGS("标签", false, "可不填，多个标签用逗号或顿号分隔，每个不超过 20 个字", 16);

	static final String LETTERS = "ABCDEF";

	private final String header;

	private final boolean required;

	private final String hint;

	private final int width;

	QuestionColumn(String header, boolean required, String hint, int width) {
		this.header = header;
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

	int width() {
		return width;
	}

	static QuestionColumn option(int index) {
		return values()[OPTION_A.ordinal() + index];
	}

	static String allHeaders() {
		return Arrays.stream(values()).map(QuestionColumn::header).collect(Collectors.joining("、"));
	}
}
