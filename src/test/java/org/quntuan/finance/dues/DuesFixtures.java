package org.quntuan.finance.dues;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;

/** Test data for dues: free months of 市财政局工会, its members, payroll files. */
public final class DuesFixtures {

	record Member(long id, String name, String idNumber) {
	}

	private DuesFixtures() {
	}

	/** A month in 2013–2018 without a sheet of the org; the demo's sheets are of this year. */
	public static int[] freeMonth(JdbcClient jdbc, long orgId, int fromYear, int toYear) {
		for (int year = fromYear; year <= toYear; year++) {
			for (int month = 1; month <= 12; month++) {
				long taken = jdbc.sql("""
						select count(*) from fin_dues_sheet where org_id = :o and fiscal_year = :y and fiscal_month = :m""")
					.param("o", orgId).param("y", year).param("m", month).query(Long.class).single();
				if (taken == 0) {
					return new int[] { year, month };
				}
			}
		}
		throw new IllegalStateException("no free month left for org " + orgId);
	}

	/** The union members of an organ, by id. */
	static List<Member> members(JdbcClient jdbc, String organ) {
		return jdbc.sql("""
				select p.id, p.name, p.id_number from person p join org o on o.id = p.organ_id
				where o.name = :organ and p.active = true and p.union_status = 'MEMBER' order by p.id""")
			.param("organ", organ)
			.query((rs, i) -> new Member(rs.getLong("id"), rs.getString("name"), rs.getString("id_number"))).list();
	}

	/** A payroll .xlsx: the header, then the rows as given (null leaves a cell blank). */
	static MockMultipartFile payroll(List<String> header, List<List<String>> rows) throws IOException {
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = wb.createSheet("工资表");
			List<List<String>> all = new ArrayList<>();
			all.add(header);
			all.addAll(rows);
			for (int r = 0; r < all.size(); r++) {
				Row row = sheet.createRow(r);
				for (int c = 0; c < all.get(r).size(); c++) {
					if (all.get(r).get(c) != null) {
						row.createCell(c).setCellValue(all.get(r).get(c));
					}
				}
			}
			wb.write(out);
			return new MockMultipartFile("file", "工资表.xlsx",
					"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", out.toByteArray());
		}
	}

	static final List<String> PAY_HEADER = List.of("姓名", "身份证号", "月工资基数");

	static final List<String> SHEET_HEADER = List.of("姓名", "身份证号", "月工资基数", "实缴金额");
}
