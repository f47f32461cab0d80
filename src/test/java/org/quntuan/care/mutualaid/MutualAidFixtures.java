package org.quntuan.care.mutualaid;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.quntuan.platform.IdNumber;
import org.quntuan.platform.Zones;
import org.quntuan.support.TestClock;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Plans, extra people and Excel files for the mutual-aid tests. */
final class MutualAidFixtures {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private MutualAidFixtures() {
	}

	static LocalDate today() {
		return LocalDate.now(TestClock.CLOCK.withZone(Zones.BUSINESS));
	}

	/** The body of a plan whose enrolment is open today. */
	static String openPlan(int year, int target) {
		return "{\"year\":" + year + ",\"target\":" + target + ",\"pricePerPerson\":\"60\",\"enrolOpensOn\":\""
				+ today().minusDays(10) + "\",\"enrolClosesOn\":\"" + today().plusDays(20) + "\",\"startsOn\":\""
				+ today().minusDays(30) + "\",\"endsOn\":\"" + today().plusDays(400) + "\"}";
	}

	/** Active people in service of the organ that the organ's union admin administers (union members). */
	static List<Long> unionMembers(JdbcClient jdbc, String organ, int n) {
		return jdbc.sql("""
				select p.id from person p join org o on o.id = p.organ_id
				where o.name = :organ and p.active = true and p.union_status = 'MEMBER' and p.employment_status = 'IN_SERVICE'
				order by p.id fetch first :n rows only""")
			.param("organ", organ).param("n", n).query(Long.class).list();
	}

	/** Adds union members in service to an organ, with valid fictional ID numbers and mobiles; their ids. */
	static List<Long> addPeople(JdbcClient jdbc, String organ, int n) {
		return addPeople(jdbc, organ, n, "互助测试");
	}

	/** As {@link #addPeople(JdbcClient, String, int)}, named by the prefix and a number. */
	static List<Long> addPeople(JdbcClient jdbc, String organ, int n, String prefix) {
		long organId = jdbc.sql("select id from org where name = :n").param("n", organ).query(Long.class).single();
		OffsetDateTime now = OffsetDateTime.now(TestClock.CLOCK);
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			int seq = SEQUENCE.incrementAndGet();
			ThreadLocalRandom random = ThreadLocalRandom.current();
			String first17 = "990188" + (1970 + random.nextInt(30)) + String.format("%02d%02d%03d", 1 + random.nextInt(12),
					1 + random.nextInt(28), random.nextInt(1000));
			String idNumber = first17 + IdNumber.checkCharacter(first17);
			String mobile = "1365" + String.format("%07d", random.nextInt(10_000_000));
			String name = prefix + seq;
			boolean taken = jdbc.sql("select count(*) from person where id_number = :i or mobile = :m")
				.param("i", idNumber).param("m", mobile).query(Long.class).single() > 0;
			if (taken) {
				i--;
				continue;
			}
			jdbc.sql("""
					insert into person (name, name_pinyin, name_initials, gender, birth_date, id_number, mobile, mobile_reversed,
					  active_mobile, organ_id, political_status, union_status, union_joined_on, employment_status, active,
					  created_at, updated_at)
					values (:name, :pinyin, 'hzcs', 'FEMALE', :birth, :idn, :m, :mr, :m, :organ, 'MASSES', 'MEMBER',
					  date '2010-01-01', 'IN_SERVICE', true, :now, :now)""")
				.param("birth", LocalDate.parse(first17.substring(6, 10) + "-" + first17.substring(10, 12) + "-"
						+ first17.substring(12, 14))).param("name", name).param("pinyin", "huzhuceshi" + seq).param("idn", idNumber).param("m", mobile)
				.param("mr", new StringBuilder(mobile).reverse().toString()).param("organ", organId).param("now", now).update();
			ids.add(jdbc.sql("select id from person where id_number = :i").param("i", idNumber).query(Long.class).single());
		}
		return ids;
	}

	/** An .xlsx with a header row 姓名, 身份证号 and one row per ID number. */
	static byte[] idNumbers(List<String> idNumbers) throws IOException {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XSSFSheet sheet = book.createSheet("参保人员");
			sheet.createRow(0).createCell(0).setCellValue("姓名");
			sheet.getRow(0).createCell(1).setCellValue("身份证号");
			for (int i = 0; i < idNumbers.size(); i++) {
				sheet.createRow(i + 1).createCell(0).setCellValue("某人");
				sheet.getRow(i + 1).createCell(1).setCellValue(idNumbers.get(i));
			}
			book.write(out);
			return out.toByteArray();
		}
	}
}
