package org.quntuan.volunteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.time.LocalDate;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.quntuan.volunteer.VolunteerFixtures.Member;
import org.springframework.test.web.servlet.MvcResult;

class VolunteerCertificateTests extends VolunteerTestSupport {

	@Test
	void theCertificatesTextIsTheRecordAndItsQrCodeOpensThePublicCheck() throws Exception {
		Member m = volunteer("市财政局");
		long id = jdbc.sql("select id from volunteer where person_id = :p").param("p", m.id()).query(Long.class).single();
		LocalDate day = today();
		long first = claim(m, day, "3", "社区敬老服务");
		long second = claim(m, day, "2.5", "五水共治巡河");
		expectStatus(verify("orgadmin1", first, true, null, null), 200);
		expectStatus(verify("orgadmin1", second, true, null, null), 200);

		MvcResult r = getJson(m.username(), "/api/v1/volunteers/" + id + "/certificate");
		expectStatus(r, 200);
		assertThat(r.getResponse().getContentType()).isEqualTo("application/pdf");
		String[] person = jdbc.sql("select p.name, p.id_number, v.number from person p join volunteer v on v.person_id = p.id"
				+ " where p.id = :p").param("p", m.id())
			.query((rs, i) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) }).single();
		String number = jdbc.sql("select number from volunteer_certificate where volunteer_id = :v").param("v", id)
			.query(String.class).single();
		String idNumber = person[1];
		String masked = idNumber.substring(0, 3) + "*".repeat(idNumber.length() - 7) + idNumber.substring(idNumber.length() - 4);
		String date = day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
		String expected = "证明编号：" + number + "志愿服务证明" + "兹证明" + person[0] + "同志（身份证号：" + masked + "，志愿者编号："
				+ person[2] + "）于" + date + "至" + date + "参加志愿服务，经核实累计服务时长5.5小时，服务内容：社区敬老服务、五水共治巡河。特此证明。"
				+ "市财政局工会" + date + "扫码核验证明真伪";
		byte[] pdf = r.getResponse().getContentAsByteArray();
		String verifyUrl;
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			assertThat(new PDFTextStripper().getText(doc).replaceAll("\\s", "")).isEqualTo(expected);
			verifyUrl = qrOf(doc.getPage(0));
		}
		assertThat(verifyUrl).endsWith("/verify/volunteer-certificates/"
				+ jdbc.sql("select code from volunteer_certificate where number = :n").param("n", number).query(String.class).single());

		// the public check shows the minimum: masked name, hours, valid
		String path = URI.create(verifyUrl).getPath();
		String page = mvc.perform(get(path)).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"verify-valid\"").contains(person[0].substring(0, 1) + "**")
			.contains("5.5").doesNotContain(person[0]).doesNotContain(idNumber);
		assertThat(mvc.perform(get("/verify/volunteer-certificates/nosuchcode")).andReturn().getResponse().getStatus())
			.isEqualTo(404);

		// asked again with the same figures: the same certificate; corrected hours: the old one is no longer valid
		expectStatus(getJson("orgadmin1", "/api/v1/volunteers/" + id + "/certificate"), 200);
		assertThat(certificates(id)).isEqualTo(1);
		expectStatus(adjust("orgadmin1", first, "-1", "实际服务两小时"), 201);
		assertThat(mvc.perform(get(path)).andReturn().getResponse().getContentAsString()).contains("id=\"verify-invalid\"");
		expectStatus(getJson(m.username(), "/api/v1/volunteers/" + id + "/certificate"), 200);
		assertThat(certificates(id)).isEqualTo(2);
	}

	@Test
	void onlyThePersonAndTheirAdminsGetItAndOnlyWithVerifiedHours() throws Exception {
		Member m = volunteer("市财政局");
		long id = jdbc.sql("select id from volunteer where person_id = :p").param("p", m.id()).query(Long.class).single();
		assertThat(getJson(m.username(), "/api/v1/volunteers/" + id + "/certificate").getResponse().getStatus())
			.isEqualTo(422);
		claim(m, today(), "1", "社区敬老服务");
		assertThat(getJson(m.username(), "/api/v1/volunteers/" + id + "/certificate").getResponse().getStatus())
			.isEqualTo(422);
		assertThat(getJson("orgadmin2", "/api/v1/volunteers/" + id + "/certificate").getResponse().getStatus())
			.isEqualTo(404);
		assertThat(getJson("member1", "/api/v1/volunteers/" + id + "/certificate").getResponse().getStatus())
			.isEqualTo(404);
		assertThat(certificates(id)).isZero();
	}

	private long claim(Member m, LocalDate day, String hours, String description) throws Exception {
		MvcResult r = claim(m.username(), day, hours, description);
		expectStatus(r, 201);
		return body(r).get("id").asLong();
	}

	private long certificates(long volunteerId) {
		return jdbc.sql("select count(*) from volunteer_certificate where volunteer_id = :v").param("v", volunteerId)
			.query(Long.class).single();
	}

	private static String qrOf(PDPage page) throws Exception {
		for (COSName name : page.getResources().getXObjectNames()) {
			if (page.getResources().getXObject(name) instanceof PDImageXObject image) {
				BufferedImage qr = image.getImage();
				int[] pixels = qr.getRGB(0, 0, qr.getWidth(), qr.getHeight(), null, 0, qr.getWidth());
				return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
						new RGBLuminanceSource(qr.getWidth(), qr.getHeight(), pixels)))).getText();
			}
		}
		throw new AssertionError("no QR code");
	}
}
