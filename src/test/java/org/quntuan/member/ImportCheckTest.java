package org.quntuan.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.quntuan.organization.OrgSummary;
import org.quntuan.organization.OrgType;
import org.quntuan.platform.OrgLevel;
import org.quntuan.platform.Role;
import org.quntuan.platform.ScopeGrant;
import org.quntuan.platform.ScopeKind;
import org.quntuan.platform.Texts;
import org.quntuan.platform.excel.ExcelFileException;
import org.quntuan.platform.excel.XlsxReader;

class ImportCheckTest {

	private static final LocalDate TODAY = PersonRulesTest.TODAY;

	private static final OrgSummary FINANCE = new OrgSummary(11, 2L, OrgType.ORGAN, "市财政局", "/1/2/11/", 2, true, 0);

	private static final OrgSummary EDUCATION = new OrgSummary(12, 3L, OrgType.ORGAN, "市教育局（机关）", "/1/3/12/", 2, true,
			0);

	private static final ScopeGrant FINANCE_ADMIN = new ScopeGrant(Role.ORG_ADMIN, 11, "市财政局", OrgLevel.ORGAN, "/1/2/11/",
			ScopeKind.SUBTREE, null);

	private static final ScopeGrant FINANCE_UNION_ADMIN = new ScopeGrant(Role.ORG_ADMIN, 111, "市财政局工会", OrgLevel.UNION,
			"/1/2/11/111/", ScopeKind.UNION_MEMBERS, 11L);

	private static final String MAN = PersonRulesTest.idNumber(LocalDate.of(1985, 6, 15), true);

	private static final String WOMAN = PersonRulesTest.idNumber(LocalDate.of(1990, 1, 20), false);

	private static ImportCheck.Context context(List<ScopeGrant> grants, Set<String> takenIds, Set<String> takenMobiles) {
		// every taken number here belongs to someone the caller reaches: the precise messages
		return new ImportCheck.Context(grants, List.of(FINANCE, EDUCATION), TODAY, ids -> intersection(ids, takenIds),
				mobiles -> intersection(mobiles, takenMobiles), ids -> intersection(ids, takenIds),
				mobiles -> intersection(mobiles, takenMobiles));
	}

	private static Set<String> intersection(Set<String> asked, Set<String> taken) {
		Set<String> result = new HashSet<>(asked);
		result.retainAll(taken);
		return result;
	}

	private static ImportCheck.Row row(int number, String name, String id, String mobile, String organ,
			String... more) {
		EnumMap<ImportColumn, String> cells = new EnumMap<>(ImportColumn.class);
		put(cells, ImportColumn.NAME, name);
		put(cells, ImportColumn.ID_NUMBER, id);
		put(cells, ImportColumn.MOBILE, mobile);
		put(cells, ImportColumn.ORGAN, organ);
		for (int i = 0; i + 1 < more.length; i += 2) {
			put(cells, ImportColumn.valueOf(more[i]), more[i + 1]);
		}
		return new ImportCheck.Row(number, cells);
	}

	private static void put(EnumMap<ImportColumn, String> cells, ImportColumn column, String value) {
		if (value != null) {
			cells.put(column, value);
		}
	}

	@Test
	void validRowsBecomePeopleWithTheTemplateDefaults() {
		ImportCheck.Result result = ImportCheck.check(List.of(row(2, "张伟", MAN, "13812345678", "市财政局"),
				row(3, "李娜", WOMAN, "13912345678", " 市 财政局 ", "UNION_JOINED_ON", "2015年3月1日")),
				context(List.of(FINANCE_ADMIN), Set.of(), Set.of()));
		assertThat(result.ok()).isTrue();
		assertThat(result.total()).isEqualTo(2);
		assertThat(result.invalidRows()).isZero();
		assertThat(result.values()).extracting(PersonValues::name).containsExactly("张伟", "李娜");
		PersonValues li = result.values().get(1);
		assertThat(li.organId()).isEqualTo(11L);
		assertThat(li.gender()).isEqualTo(Gender.FEMALE);
		assertThat(li.unionJoinedOn()).isEqualTo(LocalDate.of(2015, 3, 1));
		assertThat(li.politicalStatus()).isEqualTo(PoliticalStatus.MASSES);
		assertThat(li.unionStatus()).isEqualTo(UnionStatus.MEMBER);
		assertThat(li.employmentStatus()).isEqualTo(EmploymentStatus.IN_SERVICE);
	}

