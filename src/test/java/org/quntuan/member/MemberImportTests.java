package org.quntuan.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import tools.jackson.databind.JsonNode;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.quntuan.member.ImportFiles.Person;
import org.quntuan.support.IntegrationTest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

class MemberImportTests extends IntegrationTest {

	private static final String FINANCE = "市财政局";

	private ResultActions importAs(String user, MockMultipartFile file, boolean dryRun) throws Exception {
		return mvc.perform(multipart("/api/v1/members/import").file(file).param("dryRun", String.valueOf(dryRun))
			.header("Authorization", bearer(user)));
	}

	private long people() {
		return jdbc.sql("select count(*) from person").query(Long.class).single();
	}

	private static List<List<Object>> rows(List<Object>... rows) {
		return List.of(rows);
	}

	private static List<Object> errors(JsonNode body) {
		List<Object> out = new ArrayList<>();
		body.get("errors").forEach(e -> out.add(tuple(e.get("row").asInt(), e.get("column").asString(), e.get("message").asString())));
		return out;
	}

	@Test
	void theTemplateHasTheChineseHeadersAndASheetExplainingEveryColumnAndItsAllowedValues() throws Exception {
		MvcResult result = mvc.perform(get("/api/v1/members/import-template").header("Authorization", bearer("admin")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andReturn();
		assertThat(result.getResponse().getHeader("Content-Disposition")).startsWith("attachment")
			.contains("filename*=UTF-8''%E4%BA%BA%E5%91%98"); // 人员…
		try (XSSFWorkbook wb = ImportFiles.open(result.getResponse().getContentAsByteArray())) {
			Sheet data = wb.getSheetAt(0);
			List<String> headers = new ArrayList<>();
			data.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
			assertThat(headers).containsExactlyElementsOf(ImportFiles.HEADERS);
			Sheet help = wb.getSheet("填写说明");
			assertThat(help).isNotNull();
			String text = StreamSupport.stream(help.spliterator(), false)
				.flatMap(r -> StreamSupport.stream(r.spliterator(), false))
				.map(c -> c.getStringCellValue())
				.reduce("", (a, b) -> a + "|" + b);
			assertThat(text).contains("身份证号|必填", "性别|选填", "男、女", "中共党员、中共预备党员、共青团员、民主党派、群众", "会员、未入会、已退会",
					"在职、退休、调离", "2020年1月5日");
			assertThat(wb.getSheet("可选单位").getRow(1).getCell(0).getStringCellValue()).isNotBlank();
		}
		mvc.perform(get("/api/v1/members/import-template").header("Authorization", bearer("member1")))
			.andExpect(status().isForbidden());
	}

	@Test
	void aDryRunReportsEveryProblemByExcelRowAndChineseColumnAndWritesNothing() throws Exception {
		Person ok = Person.next(true);
		Person badChecksum = Person.next(true);
		String wrongCheck = badChecksum.idNumber().substring(0, 17) + (badChecksum.idNumber().endsWith("0") ? "1" : "0");
		Person male = Person.next(true);
		Person sameId = Person.next(false);
		Person existing = Person.next(true);
		String registeredId = jdbc.sql("select id_number from person where id = :id").param("id", personOf("member1"))
			.query(String.class).single();
		Person elsewhere = Person.next(true);
		Person badMobile = Person.next(false);
		byte[] file = ImportFiles.xlsx(rows(ok.row(FINANCE),
				List.of(badChecksum.name(), wrongCheck, badChecksum.mobile(), FINANCE),
				male.row(FINANCE, "女"),
				List.of(sameId.name(), ok.idNumber(), sameId.mobile(), FINANCE),
				List.of(existing.name(), registeredId, existing.mobile(), FINANCE),
				elsewhere.row("市不存在局"),
				List.of(badMobile.name(), badMobile.idNumber(), "12345", FINANCE)));
		long before = people();

		JsonNode report = body(importAs("admin", ImportFiles.file(file), true).andExpect(status().isOk()).andReturn());

		assertThat(report.get("valid").asInt()).isEqualTo(1);
		assertThat(report.get("total").asInt()).isEqualTo(7);
		assertThat(errors(report)).containsExactly(
				tuple(3, "身份证号", "身份证号校验位不正确"),
				tuple(4, "性别", "性别与身份证号不一致"),
				tuple(5, "身份证号", "与第 2 行的身份证号重复"),
				tuple(6, "身份证号", "该身份证号已登记"),
				tuple(7, "所属单位", "所属单位不存在或不在您的管理范围内"),
				tuple(8, "手机号", "手机号应为 11 位数字，以 13 至 19 开头"));
		assertThat(people()).isEqualTo(before);

		// the same file for real: 422 with the same errors, and still nothing written
		JsonNode refused = body(importAs("admin", ImportFiles.file(file), false)
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.title").value("导入未完成"))
			.andExpect(jsonPath("$.detail").value("共 7 行，其中 6 行有错误，未导入任何人员"))
			.andReturn());
		assertThat(errors(refused)).isEqualTo(errors(report));
		assertThat(people()).isEqualTo(before);
	}

	@Test
	void aCleanFileRegistersEveryoneWithTheirOrganHistoryAndTheSameFileAgainAddsNobody() throws Exception {
		List<Person> persons = List.of(Person.next(true), Person.next(false), Person.next(true));
		List<List<Object>> rows = new ArrayList<>();
		persons.forEach(p -> rows.add(p.row(FINANCE, null, "科员", "中共党员", "会员", "2015-03-01", "在职")));
		byte[] file = ImportFiles.xlsx(rows);
		long before = people();

		importAs("admin", ImportFiles.file(file), false).andExpect(status().isOk()).andExpect(jsonPath("$.imported").value(3));

		assertThat(people()).isEqualTo(before + 3);
		List<String> ids = persons.stream().map(Person::idNumber).toList();
		assertThat(jdbc.sql("""
				select count(*) from person p join person_organ_history h on h.person_id = p.id and h.valid_to is null
				join org o on o.id = h.organ_id
				where p.id_number in (:ids) and o.name = '市财政局' and h.reason = '登记入册' and p.active = true
				  and p.political_status = 'CPC_MEMBER' and p.union_joined_on = :joined""")
			.param("ids", ids).param("joined", LocalDate.of(2015, 3, 1)).query(Long.class).single()).isEqualTo(3);
		assertThat(jdbc.sql("select gender from person where id_number = :id").param("id", persons.get(1).idNumber())
			.query(String.class).single()).isEqualTo("FEMALE");
		assertThat(jdbc.sql("select count(*) from audit_event where object_type = 'PERSON_IMPORT' and detail like '批量导入人员：3 人%'")
			.query(Long.class).single()).isPositive();

		JsonNode again = body(importAs("admin", ImportFiles.file(file), false).andExpect(status().isUnprocessableContent()).andReturn());
		assertThat(errors(again)).contains(tuple(2, "身份证号", "该身份证号已登记"), tuple(4, "手机号", "该手机号已被其他在册人员使用"));
		assertThat(again.get("invalid").asInt()).isEqualTo(3);
		assertThat(people()).isEqualTo(before + 3);
	}

	@Test
	void fullWidthDigitsStraySpacesAndDatesAsTextOrRealDateCellsAreAccepted() throws Exception {
		Person a = Person.next(true);
		Person b = Person.next(false);
		Person c = Person.next(true);
		String fullWidthId = " " + toFullWidth(a.idNumber().substring(0, 6)) + " " + a.idNumber().substring(6) + "　";
		String fullWidthMobile = toFullWidth(a.mobile().substring(0, 3)) + "-" + a.mobile().substring(3);
		byte[] file = ImportFiles.xlsx(rows(
				List.of(" " + a.name() + " ", fullWidthId, fullWidthMobile, " 市财政局 ", "男", "科员", "群众", "会员", LocalDate.of(2020, 1, 5)),
				b.row(FINANCE, null, null, null, null, "2020年1月5日"),
				List.of(c.name(), c.idNumber(), Long.parseLong(c.mobile()), FINANCE, "", "", "", "", "2020/1/5")));

		importAs("admin", ImportFiles.file(file), false).andExpect(status().isOk()).andExpect(jsonPath("$.imported").value(3));

		for (Person p : List.of(a, b, c)) {
			assertThat(jdbc.sql("select name, mobile, union_joined_on from person where id_number = :id").param("id", p.idNumber())
				.query((rs, i) -> List.of(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class)))
				.single()).containsExactly(p.name(), p.mobile(), LocalDate.of(2020, 1, 5));
		}
	}

	@Test
	void aFileThatIsNoXlsxIsRefusedWhateverItsNameAndNothingIsWritten() throws Exception {
		long before = people();
		importAs("admin", ImportFiles.file("姓名,身份证号\n张三,1".getBytes(StandardCharsets.UTF_8), "名单.xlsx"), true)
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.detail").value("文件不是 Excel 工作簿（.xlsx），请使用导入模板填写后上传"));
		byte[] oldExcel = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0 };
		importAs("admin", ImportFiles.file(oldExcel, "名单.xlsx"), false).andExpect(status().isUnsupportedMediaType());
		// a ZIP, but no workbook
		ByteArrayOutputStream zip = new ByteArrayOutputStream();
		try (ZipOutputStream out = new ZipOutputStream(zip)) {
			out.putNextEntry(new ZipEntry("readme.txt"));
			out.write("hello".getBytes(StandardCharsets.UTF_8));
		}
		importAs("admin", ImportFiles.file(zip.toByteArray()), false).andExpect(status().is4xxClientError())
			.andExpect(jsonPath("$.detail").value(Matchers.containsString("Excel")));
		importAs("admin", ImportFiles.file(new byte[0]), false).andExpect(status().isBadRequest());
		assertThat(people()).isEqualTo(before);
	}

