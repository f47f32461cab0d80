package org.quntuan.learning.trainings;

import java.time.LocalDate;
import java.util.Objects;

import org.quntuan.platform.Texts;
import org.quntuan.platform.pdf.CertificatePdf;

/** The training certificate (结业证书): its words, laid out by the platform's certificate writer. */
final class TrainingCertificatePdf {

	record Certificate(String number, String holderName, String organName, String trainingTitle,
			LocalDate startsOn, LocalDate endsOn, String issuerName, LocalDate issuedOn, String verifyUrl) {

		Certificate {
			Objects.requireNonNull(number, "number");
			Objects.requireNonNull(holderName, "holderName");
			Objects.requireNonNull(organName, "organName");
			Objects.requireNonNull(trainingTitle, "trainingTitle");
			Objects.requireNonNull(startsOn, "startsOn");
			Objects.requireNonNull(endsOn, "endsOn");
			Objects.requireNonNull(issuerName, "issuerName");
			Objects.requireNonNull(issuedOn, "issuedOn");
			Objects.requireNonNull(verifyUrl, "verifyUrl");
		}
	}

	private TrainingCertificatePdf() {
	}

	static byte[] render(Certificate c) {
		String sentence = Texts.chinese("training.certificate.pdf.sentence", CertificatePdf.clean(c.holderName()),
				CertificatePdf.clean(c.organName()), CertificatePdf.chineseDate(c.startsOn()),
				CertificatePdf.chineseDate(c.endsOn()), CertificatePdf.clean(c.trainingTitle()));
		return CertificatePdf.render(new CertificatePdf.Certificate(
				Texts.chinese("training.certificate.pdf.number", CertificatePdf.clean(c.number())),
				Texts.chinese("training.certificate.pdf.title"), sentence, c.issuerName(), c.issuedOn(), c.verifyUrl(),
				Texts.chinese("training.certificate.pdf.caption"),
				Texts.chinese("training.certificate.pdf.document-title", CertificatePdf.clean(c.number())),
				c.trainingTitle()));
	}
}