	@Test
	void anUnknownOrMissingOrganIsReportedOnceInItsColumn() {
		ImportCheck.Result result = ImportCheck.check(
				List.of(row(2, "张伟", MAN, "13812345678", "市不存在局"), row(3, "李娜", WOMAN, "13912345678", null)),
				context(List.of(FINANCE_ADMIN), Set.of(), Set.of()));
		assertThat(result.ok()).isFalse();
		assertThat(result.values()).isEmpty();
		assertThat(result.errors()).containsExactly(
				new ImportReport.RowError(2, "所属单位", Texts.chinese(ImportCheck.ORGAN_UNKNOWN)),
				new ImportReport.RowError(3, "所属单位", "请填写所属单位（单位全称）"));
	}

	@Test
	void organNamesAreComparedWithoutSpacesAndWithFullWidthBracketsFolded() {
		assertThat(ImportCheck.organKey(" 市教育局(机关) ")).isEqualTo(ImportCheck.organKey("市教育局（机关）"));
		assertThat(ImportCheck.organKey(null)).isEmpty();
		ImportCheck.Result result = ImportCheck.check(List.of(row(2, "张伟", MAN, "13812345678", "市教育局 (机关)")),
				context(List.of(new ScopeGrant(Role.FEDERATION_ADMIN, 1, "市直机关工委", OrgLevel.COMMITTEE, "/1/",
						ScopeKind.SUBTREE, null)), Set.of(), Set.of()));
		assertThat(result.ok()).isTrue();
		assertThat(result.values().get(0).organId()).isEqualTo(12L);
	}

	@Test
	void twoOrgansOfTheSameNameAreNotGuessed() {
		OrgSummary twin = new OrgSummary(13, 3L, OrgType.ORGAN, "市财政局", "/1/3/13/", 2, true, 0);
		ImportCheck.Context context = new ImportCheck.Context(List.of(FINANCE_ADMIN), List.of(FINANCE, twin), TODAY,
				ids -> Set.of(), mobiles -> Set.of(), ids -> Set.of(), mobiles -> Set.of());
		assertThat(ImportCheck.check(List.of(row(2, "张伟", MAN, "13812345678", "市财政局")), context).errors())
			.containsExactly(new ImportReport.RowError(2, "所属单位", "有多个同名单位，请联系工委管理员核实单位名称"));
	}

	@Test
	void duplicatesWithinTheFileNameTheFirstRow() {
		ImportCheck.Result result = ImportCheck.check(List.of(row(2, "张伟", MAN, "13812345678", "市财政局"),
				row(3, "李娜", WOMAN, "13912345678", "市财政局"), row(4, "张伟", MAN.toLowerCase(), "138-1234-5678", "市财政局")),
				context(List.of(FINANCE_ADMIN), Set.of(), Set.of()));
		assertThat(result.errors()).containsExactly(new ImportReport.RowError(4, "身份证号", "与第 2 行的身份证号重复"),
				new ImportReport.RowError(4, "手机号", "与第 2 行的手机号重复"));
		assertThat(result.invalidRows()).isEqualTo(1);
		assertThat(result.values()).as("nothing is imported while a row has errors").isEmpty();
	}

	@Test
	void peopleAlreadyRegisteredAreRefusedWithTheMessagesOfTheForm() {
		ImportCheck.Result result = ImportCheck.check(
				List.of(row(2, "张伟", MAN, "13812345678", "市财政局"), row(3, "李娜", WOMAN, "13912345678", "市财政局")),
				context(List.of(FINANCE_ADMIN), Set.of(MAN), Set.of("13912345678")));
		assertThat(result.errors()).containsExactly(
				new ImportReport.RowError(2, "身份证号", Texts.chinese(PersonRules.ID_NUMBER_TAKEN)),
				new ImportReport.RowError(3, "手机号", Texts.chinese(PersonRules.MOBILE_TAKEN)));
		assertThat(result.invalidRows()).isEqualTo(2);
	}

