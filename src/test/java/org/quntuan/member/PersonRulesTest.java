package org.quntuan.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.quntuan.platform.IdNumber;
import org.quntuan.platform.InvalidValueException;

class PersonRulesTest {

	static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

	/** A checksum-valid number of the fictional region 990101. */
	static String idNumber(LocalDate birth, boolean male) {
		String first17 = "990101" + birth.toString().replace("-", "") + (male ? "011" : "022");
		return first17 + IdNumber.checkCharacter(first17);
	}

	static final String ZHANG_WEI = idNumber(LocalDate.of(1985, 6, 15), true);

	static PersonForm form(String name, String idNumber, String mobile, String gender) {
		return new PersonForm(name, idNumber, mobile, gender, null, null, "科员", "中共党员", "MEMBER",
				LocalDate.of(2010, 7, 1), "在职", null);
	}

	@Test
	void aCompleteFormGivesValuesWithGenderBirthDateAndPinyinFromTheIdNumber() {
		PersonRules.Checked checked = PersonRules.check(form(" 张伟 ", ZHANG_WEI.toLowerCase(), "138 1234 5678", null), 7L,
				TODAY);
		assertThat(checked.ok()).isTrue();
		PersonValues v = checked.orThrow();
		assertThat(v.name()).isEqualTo("张伟");
		assertThat(v.pinyin()).isEqualTo("zhangwei");
		assertThat(v.initials()).isEqualTo("zw");
		assertThat(v.gender()).isEqualTo(Gender.MALE);
		assertThat(v.birthDate()).isEqualTo(LocalDate.of(1985, 6, 15));
		assertThat(v.mobile()).isEqualTo("13812345678");
		assertThat(v.organId()).isEqualTo(7L);
		assertThat(v.politicalStatus()).isEqualTo(PoliticalStatus.CPC_MEMBER);
		assertThat(v.employmentStatus()).isEqualTo(EmploymentStatus.IN_SERVICE);
	}

	@Test
	void everyProblemIsReportedAtOnceInTheOrderOfTheForm() {
		PersonForm f = new PersonForm("", "12345", "12345", "未知", null, null, "职".repeat(101), null, "非会员", null, null,
				null);
		PersonRules.Checked checked = PersonRules.check(f, null, TODAY);
		assertThat(checked.ok()).isFalse();
		assertThat(checked.values()).isNull();
		assertThat(checked.problems()).extracting(PersonRules.Problem::field)
			.containsExactly("name", "idNumber", "gender", "mobile", "organId", "position", "politicalStatus",
					"unionStatus", "employmentStatus");
		assertThat(checked.problems()).extracting(PersonRules.Problem::message)
			.containsExactly("请填写姓名", "身份证号应为 18 位，前 17 位为数字", "无效的取值：未知", "手机号应为 11 位数字，以 13 至 19 开头",
					"请选择所属单位", "职务不能超过 100 个字", "请选择政治面貌", "请选择工会会籍（无效的取值：非会员）", "请选择在职状态");
		InvalidValueException ex = catchThrowableOfType(InvalidValueException.class, checked::orThrow);
		assertThat(ex.problems()).hasSize(9);
		assertThat(ex.getMessage()).isEqualTo("请填写姓名");
	}

	@Test
	void aNameIsOneLineOfAtMostFiftyCharacters() {
		assertThat(PersonRules.check(form("名".repeat(50), ZHANG_WEI, "13812345678", null), 7L, TODAY).ok()).isTrue();
		assertThat(PersonRules.check(form("名".repeat(51), ZHANG_WEI, "13812345678", null), 7L, TODAY).problems())
			.extracting(p -> p.field() + "：" + p.message()).containsExactly("name：" + "姓名不能超过 50 个字");
		assertThat(PersonRules.check(form("张\n伟", ZHANG_WEI, "13812345678", null), 7L, TODAY).problems())
			.extracting(p -> p.field() + "：" + p.message()).containsExactly("name：" + "姓名须为一行文字，不能包含换行、制表符等控制字符");
		assertThat(PersonRules.check(form("张\u200B伟", ZHANG_WEI, "13812345678", null), 7L, TODAY).problems())
			.extracting(PersonRules.Problem::field)
			.containsExactly("name");
	}

	@Test
	void genderAndBirthDateMustAgreeWithTheIdNumber() {
		assertThat(PersonRules.check(form("张伟", ZHANG_WEI, "13812345678", "男"), 7L, TODAY).ok()).isTrue();
		assertThat(PersonRules.check(form("张伟", ZHANG_WEI, "13812345678", "FEMALE"), 7L, TODAY).problems())
			.extracting(p -> p.field() + "：" + p.message()).containsExactly("gender：" + "性别与身份证号不一致");
		PersonForm wrongBirth = new PersonForm("张伟", ZHANG_WEI, "13812345678", null, LocalDate.of(1985, 6, 16), null,
				null, "MASSES", "MEMBER", null, "IN_SERVICE", null);
		assertThat(PersonRules.check(wrongBirth, 7L, TODAY).problems())
			.extracting(p -> p.field() + "：" + p.message()).containsExactly("birthDate：" + "出生日期与身份证号不一致");
	}

	@Test
	void theUnionJoiningDateLiesBetweenBirthAndToday() {
		PersonForm today = new PersonForm("张伟", ZHANG_WEI, "13812345678", null, null, null, null, "MASSES", "MEMBER",
				TODAY, "IN_SERVICE", null);
		assertThat(PersonRules.check(today, 7L, TODAY).ok()).isTrue();
		PersonForm tomorrow = new PersonForm("张伟", ZHANG_WEI, "13812345678", null, null, null, null, "MASSES", "MEMBER",
				TODAY.plusDays(1), "IN_SERVICE", null);
		assertThat(PersonRules.check(tomorrow, 7L, TODAY).problems())
			.extracting(p -> p.field() + "：" + p.message()).containsExactly("unionJoinedOn：" + "入会日期不能晚于今天");
		PersonForm beforeBirth = new PersonForm("张伟", ZHANG_WEI, "13812345678", null, null, null, null, "MASSES",
				"MEMBER", LocalDate.of(1985, 6, 14), "IN_SERVICE", null);
		assertThat(PersonRules.check(beforeBirth, 7L, TODAY).problems())
			.extracting(p -> p.field() + "：" + p.message()).containsExactly("unionJoinedOn：" + "入会日期不能早于出生日期");
	}

	@Test
	void aWrongCheckCharacterIsNamedAndAMobileMayCarryThePrefix86() {
		String wrong = ZHANG_WEI.substring(0, 17) + (ZHANG_WEI.charAt(17) == '1' ? '2' : '1');
		assertThat(PersonRules.check(form("张伟", wrong, "+86 139-0000-0000", null), 7L, TODAY).problems())
			.extracting(p -> p.field() + "：" + p.message()).containsExactly("idNumber：" + "身份证号校验位不正确");
		assertThat(PersonRules.check(form("张伟", ZHANG_WEI, "+86 139-0000-0000", null), 7L, TODAY).orThrow().mobile())
			.isEqualTo("13900000000");
		assertThat(PersonRules.check(form("张伟", ZHANG_WEI, " ", null), 7L, TODAY).problems())
			.extracting(p -> p.field() + "：" + p.message()).containsExactly("mobile：" + "手机号不能为空");
	}
}