	@Test
	void aZipBombIsRefusedAsADamagedFileNotAServerError() throws Exception {
		byte[] bomb = ImportFiles.zipBomb(50);
		assertThat(bomb.length).isLessThan(1024 * 1024);
		importAs("admin", ImportFiles.file(bomb), true)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.title").value("文件异常"))
			.andExpect(jsonPath("$.detail").value(Matchers.startsWith("文件异常")));
	}

	@Test
	void moreRowsThanTheLimitAreRefusedBeforeAnyCheck() throws Exception {
		List<List<Object>> rows = new ArrayList<>();
		for (int i = 0; i < 2001; i++) {
			rows.add(List.of("某人" + i));
		}
		importAs("admin", ImportFiles.file(ImportFiles.xlsx(rows)), true)
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(Matchers.containsString("超过 2000 行")));
	}

	@Test
	void aFileWithoutTheRequiredColumnsOrWithoutRowsIsRefused() throws Exception {
		importAs("admin", ImportFiles.file(ImportFiles.xlsx(List.of())), true).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(Matchers.containsString("没有人员数据")));
	}

	@Test
	void aUnionAdminImportsOnlyUnionMembersOfItsOwnOrgan() throws Exception {
		Person member = Person.next(true);
		Person otherOrgan = Person.next(true);
		Person notAMember = Person.next(false);
		byte[] file = ImportFiles.xlsx(rows(member.row(FINANCE), otherOrgan.row("市教育局"),
				notAMember.row(FINANCE, null, null, null, "未入会")));

		JsonNode report = body(importAs("orgadmin1", ImportFiles.file(file), true).andExpect(status().isOk()).andReturn());

		assertThat(report.get("valid").asInt()).isEqualTo(1);
		assertThat(errors(report)).containsExactly(tuple(3, "所属单位", "所属单位不存在或不在您的管理范围内"),
				tuple(4, "工会会籍", "该人员不在您的管理范围内（请核对所属单位和会籍）"));
	}

	@Test
	void onlyAdminsImportAndTheyAreToldWhenTheFileIsMissing() throws Exception {
		byte[] file = ImportFiles.xlsx(rows(Person.next(true).row(FINANCE)));
		importAs("member1", ImportFiles.file(file), true).andExpect(status().isForbidden());
		importAs("finance1", ImportFiles.file(file), false).andExpect(status().isForbidden());
		mvc.perform(multipart("/api/v1/members/import").header("Authorization", bearer("admin")))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value("请选择要导入的 Excel 文件"));
	}

	@Test
	void aFileOverTheConfiguredSizeIs413() throws Exception {
		byte[] large = new byte[10 * 1024 * 1024 + 1];
		large[0] = 'P';
		importAs("admin", ImportFiles.file(large), true).andExpect(status().isContentTooLarge())
			.andExpect(jsonPath("$.detail").value(Matchers.containsString("10 MB")));
	}

	static String toFullWidth(String ascii) {
		StringBuilder sb = new StringBuilder();
		for (char ch : ascii.toCharArray()) {
			sb.append(Character.isDigit(ch) ? (char) (ch + 0xFEE0) : ch);
		}
		return sb.toString();
	}
}
