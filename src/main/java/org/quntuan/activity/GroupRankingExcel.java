package org.quntuan.activity;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.quntuan.platform.excel.ExcelText;

/** The ranking as an .xlsx file: eight groups, so an in-memory workbook is enough. */
final class GroupRankingExcel {

	private static final String[] HEADERS = { "名次", "片组", "活动数", "参与人数", "人员总数", "参与率(%)", "评价人次", "平均评价",
			"得分", "额外评优名额" };

	private GroupRankingExcel() {
	}

	static String fileName(GroupRankingView view) {
		return view.year() + "年度片组活动排名.xlsx";
	}

	static byte[] write(GroupRankingView view) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("片组排名");
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			Row title = sheet.createRow(0);
			title.createCell(0).setCellValue(view.year() + " 年度片组活动排名（" + view.statusLabel() + "）");
			title.getCell(0).setCellStyle(bold);
			sheet.createRow(1).createCell(0).setCellValue("权重：活动数 " + view.weightActivities() + "%，参与率 "
					+ view.weightParticipation() + "%，活动评价 " + view.weightFeedback() + "%");
			Row header = sheet.createRow(3);
			for (int i = 0; i < HEADERS.length; i++) {
				header.createCell(i).setCellValue(HEADERS[i]);
				header.getCell(i).setCellStyle(bold);
				sheet.setColumnWidth(i, (i == 1 ? 16 : 11) * 256);
			}
			int r = 4;
			for (GroupRankingView.Row row : view.results()) {
				Row line = sheet.createRow(r++);
				line.createCell(0).setCellValue(row.rank());
				line.createCell(1).setCellValue(ExcelText.neutralise(row.groupName()));
				line.createCell(2).setCellValue(row.activities());
				line.createCell(3).setCellValue(row.attendees());
				line.createCell(4).setCellValue(row.members());
				line.createCell(5).setCellValue(row.participationRate().doubleValue());
				line.createCell(6).setCellValue(row.feedbackCount());
				if (row.averageFeedback() != null) {
					line.createCell(7).setCellValue(row.averageFeedback().doubleValue());
				}
				line.createCell(8).setCellValue(row.score().doubleValue());
				line.createCell(9).setCellValue(row.extraAwardQuota());
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
