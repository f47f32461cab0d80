package org.quntuan.learning.quizzes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.EnumMap;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class QuestionImportCheckTest {

	private static QuestionImportCheck.Row row(int number, String... cells) {
		EnumMap<QuestionColumn, String> map = new EnumMap<>(QuestionColumn.class);
		for (int i = 0; i < cells.length; i++) {
			if (cells[i] != null && !cells[i].isEmpty()) {
				map.put(QuestionColumn.values()[i], cells[i]);
			}
		}
		return new QuestionImportCheck.Row(number, map);
	}

	@Test
	void goodRowsOfEveryTypeBecomeQuestions() {
		QuestionImportCheck.Result result = QuestionImportCheck.check(List.of(
				row(2, "单选", "工会是谁的群众组织？", "职工", "企业", "", "", "", "", "a", "见工会法", "2", "法律法规、工会法"),
				row(3, "多选", "劳动者的权利有：", "就业", "报酬", "休息", "旷工", "", "", "A,C，B", "", "", ""),
				row(4, "判断", "会员有选举权。", "", "", "", "", "", "", "对", "", "1", "")), Set.of());
		assertThat(result.ok()).isTrue();
		assertThat(result.values()).hasSize(3);
		QuestionValues single = result.values().get(0);
		assertThat(single.type()).isEqualTo(QuestionType.SINGLE);
		assertThat(single.options()).containsExactly("职工", "企业");
		assertThat(single.answer()).isEqualTo("A");
		assertThat(single.score()).isEqualTo(2);
		assertThat(single.tags()).isEqualTo("法律法规,工会法");
		assertThat(result.values().get(1).answer()).isEqualTo("ABC");
		assertThat(result.values().get(1).score()).isEqualTo(1);
		assertThat(result.values().get(2).options()).containsExactly("对", "错");
		assertThat(result.values().get(2).answer()).isEqualTo("A");
	}

	@Test
	void everyBadRowIsNamedByRowAndColumnAndNothingIsKept() {
		QuestionImportCheck.Result result = QuestionImportCheck.check(List.of(
				row(2, "单选", "好题", "甲", "乙", "", "", "", "", "A", "", "", ""),
				row(3, "填空", "题型不对", "甲", "乙", "", "", "", "", "A", "", "", ""),
				row(4, "单选", "答案超出选项", "甲", "乙", "丙", "", "", "", "D", "", "", ""),
				row(5, "判断", "判断题答案", "", "", "", "", "", "", "是", "", "", ""),
				row(6, "多选", "多选只有一个答案", "甲", "乙", "丙", "", "", "", "B", "", "", ""),
				row(7, "单选", "选项有空缺", "甲", "", "丙", "", "", "", "A", "", "", ""),
				row(8, "单选", "分值", "甲", "乙", "", "", "", "", "A", "", "0", ""),
				row(9, "单选", "好题", "甲", "乙", "", "", "", "", "B", "", "", ""),
				row(10, "单选", "", "甲", "乙", "", "", "", "", "", "", "", "")), Set.of());
		assertThat(result.ok()).isFalse();
		assertThat(result.values()).isEmpty();
		assertThat(result.total()).isEqualTo(9);
		assertThat(result.invalidRows()).isEqualTo(8);
		assertThat(result.errors()).extracting(e -> e.row() + " " + e.column()).containsExactly("3 题型", "4 答案", "5 答案",
				"6 答案", "7 选项B", "8 分值", "9 题干", "10 题干", "10 答案");
		assertThat(result.errors().get(0).message()).contains("填空").contains("单选、多选或判断");
		assertThat(result.errors().get(1).message()).contains("D").contains("A 至 C");
		assertThat(result.errors().get(2).message()).contains("对").contains("错");
		assertThat(result.errors().get(6).message()).contains("第 2 行");
	}

	@Test
	void aQuestionTheBankHoldsAlreadyIsRefusedAtItsRow() {
		QuestionImportCheck.Result result = QuestionImportCheck.check(
				List.of(row(2, "判断", "会员有选举权。", "", "", "", "", "", "", "错", "", "", "")),
				Set.of("TRUE_FALSE:会员有选举权。"));
		assertThat(result.errors()).extracting(QuestionImportCheck.RowError::row, QuestionImportCheck.RowError::message)
			.containsExactly(tuple(2, "题库中已有相同的题目"));
	}

	@Test
	void aTrueFalseQuestionWithOptionsOrASingleChoiceWithTwoAnswersIsRefused() {
		QuestionImportCheck.Result result = QuestionImportCheck.check(List.of(
				row(2, "判断", "题一", "对", "错", "", "", "", "", "对", "", "", ""),
				row(3, "单选", "题二", "甲", "乙", "", "", "", "", "AB", "", "", "")), Set.of());
		assertThat(result.errors()).extracting(e -> e.row() + " " + e.column()).containsExactly("2 选项B", "3 答案");
	}
}
