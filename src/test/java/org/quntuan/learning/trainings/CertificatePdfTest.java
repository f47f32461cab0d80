package org.quntuan.learning.trainings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.quntuan.learning.trainings.TrainingCertificatePdf.Certificate;
import org.quntuan.platform.pdf.CertificatePdf;

class CertificatePdfTest {

	private static final Certificate WANG_KUN = new Certificate("JGGH-2026-PX003-0017", "王堃", "市发展和改革委员会机关工会",
			"2026年全市机关工会干部业务能力提升培训班", LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 27), "中共某市直属机关工作委员会",
			LocalDate.of(2026, 12, 5), "https://qt.example.cn/trainings/certificates/JGGH-2026-PX003-0017?c=7f3a9d");

	@Test
	void theCertificateReadsAsTextWithTheHoldersNameTheTrainingAndTheNumber() throws IOException {
		byte[] pdf = TrainingCertificatePdf.render(WANG_KUN);
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(doc).replaceAll("\\s", "");
			assertThat(text).contains("结业证书", "王堃同志（市发展和改革委员会机关工会）", "2026年全市机关工会干部业务能力提升培训班",
					"于2026年11月23日至2026年11月27日参加", "考核合格，准予结业。", "证书编号：JGGH-2026-PX003-0017",
					"中共某市直属机关工作委员会", "2026年12月5日", "扫码核验证书真伪");
		}
	}

	@Test
	void theCertificateIsOneA4LandscapePageInTheStandardChineseFontNothingEmbedded() throws IOException {
		try (PDDocument doc = Loader.loadPDF(TrainingCertificatePdf.render(WANG_KUN))) {
			assertThat(doc.getNumberOfPages()).isEqualTo(1);
			PDPage page = doc.getPage(0);
			PDRectangle box = page.getMediaBox();
			assertThat(page.getRotation()).isZero();
			assertThat(box.getWidth()).isCloseTo(PDRectangle.A4.getHeight(), offset(0.5f));
			assertThat(box.getHeight()).isCloseTo(PDRectangle.A4.getWidth(), offset(0.5f));
			List<PDFont> fonts = new ArrayList<>();
			for (COSName name : page.getResources().getFontNames()) {
				fonts.add(page.getResources().getFont(name));
			}
			assertThat(fonts).singleElement().satisfies(f -> {
				assertThat(f.getName()).isEqualTo("STSong-Light");
				assertThat(f.isEmbedded()).isFalse();
				assertThat(f.getCOSObject().getDictionaryObject(COSName.TO_UNICODE)).isNotNull();
			});
		}
	}

	@Test
	void theQrCodeInTheCornerLinksToTheVerificationPage() throws IOException, NotFoundException {
		try (PDDocument doc = Loader.loadPDF(TrainingCertificatePdf.render(WANG_KUN))) {
			PDPage page = doc.getPage(0);
			List<PDImageXObject> images = new ArrayList<>();
			for (COSName name : page.getResources().getXObjectNames()) {
				PDXObject x = page.getResources().getXObject(name);
				if (x instanceof PDImageXObject image) {
					images.add(image);
				}
			}
			assertThat(images).hasSize(1);
			BufferedImage qr = images.get(0).getImage();
			int[] pixels = qr.getRGB(0, 0, qr.getWidth(), qr.getHeight(), null, 0, qr.getWidth());
			BinaryBitmap bitmap = new BinaryBitmap(
					new HybridBinarizer(new RGBLuminanceSource(qr.getWidth(), qr.getHeight(), pixels)));
			assertThat(new MultiFormatReader().decode(bitmap).getText()).isEqualTo(WANG_KUN.verifyUrl());
		}
	}

	@Test
	void aLongSentenceIsWrappedWithinTheLineAndNoLineStartsWithClosingPunctuation() {
		String sentence = "王堃同志（市发展和改革委员会机关工会）于2026年11月23日至2026年11月27日参加2026年全市机关工会干部业务能力提升培训班，完成规定课程，考核合格，准予结业。";
		List<String> lines = CertificatePdf.wrap(sentence, 20, 100, 140);
		assertThat(String.join("", lines)).isEqualTo(sentence);
		assertThat(lines).hasSizeGreaterThan(5);
		assertThat(CertificatePdf.width(lines.get(0), 20)).isLessThanOrEqualTo(100 + 20);
		for (String line : lines.subList(1, lines.size())) {
			assertThat(CertificatePdf.width(line, 20)).isLessThanOrEqualTo(140 + 20);
			assertThat("，。、；：）").doesNotContain(line.substring(0, 1));
		}
		assertThat(lines).noneMatch(l -> l.endsWith("（"));
		for (int i = 1; i < lines.size(); i++) {
			String before = lines.get(i - 1);
			assertThat(Character.isDigit(before.charAt(before.length() - 1)) && Character.isDigit(lines.get(i).charAt(0)))
				.as("a number split between lines %s and %s", before, lines.get(i))
				.isFalse();
		}
	}

	@Test
	void datesAreWrittenTheChineseWayWithoutLeadingZeros() {
		assertThat(CertificatePdf.chineseDate(LocalDate.of(2026, 12, 5))).isEqualTo("2026年12月5日");
		assertThat(CertificatePdf.chineseDate(LocalDate.of(2027, 1, 9))).isEqualTo("2027年1月9日");
	}
}
