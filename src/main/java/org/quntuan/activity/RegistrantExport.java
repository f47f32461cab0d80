package org.quntuan.activity;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.quntuan.activity.ActivityViews.Registrant;
import org.quntuan.activity.ActivityViews.Registrants;
import org.quntuan.platform.Zones;
import org.quntuan.platform.excel.ExcelText;
import org.springframework.stereotype.Component;

/** The registrant list as an .xlsx file, as the organizer sees it on screen (mobiles masked). */
@Component
class RegistrantExport {

	private static final String[] HEADERS = { "序号", "姓名", "性别", "所属单位", "手机号", "状态", "候补顺位", "报名时间", "签到时间",
			"评分", "评价" };

	private static final int[] WIDTHS = { 6, 12, 6, 26, 15, 10, 10, 18, 18, 6, 40 };

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final ActivityQueries queries;

	RegistrantExport(ActivityQueries queries) {
		this.queries = queries;
	}

	record File(String name, byte[] bytes) {
	}

	File export(long activityId) {
		Registrants list = queries.registrants(activityId);
		List<Registrant> all = new ArrayList<>(list.confirmed());
		all.addAll(list.pending());
		all.addAll(list.waiting());
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet("报名名单");
			Row head = sheet.createRow(0);
			for (int i = 0; i < HEADERS.length; i++) {
				head.createCell(i).setCellValue(HEADERS[i]);
				sheet.setColumnWidth(i, WIDTHS[i] * 256);
			}
			int n = 1;
			for (Registrant r : all) {
				Row row = sheet.createRow(n);
				int c = 0;
				row.createCell(c++).setCellValue(n++);
				row.createCell(c++).setCellValue(text(r.name()));
				row.createCell(c++).setCellValue(r.gender() == null ? "" : r.gender().label());
				row.createCell(c++).setCellValue(text(r.organName()));
				row.createCell(c++).setCellValue(text(r.mobile()));
				row.createCell(c++).setCellValue(r.status().label());
				row.createCell(c++).setCellValue(r.waitlistPosition() == null ? "" : String.valueOf(r.waitlistPosition()));
				row.createCell(c++).setCellValue(time(r.registeredAt()));
				row.createCell(c++).setCellValue(time(r.attendedAt()));
				row.createCell(c++).setCellValue(r.feedbackStars() == null ? "" : String.valueOf(r.feedbackStars()));
				row.createCell(c).setCellValue(text(r.feedbackComment()));
			}
			book.write(out);
			return new File("报名名单-" + list.title() + ".xlsx", out.toByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String text(String s) {
		return s == null ? "" : ExcelText.neutralise(s);
	}

	private static String time(OffsetDateTime t) {
		return t == null ? "" : t.atZoneSameInstant(Zones.BUSINESS).format(TIME);
	}
}