	@Test
	void aRowWithSeveralProblemsListsThemInTemplateColumnOrder() {
		ImportCheck.Result result = ImportCheck.check(List.of(row(5, null, "123", "12", "市财政局", "GENDER", "女",
				"UNION_JOINED_ON", "去年", "POLITICAL_STATUS", "无党派")),
				context(List.of(FINANCE_ADMIN), Set.of(), Set.of()));
		assertThat(result.errors()).extracting(ImportReport.RowError::column)
			.containsExactly("姓名", "身份证号", "手机号", "政治面貌", "入会日期");
		assertThat(result.errors()).extracting(ImportReport.RowError::row).containsOnly(5);
		assertThat(result.errors().get(4).message()).isEqualTo("入会日期无效，格式应如 2020-01-05、2020/1/5 或 2020年1月5日");
		assertThat(result.invalidRows()).isEqualTo(1);
	}

	@Test
	void aUnionAdminMayImportOnlyUnionMembersOfTheirOrgan() {
		ImportCheck.Context context = context(List.of(FINANCE_UNION_ADMIN), Set.of(), Set.of());
		assertThat(ImportCheck.check(List.of(row(2, "张伟", MAN, "13812345678", "市财政局")), context).ok()).isTrue();
		ImportCheck.Result notMember = ImportCheck.check(
				List.of(row(2, "张伟", MAN, "13812345678", "市财政局", "UNION_STATUS", "未入会")), context);
		assertThat(notMember.errors())
			.containsExactly(new ImportReport.RowError(2, "工会会籍", Texts.chinese(ImportCheck.OUT_OF_SCOPE)));
		ImportCheck.Result otherOrgan = ImportCheck.check(List.of(row(2, "张伟", MAN, "13812345678", "市教育局（机关）")),
				context);
		assertThat(otherOrgan.errors()).containsExactly(new ImportReport.RowError(2, "所属单位", Texts.chinese(ImportCheck.OUT_OF_SCOPE)));
	}

	@Test
	void theHeaderMayCarryRequiredMarkersAndStraySpaces() {
		Map<ImportColumn, Integer> columns = ImportCheck.columns(new XlsxReader.Row(1,
				Arrays.asList("序号", "姓名*", " 身份证号（必填） ", "手机号(必填)", "所属 单位", null, "性别")));
		assertThat(columns).containsEntry(ImportColumn.NAME, 1)
			.containsEntry(ImportColumn.ID_NUMBER, 2)
			.containsEntry(ImportColumn.MOBILE, 3)
			.containsEntry(ImportColumn.ORGAN, 4)
			.containsEntry(ImportColumn.GENDER, 6)
			.doesNotContainKey(ImportColumn.POSITION);
		ImportCheck.Row row = ImportCheck.row(new XlsxReader.Row(7,
				new ArrayList<>(Arrays.asList("1", "张伟", MAN, "13812345678", "市财政局", null, "男"))), columns);
		assertThat(row.number()).isEqualTo(7);
		assertThat(row.cells()).containsEntry(ImportColumn.GENDER, "男").doesNotContainKey(ImportColumn.POSITION);
	}

	@Test
	void aHeaderWithoutTheRequiredColumnsNamesThemAll() {
		assertThatThrownBy(() -> ImportCheck.columns(new XlsxReader.Row(1, List.of("姓名", "性别"))))
			.isInstanceOfSatisfying(ExcelFileException.class,
					ex -> assertThat(ex.reason()).isEqualTo(ExcelFileException.Reason.BAD_LAYOUT))
			.hasMessageStartingWith("第 1 行（表头）缺少必填列：身份证号、手机号、所属单位。");
	}
}
